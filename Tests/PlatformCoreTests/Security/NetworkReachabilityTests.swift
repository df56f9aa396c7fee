import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// The bundled platform's NetworkPolicies, evaluated by `NetworkPolicyEvaluator` (the one the
/// flow check uses) over the pods the upstream controllers really create (`DerivedPods`):
/// every needed flow passes, and nobody else gets into a team namespace.
@Suite struct NetworkReachabilityTests {
    typealias Endpoint = NetworkPolicyEvaluator.Endpoint

    static func compileBundled() throws -> Compiler.Output {
        let bytes = try Data(contentsOf: SharedTools.repoRoot.appendingPathComponent("platform.yaml"))
        return Compiler().compile(spec: Array(bytes), file: "platform.yaml")
    }

    static func policies(_ out: Compiler.Output, _ cluster: String) -> [Manifest] {
        (out.manifests?.manifests(in: cluster) ?? []).filter { $0.kind == "NetworkPolicy" }
    }

    static func pods(_ out: Compiler.Output, _ cluster: String) -> [DerivedPod] {
        out.traffic.first { $0.cluster == cluster }?.groups.values.flatMap { $0 } ?? []
    }

    static func endpoint(_ pod: DerivedPod) -> Endpoint { .pod(pod.namespace, labels: pod.labels) }

    /// #15 finding 1: the kgateway proxy runs in the Gateway's namespace (`platform-system`) and
    /// reaches the model on 8000 and the endpoint picker on 9002 (ext_proc, FailClose).
    @Test func gatewayReachesModelAndEndpointPicker() throws {
        let out = try Self.compileBundled()
        #expect(!out.diagnostics.hasErrors)
        let evaluator = NetworkPolicyEvaluator(policies: Self.policies(out, "prod-use1"))
        let pods = Self.pods(out, "prod-use1")
        // With `clientAuth: virtualKeys` the public Gateway reaches LiteLLM (whose namespace has no
        // policy), LiteLLM reaches the internal Gateway and the canary's Service, and only the
        // internal Gateway reaches the pool's model servers and endpoint picker (docs/traffic.md).
        let proxy = try #require(pods.first { $0.role == .gatewayProxy && $0.workload == "platform-gateway" })
        let internalProxy = try #require(pods.first { $0.role == .gatewayProxy && $0.workload == "platform-internal" })
        #expect(proxy.namespace == "platform-system" && internalProxy.namespace == "platform-system")
        let liteLLM = try #require(pods.first { $0.role == .liteLLM })
        let model = try #require(pods.first { $0.role == .modelServer && $0.workload == "llama-3-70b" })
        let canary = try #require(pods.first { $0.role == .modelServer && $0.workload == "llama-3-70b-next" })
        let picker = try #require(pods.first { $0.role == .endpointPicker })
        #expect(evaluator.allows(Self.endpoint(proxy), Self.endpoint(liteLLM), NetworkPort(4000)))
        #expect(evaluator.allows(Self.endpoint(liteLLM), Self.endpoint(internalProxy), NetworkPort(80)))
        #expect(evaluator.allows(Self.endpoint(internalProxy), Self.endpoint(model), NetworkPort(8000)))
        #expect(evaluator.allows(Self.endpoint(internalProxy), Self.endpoint(picker), NetworkPort(9002)))
        #expect(evaluator.allows(Self.endpoint(liteLLM), Self.endpoint(canary), NetworkPort(8000)))
        // Nothing skips LiteLLM: the public Gateway reaches neither the pool nor its picker.
        #expect(!evaluator.allows(Self.endpoint(proxy), Self.endpoint(model), NetworkPort(8000)))
        #expect(!evaluator.allows(Self.endpoint(proxy), Self.endpoint(picker), NetworkPort(9002)))
        // A pod in the namespace the old policies admitted gets nothing.
        #expect(!evaluator.allows(.pod("kgateway-system"), Self.endpoint(model), NetworkPort(8000)))
    }

    /// #16 finding 1: kagent's pod (labels `app: kagent`, `kagent: <agent>`) is what the agent's
    /// policy selects; it reaches its model, its MCP server and the kagent controller on 8083.
    @Test func agentPolicySelectsKagentsPod() throws {
        let out = try Self.compileBundled()
        let policies = Self.policies(out, "prod-use1")
        let agentPolicy = try #require(policies.first { $0.name == "agent-ops-assistant" })
        let agent = try #require(Self.pods(out, "prod-use1").first { $0.role == .agent })
        #expect(agent.labels["kagent"] == "ops-assistant" && agent.labels["app"] == "kagent")
        let selector = agentPolicy.object["spec"]?["podSelector"]?["matchLabels"]?.mapValue ?? ManifestMap()
        #expect(!selector.isEmpty && selector.allSatisfy { agent.labels[$0.key] == $0.value.stringValue })
        let evaluator = NetworkPolicyEvaluator(policies: policies)
        let controller = try #require(Self.pods(out, "prod-use1").first { $0.role == .kagentController })
        #expect(evaluator.allows(Self.endpoint(agent), Self.endpoint(controller), NetworkPort(8083)))
        let model = try #require(Self.pods(out, "prod-use1").first { $0.role == .modelServer && $0.workload == "llama-3-70b" })
        #expect(evaluator.allows(Self.endpoint(agent), Self.endpoint(model), NetworkPort(8000)))
        #expect(evaluator.allows(Self.endpoint(agent), .pod("tools"), NetworkPort(8080)))
    }

    /// #16 finding 3: Trainer does not copy the TrainJob's labels to its pods; the training policy
    /// selects the labels JobSet gives them, and the nodes reach each other on every port.
    @Test func trainingPolicySelectsTrainersPods() throws {
        let out = try Self.compileBundled()
        let policies = Self.policies(out, "prod-use1")
        let training = try #require(policies.first { $0.name == "training-llama-sft" })
        let nodes = Self.pods(out, "prod-use1").filter { $0.role == .trainingNode }
        #expect(!nodes.isEmpty)
        let selector = training.object["spec"]?["podSelector"]?["matchLabels"]?.mapValue ?? ManifestMap()
        #expect(!selector.isEmpty)
        #expect(nodes.allSatisfy { node in selector.allSatisfy { node.labels[$0.key] == $0.value.stringValue } })
        let evaluator = NetworkPolicyEvaluator(policies: policies)
        for a in nodes { for b in nodes { #expect(evaluator.allows(Self.endpoint(a), Self.endpoint(b), nil)) } }
    }

    /// Pods nobody declared (a `debug` pod in each team namespace, an `attacker` in `default`)
    /// reach no pod of a team namespace on any port a flow uses, and reach nothing but DNS.
    @Test func strangersGetNothing() throws {
        let out = try Self.compileBundled()
        for cluster in ["prod-use1", "prod-usw2"] {
            let evaluator = NetworkPolicyEvaluator(policies: Self.policies(out, cluster))
            let graph = try #require(out.traffic.first { $0.cluster == cluster })
            let ports = Set(graph.flows.compactMap(\.port))
            let strangers = [Endpoint.pod("default")] + graph.tenants.sorted().map { Endpoint.pod($0) }
            let targets = Self.pods(out, cluster).filter { graph.tenants.contains($0.namespace) }
            #expect(!targets.isEmpty)
            for stranger in strangers {
                for target in targets where target.namespace != stranger.namespace || stranger.namespace == "default" {
                    for port in ports {
                        #expect(!evaluator.allows(stranger, Self.endpoint(target), port), "\(stranger) -> \(target.workload):\(port)")
                    }
                }
                if graph.tenants.contains(stranger.namespace ?? "") {
                    #expect(!evaluator.allows(stranger, .internet, NetworkPort(443)))
                    #expect(evaluator.allows(stranger, .pod("kube-system", labels: ["k8s-app": "kube-dns"]), NetworkPort(53, "UDP")))
                }
            }
        }
    }

    @Test func everyTeamNamespaceDeniesByDefault() throws {
        let out = try Self.compileBundled()
        for cluster in ["prod-use1", "prod-usw2"] {
            let denies = (out.manifests?.manifests(in: cluster) ?? []).filter { $0.kind == "NetworkPolicy" && $0.name == "default-deny" }
            #expect(denies.map { $0.namespace ?? "" } == ["platform", "research", "search", "support"])
            #expect(denies.allSatisfy { $0.object["spec"] == ["podSelector": .emptyMap, "policyTypes": ["Ingress", "Egress"]] })
        }
    }

    @Test(.needsPython(["kubernetes_validate"]), .needsShared) func emittedTreeValidatesStrictly() throws {
        guard let shared = SharedTools.requireShared(), SharedTools.requirePython(modules: ["kubernetes_validate"]) else { return }
        let out = try Self.compileBundled()
        let tree = try #require(out.tree)
        let dir = try SharedTools.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SharedTools.write(tree.files, under: dir)
        for cluster in ["prod-use1", "prod-usw2"] {
            let result = SharedTools.validateManifests(directory: dir.appendingPathComponent("clusters/\(cluster)"), shared: shared)
            #expect(result.exitCode == 0, "\(result.output)")
        }
    }
}
