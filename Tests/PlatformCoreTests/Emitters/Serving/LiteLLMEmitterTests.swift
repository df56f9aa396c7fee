import PlatformCore
import Testing

@Suite struct LiteLLMEmitterTests {
    static let withFallback: [(String, String)] = [
        ("      - { model: llama-3-70b, weight: 100 }\n",
            "      - { model: llama-3-70b, weight: 100 }\n    fallbacks:\n      - { provider: openai, model: gpt-4o }\n    timeout: 90s\n"),
        ("teams:\n  - name: search\n", "teams:\n  - name: search\n    budget: { monthly: 130000.50, enforcement: warn }\n"),
    ]

    func config(_ set: ManifestSet) throws -> ManifestValue {
        let map = try #require(Fixture.object(set, kind: "ConfigMap", name: "litellm", namespace: "platform-system"))
        let text = try #require(map.value.at("data", "config.yaml")?.stringValue)
        return try ManifestValue.parse(yaml: text)
    }

    @Test func modelListFallbacksAndKeysByEnvironmentReference() throws {
        let config = try config(Fixture.manifests(Self.withFallback))
        #expect(config.at("model_list") == [
            ["model_name": "llama-3-70b",
             "litellm_params": ["model": "hosted_vllm/llama-3-70b", "api_base": "http://llama-3-70b.search.svc.cluster.local:8000/v1",
                 "timeout": 90]],
            ["model_name": "openai/gpt-4o", "litellm_params": ["model": "openai/gpt-4o", "api_key": "os.environ/OPENAI_API_KEY"]],
        ])
        #expect(config.at("router_settings") == ["routing_strategy": "simple-shuffle", "num_retries": 2,
                                                 "fallbacks": [["llama-3-70b": ["openai/gpt-4o"]]]])
        #expect(config.at("general_settings") == ["master_key": "os.environ/LITELLM_MASTER_KEY"])
        // Budgets are rows of LiteLLM's database (LiteLLMProvisioning), never `default_team_settings`:
        // litellm uses its first entry's max_budget as every new team's default.
        #expect(config.at("litellm_settings", "default_team_settings") == nil)
    }

    @Test func deploymentReadsProviderKeysFromSecrets() throws {
        let set = Fixture.manifests(Self.withFallback)
        let deployment = try #require(Fixture.object(set, kind: "Deployment", name: "litellm", namespace: "platform-system"))
        let container = try #require(deployment.value.at("spec", "template", "spec", "containers", "[0]"))
        #expect(container.at("env", "[name=OPENAI_API_KEY]") ==
                ["name": "OPENAI_API_KEY", "valueFrom": ["secretKeyRef": ["name": "openai-api-key", "key": "api-key"]]])
        #expect(container.at("env", "[name=LITELLM_MASTER_KEY]", "valueFrom", "secretKeyRef", "name") == "litellm-master-key")
        #expect(container.at("args") == ["--config", "/etc/litellm/config.yaml", "--port", "4000"])
        #expect(deployment.value.at("spec", "template", "spec", "serviceAccountName") == "litellm")
        let service = try #require(Fixture.object(set, kind: "Service", name: "litellm", namespace: "platform-system"))
        #expect(service.value.at("spec", "ports", "[0]", "port") == 4000)
    }

    @Test func providerWithoutFallbacksGetsNoKey() throws {
        let set = Fixture.manifests()
        let container = try #require(Fixture.object(set, kind: "Deployment", name: "litellm")?.value
            .at("spec", "template", "spec", "containers", "[0]"))
        #expect(container.at("env", "[name=OPENAI_API_KEY]") == nil)
        #expect(try config(set).at("router_settings", "fallbacks") == nil)
    }

    @Test func noLiteralSecretAnywhere() throws {
        // Every env entry with a value is a non-secret setting; credentials come only by reference.
        let set = Fixture.manifests(Self.withFallback)
        for manifest in set.manifests(in: "prod") where manifest.kind == "Secret" { Issue.record("emitted a Secret \(manifest.name)") }
        let text = try #require(Fixture.object(set, kind: "ConfigMap", name: "litellm")?.value.at("data", "config.yaml")?.stringValue)
        for line in text.split(separator: "\n") where line.contains("api_key") || line.contains("master_key") {
            #expect(line.contains("os.environ/"), "\(line)")
        }
    }
}
