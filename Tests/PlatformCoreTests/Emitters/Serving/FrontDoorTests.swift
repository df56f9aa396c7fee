import PlatformCore
import Testing

/// The request path (docs/traffic.md): through LiteLLM when a route needs keys, budgets or
/// fallbacks; InferencePools referenced from their own namespace; TLS at the Gateway; budgets
/// enforced by LiteLLM's database or stated as reported only.
@Suite struct FrontDoorTests {
    static let noAuth = ("providers:", "gateway: { clientAuth: none }\nproviders:")
    static let pooled = ("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    routing: { prefixCacheAware: true }\n")
    static let fallback = ("      - { model: llama-3-70b, weight: 100 }\n",
                           "      - { model: llama-3-70b, weight: 100 }\n    fallbacks:\n      - { provider: openai, model: gpt-4o }\n")
    static let budget = ("teams:\n  - name: search\n", "teams:\n  - name: search\n    budget: { monthly: 200000 }\n")
    static let database = ("providers:", "litellm: { databaseSecret: litellm-database }\nproviders:")

    @Test func routesPassThroughLiteLLMWhenClientsUseVirtualKeys() throws {
        let set = Fixture.manifests()
        let route = try #require(Fixture.object(set, kind: "HTTPRoute", name: "chat", namespace: "platform-system"))
        #expect(route.value.at("spec", "rules", "[0]", "backendRefs") == [["kind": "Service", "name": "litellm", "port": 4000]])
        #expect(Fixture.object(set, kind: "ReferenceGrant", name: "platform-gateway-routes") == nil)
    }

    /// kgateway resolves an InferencePool only in the HTTPRoute's namespace (kgateway#11370).
    @Test func directPoolRouteLivesInThePoolsNamespace() throws {
        let set = Fixture.manifests([Self.noAuth, Self.pooled])
        let route = try #require(Fixture.object(set, kind: "HTTPRoute", name: "chat"))
        #expect(route.namespace == "search")
        #expect(route.value.at("spec", "parentRefs") == [["group": "gateway.networking.k8s.io", "kind": "Gateway",
                                                           "name": "platform-gateway", "namespace": "platform-system"]])
        #expect(route.value.at("spec", "rules", "[0]", "backendRefs") == [["group": "inference.networking.k8s.io", "kind": "InferencePool",
                                                                           "name": "llama-3-70b"]])
        let policy = try #require(Fixture.object(set, kind: "TrafficPolicy", name: "chat"))
        #expect(policy.namespace == "search")
        let gateway = try #require(Fixture.object(set, kind: "Gateway", name: "platform-gateway"))
        #expect(gateway.value
            .at("spec", "listeners", "[0]", "allowedRoutes") == ["namespaces": ["from": "Selector", "selector": ["matchExpressions": [
            ["key": "kubernetes.io/metadata.name", "operator": "In", "values": ["platform-system", "search"]]]]]])
        #expect(Fixture.object(set, kind: "Gateway", name: "platform-internal") == nil)
    }

    @Test func liteLLMReachesAPoolThroughTheInternalGateway() throws {
        let set = Fixture.manifests([Self.pooled])
        let parameters = try #require(Fixture
            .object(set, kind: "GatewayParameters", name: "platform-internal", namespace: "platform-system"))
        #expect(parameters.value.at("spec") == ["kube": ["service": ["type": "ClusterIP"]]])
        let gateway = try #require(Fixture.object(set, kind: "Gateway", name: "platform-internal", namespace: "platform-system"))
        #expect(gateway.value
            .at("spec", "infrastructure") == ["parametersRef": ["group": "gateway.kgateway.dev", "kind": "GatewayParameters",
                                                                                 "name": "platform-internal"]])
        let route = try #require(Fixture.object(set, kind: "HTTPRoute", name: "llama-3-70b-pool", namespace: "search"))
        #expect(route.value
            .at("spec", "rules", "[0]", "matches") == [["headers": [["type": "Exact", "name": "x-platformc-pool", "value": "llama-3-70b"]],
                                                                       "path": ["type": "PathPrefix", "value": "/v1"]]])
        let config = try Self.config(set)
        #expect(config
            .at("model_list", "[0]", "litellm_params", "api_base") == "http://platform-internal.platform-system.svc.cluster.local:80/v1")
        #expect(config.at("model_list", "[0]", "litellm_params", "extra_headers") == ["x-platformc-pool": "llama-3-70b"])
    }

    @Test func tlsListenerWithTheSpecsCertificate() throws {
        let set = Fixture.manifests([("providers:", "gateway: { tls: { secret: api-tls } }\nproviders:")])
        let gateway = try #require(Fixture.object(set, kind: "Gateway", name: "platform-gateway"))
        #expect(gateway.value.at("spec", "listeners") == [["name": "https", "protocol": "HTTPS", "port": 443,
                                                            "tls": ["mode": "Terminate",
                                                                "certificateRefs": [["group": "", "kind": "Secret", "name": "api-tls"]]],
                                                            "allowedRoutes": ["namespaces": ["from": "Same"]]]])
    }

    @Test func fallbacksWithoutClientKeysAreAnErrorAtTheFallbacks() {
        #expect(Fixture.lines([Self.fallback, Self.noAuth]).filter { $0.contains("7301") } == [
            """
                30:7: error[E7301]: route `chat` passes through LiteLLM (fallbacks), which admits only its virtual keys, but \
                `gateway.clientAuth` is `none` | help: set `gateway.clientAuth: virtualKeys` and give each client a key of its team, or \
                drop the route's fallbacks
                """,
        ])
    }

    @Test func budgetWithoutADatabaseIsReportedOnly() {
        #expect(Fixture.lines([Self.budget]).filter { $0.contains("7300") } == [
            """
                15:24: warning[W7300]: budget of team `search` is reported only: LiteLLM has no database (`litellm.databaseSecret`) to \
                keep teams and spend in | help: name the Secret holding LiteLLM's PostgreSQL URL in `litellm.databaseSecret`
                """,
        ])
        #expect(Fixture.lines([Self.budget, Self.database]).filter { $0.contains("7300") } == [])
    }

    /// One team row with one budget in the shared database, written by a Job; none in the config.
    @Test func budgetsAreProvisionedIntoTheDatabaseNotTheConfig() throws {
        let set = Fixture.manifests([Self.budget, Self.database])
        let config = try Self.config(set)
        #expect(config.at("litellm_settings", "default_team_settings") == nil)
        #expect(config.at("general_settings", "database_url") == "os.environ/DATABASE_URL")
        let jobs = set.manifests(in: "prod").filter { $0.kind == "Job" && $0.name.hasPrefix("litellm-teams-") }
        #expect(jobs.count == 1)
        let deployment = try #require(Fixture.object(set, kind: "Deployment", name: "litellm"))
        #expect(deployment.value.at("spec", "template", "spec", "containers", "[0]", "env", "[name=DATABASE_URL]") ==
                ["name": "DATABASE_URL", "valueFrom": ["secretKeyRef": ["name": "litellm-database", "key": "url"]]])
        #expect(Fixture.manifests([Self.budget]).manifests(in: "prod")
            .filter { $0.kind == "Job" && $0.name.hasPrefix("litellm-teams-") }.isEmpty)
    }

    static func config(_ set: ManifestSet) throws -> ManifestValue {
        let map = try #require(Fixture.object(set, kind: "ConfigMap", name: "litellm", namespace: "platform-system"))
        return try ManifestValue.parse(yaml: try #require(map.value.at("data", "config.yaml")?.stringValue))
    }
}
