import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// The flow check over the bundled platform: it passes as emitted, and a policy that cuts a
/// needed flow or opens one tenant to another is an error at the spec line that declared it.
@Suite struct FlowCheckTests {
    static func compileBundled() throws -> Compiler.Output {
        let bytes = try Data(contentsOf: SharedTools.repoRoot.appendingPathComponent("platform.yaml"))
        return Compiler().compile(spec: Array(bytes), file: "platform.yaml")
    }

    static func rendered(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { d in
            "\(d.location.map { "\($0.line):\($0.column)" } ?? "-"): \(d.code): \(d.message)"
        }
    }

    @Test func bundledPlatformNeedsNothingItsPoliciesBlock() throws {
        let out = try Self.compileBundled()
        let manifests = try #require(out.manifests)
        #expect(!out.diagnostics.all.contains { $0.code == TrafficCodes.flowBlocked || $0.code == TrafficCodes.crossTenantOpen })
        #expect(FlowCheck.run(out.traffic, manifests: manifests).isEmpty)
        let flows = out.traffic.flatMap(\.flows)
        // Every kind of flow the issue lists is derived from the emitted objects.
        for purpose in ["client → Gateway listener", "Gateway → InferencePool", "Gateway → endpoint picker", "Gateway → Service",
                        "endpoint picker → model servers", "endpoint picker → API server", "LiteLLM → ", "Prometheus → metrics",
                        "DNS", "weights from", "agent → its model", "agent → MCP server", "agent → kagent controller",
                        "training nodes ↔ each other"] {
            #expect(flows.contains { $0.purpose.hasPrefix(purpose) }, "no flow `\(purpose)`")
        }
    }

    /// The model's policy without its ingress rules: the route that needs the model is the error.
    @Test func blockedFlowIsAnErrorAtTheRoute() throws {
        let out = try Self.compileBundled()
        let manifests = try #require(out.manifests).mapManifests { manifest in
            guard manifest.kind == "NetworkPolicy", manifest.name == "model-llama-3-70b" else { return manifest }
            var cut = manifest
            cut.object["spec"]?["ingress"] = nil
            return cut
        }
        let found = FlowCheck.run(out.traffic, manifests: manifests)
        // Through LiteLLM the pool is reached by the internal Gateway's HTTPRoute `llama-3-70b-pool`,
        // which no spec route declares: the need is the model's, at the model's line.
        let line = try #require(out.plan?.platform.models.first { $0.name == "llama-3-70b" }?.location)
        let pool = Self.rendered(found.filter { $0.message.hasPrefix("model `llama-3-70b` needs Gateway → InferencePool") })
        #expect(pool == [
            """
                \(line.line):\(line.column): E7200: model `llama-3-70b` needs Gateway → InferencePool `search/llama-3-70b`: \
                platform-system/platform-internal (gatewayProxy) → search/llama-3-70b (modelServer) on 8000 is blocked by the \
                NetworkPolicies of cluster `prod-use1`
                """,
        ])
        let first = try #require(found.first { $0.message.hasPrefix("model `llama-3-70b` needs Gateway → InferencePool") })
        #expect(first.notes.map(\.message) == [
            """
                ingress of search/llama-3-70b (modelServer) is selected by `search/default-deny`, `search/model-llama-3-70b` and none \
                allows it
                """,
            "needed by HTTPRoute search/llama-3-70b-pool in cluster `prod-use1`",
        ])
        // The public route itself (client → Gateway → LiteLLM) is untouched.
        #expect(!found.contains { $0.message.hasPrefix("route `chat`") })
        // The agent and Prometheus lose the model too, each at its own line.
        #expect(Set(found.map(\.code)) == [TrafficCodes.flowBlocked])
        #expect(found.contains { $0.message.hasPrefix("agent `ops-assistant` needs agent → its model") })
    }

    /// A policy that lets any pod of `research` into `search`: cross-tenant, and no flow needs it.
    @Test func crossTenantOpenFlowIsAnError() throws {
        let out = try Self.compileBundled()
        var manifests = try #require(out.manifests)
        let open = Manifest(apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", name: "open-to-research", namespace: "search",
                            body: ["spec": ["podSelector": ["matchLabels": ["app.kubernetes.io/name": "llama-3-70b-next"]],
                                            "policyTypes": ["Ingress"],
                                            "ingress": [["from": [["namespaceSelector":
                                                ["matchLabels": ["kubernetes.io/metadata.name": "research"]]]]]]]])
        // …and research's pods may send anything to search (both ends must allow it).
        let send = Manifest(apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", name: "send-to-search", namespace: "research",
                            body: ["spec": ["podSelector": .emptyMap, "policyTypes": ["Egress"],
                                            "egress": [["to": [["namespaceSelector":
                                                ["matchLabels": ["kubernetes.io/metadata.name": "search"]]]]]]]])
        _ = manifests.insert(open, into: "prod-use1")
        _ = manifests.insert(send, into: "prod-use1")
        let found = FlowCheck.run(out.traffic, manifests: manifests)
        #expect(Self.rendered(found).prefix(1) == [
            """
                84:11: E7201: pods of `research` can reach search/llama-3-70b-next (modelServer) on 8000/TCP across tenants `research` and \
                `search`, and no declared flow needs it
                """,
        ])
    }

    @Test func evaluatorFollowsKubernetesSemantics() throws {
        let policy = Manifest(apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", name: "p", namespace: "a", body: ["spec": [
            "podSelector": ["matchExpressions": [["key": "tier", "operator": "In", "values": ["web"]]]],
            "ingress": [["from": [["namespaceSelector": ["matchExpressions": [["key": "team", "operator": "Exists"]]],
                                   "podSelector": ["matchLabels": ["role": "client"]]],
                                  ["ipBlock": ["cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]]]],
                         "ports": [["port": "http", "protocol": "TCP"], ["port": 9000, "endPort": 9010]]]],
        ]])
        let evaluator = NetworkPolicyEvaluator(policies: [policy], namespaceLabels: ["b": ["team": "x"]])
        let web = NetworkPolicyEvaluator.Endpoint.pod("a", labels: ["tier": "web"], namedPorts: ["http": NetworkPort(8080)])
        let client = NetworkPolicyEvaluator.Endpoint.pod("b", labels: ["role": "client"])
        #expect(evaluator.allows(client, web, NetworkPort(8080)))               // named port
        #expect(evaluator.allows(client, web, NetworkPort(9005)))               // endPort range
        #expect(!evaluator.allows(client, web, NetworkPort(9011)))
        #expect(!evaluator.allows(client, web, nil))                            // every port needs a rule without ports
        #expect(!evaluator.allows(.pod("c", labels: ["role": "client"]), web, NetworkPort(8080)))   // namespace lacks `team`
        #expect(evaluator.allows(.internet, web, NetworkPort(8080)))            // ipBlock, outside the except
        #expect(!evaluator.allows(.pod("a", labels: ["role": "client"]), web, NetworkPort(8080)))
        // No policyTypes and no egress rules: Ingress only, egress stays open.
        #expect(evaluator.allows(web, .internet, NetworkPort(443)))
        // A pod no policy selects is open.
        #expect(evaluator.allows(client, .pod("a", labels: ["tier": "db"]), NetworkPort(5432)))
    }
}
