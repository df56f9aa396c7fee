import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct AgentEmitterTests {
    @Test func selfHostedAgentPointsAtItsModelsServiceWithNoKey() throws {
        let out = PlatformCompile.compile()
        #expect(PlatformCompile.errors(out) == [])
        let config = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "ModelConfig", name: "ops-assistant-model", namespace: "platform"))
        #expect(config.apiVersion == "kagent.dev/v1alpha2")
        #expect(config.value.at("spec") == [
            "provider": "OpenAI", "model": "llama-3-70b",
            "openAI": ["baseUrl": "http://llama-3-70b.search.svc.cluster.local:8000/v1"],
        ])
        let agent = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "Agent", name: "ops-assistant", namespace: "platform"))
        #expect(agent.value.at("spec.type") == "Declarative")
        #expect(agent.value.at("spec.description") == "Answers questions about the platform's clusters.")
        #expect(agent.value.at("spec.declarative.modelConfig") == "ops-assistant-model")
        #expect(agent.value.at("spec.declarative.systemMessage") == """
            You operate the platform's Kubernetes clusters.\nRead state with your tools; never guess.\n
            """)
        #expect(agent.value.at("spec.declarative.stream") == true)   // from templates/kagent/agent.yaml
        #expect(agent.value.at("spec.declarative.tools") == [["type": "McpServer", "mcpServer": [
            "apiGroup": "kagent.dev", "kind": "RemoteMCPServer", "name": "k8s-tools",
            "toolNames": ["get_events", "get_logs", "get_pods"],
        ]]])
        let server = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "RemoteMCPServer", name: "k8s-tools", namespace: "platform"))
        #expect(server.value.at("spec.url") == "http://k8s-mcp.tools:8080/mcp")
        #expect(server.value.at("spec.protocol") == "STREAMABLE_HTTP")
        let sse = try #require(PlatformCompile
            .object(out, cluster: "prod-usw2", kind: "RemoteMCPServer", name: "docs-search", namespace: "research"))
        #expect(sse.value.at("spec.protocol") == "SSE")
    }

    /// Issue #16 finding 1 (tracing): kagent traces only through OpenTelemetry, on only with
    /// `OTEL_TRACING_ENABLED=true` and over OTLP/HTTP only with the protocol set (Langfuse has no
    /// gRPC); the `LANGFUSE_*` variables and `OTEL_SERVICE_NAME` were read by nothing.
    @Test func agentTracesToLangfuseOverOTLPHTTPWithTheHeaderFromTheSecret() throws {
        let out = PlatformCompile.compile()
        let agent = try #require(PlatformCompile
            .object(out, cluster: "prod-usw2", kind: "Agent", name: "research-assistant", namespace: "research"))
        #expect(agent.value.at("spec.declarative.deployment.env") == [
            ["name": "OTEL_TRACING_ENABLED", "value": "true"],
            ["name": "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "value": "http/protobuf"],
            ["name": "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "value": "https://langfuse.internal/api/public/otel/v1/traces"],
            ["name": "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "valueFrom": ["secretKeyRef": ["name": "langfuse-keys", "key": "otlp-headers"]]],
            ["name": "OPENAI_API_KEY", "value": "EMPTY"],
        ])
    }

    /// Issue #16 finding 1 (admission): kagent gives the pod no securityContext of its own, so the
    /// Agent carries one `restricted` admits, as the image's own user (uid 1001).
    @Test func agentPodCarriesASecurityContextRestrictedAdmits() throws {
        let out = PlatformCompile.compile()
        let agent = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "Agent", name: "ops-assistant", namespace: "platform"))
        let deployment = try #require(agent.value.at("spec.declarative.deployment"))
        #expect(deployment["podSecurityContext"] == [
            "runAsNonRoot": true, "runAsUser": 1001, "runAsGroup": 1001, "fsGroup": 1001, "seccompProfile": ["type": "RuntimeDefault"],
        ])
        #expect(deployment["securityContext"] == ["allowPrivilegeEscalation": false, "runAsNonRoot": true,
            "capabilities": ["drop": ["ALL"]]])
        // The pod kagent builds from it (manifest_builder.go `buildPodTemplate`: the pod context,
        // the `kagent` container with the container context, a config Secret and a projected token).
        func pod(_ podContext: ManifestValue?, _ containerContext: ManifestValue?) -> ManifestValue {
            var container: ManifestMap = ["name": "kagent", "image": "cr.kagent.dev/kagent-dev/kagent/app:0.9.12"]
            if let containerContext { container["securityContext"] = containerContext }
            var spec: ManifestMap = ["containers": [.map(container)], "volumes": [
                ["name": "config", "secret": ["secretName": "ops-assistant"]],
                ["name": "kagent-token",
                    "projected": ["sources": [["serviceAccountToken": ["audience": "kagent", "path": "kagent-token"]]]]],
            ]]
            if let podContext { spec["securityContext"] = podContext }
            return ["spec": ["template": ["spec": .map(spec)]]]
        }
        let admitted = pod(deployment["podSecurityContext"], deployment["securityContext"])
        #expect(PodSecurityStandard.findings(in: admitted, level: .restricted, minor: 34).isEmpty)
        #expect(!PodSecurityStandard.findings(in: pod(nil, nil), level: .restricted, minor: 34).isEmpty)
    }

    /// Issue #16 finding 1 (model key): kagent sets `OPENAI_API_KEY` only from `apiKeySecret` and
    /// the OpenAI client refuses to start without one; vLLM checks none, so a placeholder does.
    @Test func aSelfHostedModelGetsAPlaceholderKeyOrTheSecretTheSpecNames() throws {
        let plain = PlatformCompile.compile()
        let agent = try #require(PlatformCompile
            .object(plain, cluster: "prod-use1", kind: "Agent", name: "ops-assistant", namespace: "platform"))
        #expect(agent.value.at("spec.declarative.deployment.env")?.listValue?.last == ["name": "OPENAI_API_KEY", "value": "EMPTY"])
        let spec = PlatformCompile
            .edit(PlatformCompile.bundledSpec,
                [("    model: llama-3-70b\n    description", "    model: llama-3-70b\n    apiKeySecret: vllm-key\n    description")])
        let named = PlatformCompile.compile(spec)
        #expect(PlatformCompile.errors(named) == [])
        let config = try #require(PlatformCompile
            .object(named, cluster: "prod-use1", kind: "ModelConfig", name: "ops-assistant-model", namespace: "platform"))
        #expect(config.value.at("spec.apiKeySecret") == "vllm-key")
        #expect(config.value.at("spec.apiKeySecretKey") == "api-key")
        let keyed = try #require(PlatformCompile
            .object(named, cluster: "prod-use1", kind: "Agent", name: "ops-assistant", namespace: "platform"))
        #expect(keyed.value.at("spec.declarative.deployment.env")?.listValue?.contains { $0["name"] == "OPENAI_API_KEY" } == false)
    }

    @Test func providerModelAgentGoesThroughLiteLLMWithTheSecretItNames() throws {
        let spec = PlatformCompile.edit(PlatformCompile.bundledSpec, [("    model: mixtral-8x7b\n    systemMessage",
                                                                        """
                                                                                model: openai/gpt-4o\n\
                                                                                apiKeySecret: research-litellm-key\n    systemMessage
                                                                            """)])
        let out = PlatformCompile.compile(spec)
        #expect(PlatformCompile.errors(out) == [])
        // No self-hosted model to follow: the first cluster.
        let config = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "ModelConfig", name: "research-assistant-model", namespace: "research"))
        #expect(config.value.at("spec") == [
            "provider": "OpenAI", "model": "openai/gpt-4o",
            "openAI": ["baseUrl": "http://litellm.platform-system.svc.cluster.local:4000"],
            "apiKeySecret": "research-litellm-key", "apiKeySecretKey": "api-key",
        ])
    }
}
