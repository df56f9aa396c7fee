import PlatformCore
import Testing

@Suite struct GatewayEmitterTests {
    /// Routes go straight to their models only without client keys (docs/traffic.md).
    static let direct = ("providers:", "gateway: { clientAuth: none }\nproviders:")
    static let canary: [(String, String)] = [direct] + FixtureEdits.canary(named: "llama-next") + [
        ("    hostnames: [api.acme.ai]\n",
            """
                    hostnames: [api.acme.ai]\n    path: /v1/chat/completions\n    match: { headers: { x-team: search, x-env: prod } }\n\
                    rateLimit: { requestsPerMinute: 600 }\n    timeout: 120s\n    retries: 3\n
                """),
    ]

    @Test func oneGatewayPerClusterInTheSystemNamespace() throws {
        let set = Fixture.manifests()
        let gateway = try #require(Fixture.object(set, kind: "Gateway", name: "platform-gateway", namespace: "platform-system"))
        #expect(gateway.value.at("spec", "gatewayClassName") == "kgateway")
        #expect(gateway.value.at("spec", "listeners") == [["name": "http", "protocol": "HTTP", "port": 80,
                                                            "allowedRoutes": ["namespaces": ["from": "Same"]]]])
    }

    @Test func routeWithWeightedCanaryHeadersTimeoutAndReferenceGrant() throws {
        let set = Fixture.manifests(Self.canary)
        let route = try #require(Fixture.object(set, kind: "HTTPRoute", name: "chat", namespace: "platform-system"))
        #expect(route.value.at("spec", "hostnames") == ["api.acme.ai"])
        #expect(route.value
            .at("spec", "parentRefs") == [["group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "platform-gateway",
                                                           "namespace": "platform-system"]])
        let rule = try #require(route.value.at("spec", "rules", "[0]"))
        #expect(rule.at("matches") == [["path": ["type": "PathPrefix", "value": "/v1/chat/completions"],
                                        "headers": [["type": "Exact", "name": "x-env", "value": "prod"],
                                                    ["type": "Exact", "name": "x-team", "value": "search"]]]])
        #expect(rule.at("backendRefs") == [
            ["kind": "Service", "name": "llama-3-70b", "namespace": "search", "port": 8000, "weight": 90],
            ["kind": "Service", "name": "llama-next", "namespace": "search", "port": 8000, "weight": 10],
        ])
        #expect(rule.at("timeouts") == ["request": "120s"])
        let grant = try #require(Fixture.object(set, kind: "ReferenceGrant", name: "platform-gateway-routes", namespace: "search"))
        #expect(grant.value
            .at("spec") == ["from": [["group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "namespace": "platform-system"]],
                                           "to": [["group": "", "kind": "Service"]]])
    }

    @Test func rateLimitAndRetriesAsATrafficPolicy() throws {
        let set = Fixture.manifests(Self.canary)
        let policy = try #require(Fixture.object(set, kind: "TrafficPolicy", name: "chat", namespace: "platform-system"))
        #expect(policy.apiVersion == "gateway.kgateway.dev/v1alpha1")
        #expect(policy.value.at("spec") == [
            "targetRefs": [["group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": "chat"]],
            "rateLimit": ["local": ["tokenBucket": ["maxTokens": 600, "tokensPerFill": 600, "fillInterval": "1m"]]],
            "retry": ["attempts": 3, "retryOn": ["connect-failure", "refused-stream", "reset-before-request"], "statusCodes": [503]],
        ])
    }

    @Test func prefixCacheAwareModelIsReachedThroughItsInferencePool() throws {
        let set = Fixture
            .manifests([Self.direct,
                ("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    routing: { prefixCacheAware: true }\n")])
        // In the pool's own namespace: kgateway resolves InferencePools only there (kgateway#11370).
        let route = try #require(Fixture.object(set, kind: "HTTPRoute", name: "chat", namespace: "search"))
        #expect(route.value.at("spec", "rules", "[0]", "backendRefs") ==
                [["group": "inference.networking.k8s.io", "kind": "InferencePool", "name": "llama-3-70b"]])
        let pool = try #require(Fixture.object(set, kind: "InferencePool", name: "llama-3-70b", namespace: "search"))
        #expect(pool.value.at("spec") == [
            "selector": ["matchLabels": ["app.kubernetes.io/name": "llama-3-70b", "app.kubernetes.io/component": "model-server"]],
            "targetPorts": [["number": 8000]],
            "endpointPickerRef": ["name": "llama-3-70b-epp", "kind": "Service", "port": ["number": 9002], "failureMode": "FailClose"],
        ])
        let epp = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b-epp", namespace: "search"))
        #expect(epp.value.at("spec", "template", "spec", "containers", "[0]", "args") ==
                ["--pool-name", "llama-3-70b", "--pool-namespace", "search", "--pool-group", "inference.networking.k8s.io",
                 "--zap-encoder", "json", "--config-file", "/config/default-plugins.yaml", "--ha-enable-leader-election",
                 "--tracing=false"])
        #expect(epp.value.at("spec", "template", "spec", "serviceAccountName") == "llama-3-70b-epp")
        let service = try #require(Fixture.object(set, kind: "Service", name: "llama-3-70b-epp", namespace: "search"))
        #expect(service.value.at("spec", "ports", "[0]", "port") == 9002)
        let config = try #require(Fixture.object(set, kind: "ConfigMap", name: "llama-3-70b-epp")?.value
            .at("data", "default-plugins.yaml")?.stringValue)
        #expect(config.contains("- type: prefix-cache-scorer"))
        #expect(Fixture.object(set, kind: "RoleBinding", name: "llama-3-70b-epp")?.value.at("roleRef", "name") == "llama-3-70b-epp")
        #expect(Fixture.object(set, kind: "ReferenceGrant", name: "platform-gateway-routes") == nil)
    }

    @Test func routeIsEmittedOnlyWhereOneOfItsModelsRuns() throws {
        let twoClusters = FixtureEdits.spareCluster
        let set = Fixture.manifests(twoClusters)
        #expect(Fixture.object(set, cluster: "prod", kind: "HTTPRoute", name: "chat") != nil)
        #expect(Fixture.object(set, cluster: "spare", kind: "HTTPRoute", name: "chat") == nil)
        // No route served there, so no Gateway either (ServedClustersTests).
        #expect(Fixture.object(set, cluster: "spare", kind: "Gateway", name: "platform-gateway") == nil)
    }
}
