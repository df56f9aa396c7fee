import PlatformCore
import Testing

/// A route between distinct models answers to one client-facing name (docs/traffic.md, "What clients
/// ask for"), and the teams' virtual keys (`teams[].keySecret`) are registered by the provisioning Job.
@Suite struct RouteModelNameTests {
    static let secondModel = ("    replicas: { min: 2, max: 4 }\nroutes:", """
            replicas: { min: 2, max: 4 }
          - name: llama-3-8b
            team: search
            source: hf://meta-llama/Llama-3.1-8B-Instruct
            parameters: 8B
            architecture: llama-3-8b
            gpu: { model: H100-SXM-80GB, count: 1 }
            replicas: { min: 2, max: 2 }
        routes:
        """)
    /// The heaviest backend is listed second: its name is the route's.
    static let abRoute = ("      - { model: llama-3-70b, weight: 100 }\n",
                          "      - { model: llama-3-8b, weight: 30 }\n      - { model: llama-3-70b, weight: 70 }\n")
    static let secondRoute = ("providers:",
        "  - name: chat-8b\n    hostnames: [small.acme.ai]\n    backends:\n      - { model: llama-3-70b }\nproviders:")
    static let sameRoute = ("providers:",
        """
              - name: chat-copy\n    hostnames: [copy.acme.ai]\n    backends:\n      - { model: llama-3-8b, weight: 30 }\n\
                  - { model: llama-3-70b, weight: 70 }\nproviders:
            """)
    static let searchKey = ("  - name: search\n    quota", "  - name: search\n    keySecret: search-key\n    quota")
    static let researchKey = ("teams:\n", "teams:\n  - name: research\n    keySecret: search-key\n")

    /// Both backends under `llama-3-70b`, each deployment with its own `hosted_vllm/<model>` and the
    /// route's weight. Before, each was listed under its own name (with a weight that split nothing).
    @Test func distinctModelsShareTheRoutesName() throws {
        let config = try FrontDoorTests.config(Fixture.manifests([Self.secondModel, Self.abRoute]))
        #expect(config.at("model_list", "[0]", "model_name") == "llama-3-70b")
        #expect(config.at("model_list", "[1]", "model_name") == "llama-3-70b")
        #expect(config.at("model_list", "[1]", "litellm_params") == ["model": "hosted_vllm/llama-3-8b", "weight": 30, "timeout": 60,
                                                                     "api_base": "http://llama-3-8b.search.svc.cluster.local:8000/v1"])
        #expect(config.at("model_list", "[0]", "litellm_params") == ["model": "hosted_vllm/llama-3-70b", "weight": 70, "timeout": 60,
                                                                     "api_base": "http://llama-3-70b.search.svc.cluster.local:8000/v1"])
        // A name with one deployment carries no weight.
        let single = try FrontDoorTests.config(Fixture.manifests([Self.secondModel]))
        #expect(single.at("model_list", "[0]", "model_name") == "llama-3-70b")
        #expect(single.at("model_list", "[0]", "litellm_params", "weight") == nil)
    }

    @Test func distinctModelsWithoutClientKeysAreAnErrorAtTheBackends() {
        #expect(Fixture.lines([Self.secondModel, Self.abRoute, FrontDoorTests.noAuth]).filter { $0.contains("7301") } == [
            """
                35:7: error[E7301]: route `chat` passes through LiteLLM (split between distinct models), which admits only its virtual \
                keys, but `gateway.clientAuth` is `none` | help: set `gateway.clientAuth: virtualKeys` and give each client a key of its \
                team, or give each model its own route (clients of a route all send one model name)
                """,
        ])
    }

    @Test func twoRoutesAnsweringToOneNameMustAgree() {
        #expect(Fixture.lines([Self.secondModel, Self.abRoute, Self.secondRoute]).filter { $0.contains("7310") } == [
            """
                40:7: error[E7310]: routes `chat` and `chat-8b` both answer to model `llama-3-70b` but differ in backends, weights or \
                fallbacks: LiteLLM picks deployments by the request's `model`, not by the route it came in on | help: give the two routes \
                the same backends and fallbacks, or make a different model the heaviest backend of one of them
                """,
        ])
        #expect(Fixture.lines([Self.secondModel, Self.abRoute, Self.sameRoute]).filter { $0.contains("7310") } == [])
    }

    @Test func teamKeysNeedADatabaseClientKeysAndOneTeamEach() {
        #expect(Fixture.lines([Self.searchKey]).filter { $0.contains("E731") } == [
            """
                15:16: error[E7311]: team `search` has a LiteLLM key, but LiteLLM has no database to register it in | help: name the \
                Secret holding LiteLLM's PostgreSQL URL in `litellm.databaseSecret`
                """,
        ])
        #expect(Fixture.lines([Self.searchKey, FrontDoorTests.noAuth]).filter { $0.contains("E731") } == [
            """
                15:16: error[E7312]: team `search` has a LiteLLM key, but `gateway.clientAuth` is `none`: no client sends one | help: set \
                `gateway.clientAuth: virtualKeys`, or remove `keySecret`
                """,
        ])
        #expect(Fixture.lines([Self.searchKey, Self.researchKey, FrontDoorTests.database]).filter { $0.contains("E731") } == [
            """
                17:16: error[E7313]: teams `research` and `search` both take their LiteLLM key from Secret `search-key`: a key belongs to \
                one team | help: give each team its own Secret
                """,
        ])
    }

    /// The Job maps each team's Secret to a variable; its file names the variable, never the key.
    @Test func theProvisioningJobReadsEachTeamsKeyFromItsSecret() throws {
        let set = Fixture.manifests([Self.searchKey, FrontDoorTests.database])
        let job = try #require(set.manifests(in: "prod").first { $0.kind == "Job" && $0.name.hasPrefix("litellm-teams-") })
        #expect(job.value.at("spec", "template", "spec", "containers", "[0]", "env", "[name=LITELLM_KEY_SEARCH]") ==
                ["name": "LITELLM_KEY_SEARCH", "valueFrom": ["secretKeyRef": ["name": "search-key", "key": "key"]]])
        let map = try #require(Fixture.object(set, kind: "ConfigMap", name: job.name, namespace: "platform-system"))
        #expect(map.value.at("data", "teams.yaml")?.stringValue == """
            keys:
            - key_alias: platformc-search
              key_env: LITELLM_KEY_SEARCH
              key_secret: search-key
              team_id: search
            teams:
            - team_alias: search
              team_id: search

            """)
    }
}
