import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// The bundled platform's NetworkPolicies, evaluated as a graph: exactly these connections are
/// possible to or from a team namespace, and no other.
@Suite struct NetworkReachabilityTests {
    typealias Pod = NetworkPolicyEvaluator.Pod
    typealias Port = NetworkPolicyEvaluator.Port

    static func compileBundled() throws -> Compiler.Output {
        let bytes = try Data(contentsOf: SharedTools.repoRoot.appendingPathComponent("platform.yaml"))
        return Compiler().compile(spec: Array(bytes), file: "platform.yaml")
    }

    static func labels(_ map: ManifestMap) -> [String: String] {
        Dictionary(uniqueKeysWithValues: map.map { ($0.key, $0.value.stringValue ?? "") })
    }

    /// The platform's own pods, one per role, plus pods nobody declared (a `debug` pod in each team
    /// namespace, an `attacker` in `default`) and the internet.
    static let infrastructure: [Pod] = [
        Pod(namespace: Conventions.gatewayControllerNamespace, name: "proxy"),
        Pod(namespace: Conventions.systemNamespace, name: "litellm", labels: labels([PlatformLabels.component: .string(Conventions.Component.liteLLM)])),
        Pod(namespace: Conventions.monitoringNamespace, name: "prometheus"),
        Pod(namespace: "kube-system", name: "coredns", labels: ["k8s-app": "kube-dns"]),
        Pod(namespace: "tools", name: "mcp"),
        Pod(namespace: Conventions.kagentNamespace, name: "controller"),
        Pod(namespace: "default", name: "attacker"),
        Pod(namespace: "", name: "internet", external: true),
    ] + ["search", "research", "platform", "support"].map { Pod(namespace: $0, name: "debug") }

    static let ports = [Port(number: 8000), Port(number: 9002), Port(number: 4000), Port(number: 8080), Port(number: 443),
                        Port(number: 53, proto: "UDP"), Port(number: 29500)]
    static let teamNamespaces: Set<String> = ["search", "research", "platform", "support"]

    /// Every allowed `from -> to:port` with a team namespace at either end, sorted.
    static func edges(_ pods: [Pod], _ policies: [Manifest]) -> [String] {
        let evaluator = NetworkPolicyEvaluator(policies: policies)
        var out: [String] = []
        for from in pods {
            for to in pods where to != from && (teamNamespaces.contains(from.namespace) || teamNamespaces.contains(to.namespace)) {
                for port in ports where evaluator.allows(from, to, port) { out.append("\(from.id) -> \(to.id):\(port.label)") }
            }
        }
        return out.sorted()
    }

    static func model(_ ns: String, _ name: String) -> Pod { Pod(namespace: ns, name: name, labels: labels(Conventions.modelSelector(name))) }
    static func allPorts(_ from: String, _ to: String) -> [String] { ports.map { "\(from) -> \(to):\($0.label)" } }
    static func dns(_ pods: [String]) -> [String] { pods.map { "\($0) -> kube-system/coredns:53/UDP" } }

    @Test func prodUse1Matrix() throws {
        let out = try Self.compileBundled()
        #expect(!out.diagnostics.hasErrors)
        let policies = (out.manifests?.manifests(in: "prod-use1") ?? []).filter { $0.kind == "NetworkPolicy" }
        let pods = Self.infrastructure + [
            Self.model("search", "llama-3-70b"), Self.model("search", "llama-3-70b-next"),
            Pod(namespace: "search", name: "epp", labels: Self.labels([PlatformLabels.component: .string(Conventions.Component.endpointPicker)])),
            Pod(namespace: "research", name: "llama-sft-0", labels: Self.labels(Conventions.trainingSelector("llama-sft"))),
            Pod(namespace: "research", name: "llama-sft-1", labels: Self.labels(Conventions.trainingSelector("llama-sft"))),
            Pod(namespace: "platform", name: "ops-assistant", labels: Self.labels(Conventions.agentSelector("ops-assistant"))),
        ]
        let callers = ["kgateway-system/proxy", "monitoring/prometheus", "platform-system/litellm"]
        var expected = Self.dns(["search/llama-3-70b", "search/llama-3-70b-next", "search/epp", "search/debug", "research/llama-sft-0",
                                 "research/llama-sft-1", "research/debug", "platform/ops-assistant", "platform/debug", "support/debug"])
        expected += (callers + ["search/epp", "platform/ops-assistant"]).map { "\($0) -> search/llama-3-70b:8000" }
        expected += callers.map { "\($0) -> search/llama-3-70b-next:8000" }
        expected += ["search/llama-3-70b -> internet:443", "search/llama-3-70b-next -> internet:443"]
        expected += ["kgateway-system/proxy -> search/epp:9002"]
        // The picker reaches the API server, whose address is unknown at compile time: 443/6443 anywhere
        // outside the team namespaces (their ingress still denies it).
        expected += ["internet", "default/attacker", "kagent/controller", "kgateway-system/proxy", "kube-system/coredns",
                     "monitoring/prometheus", "platform-system/litellm", "tools/mcp"].map { "search/epp -> \($0):443" }
        expected += Self.allPorts("research/llama-sft-0", "research/llama-sft-1") + Self.allPorts("research/llama-sft-1", "research/llama-sft-0")
        expected += ["platform/ops-assistant -> tools/mcp:8080"]
        expected += Self.allPorts("kagent/controller", "platform/ops-assistant")
        #expect(Self.edges(pods, policies) == expected.sorted())
    }

    @Test func prodUsw2Matrix() throws {
        let out = try Self.compileBundled()
        let policies = (out.manifests?.manifests(in: "prod-usw2") ?? []).filter { $0.kind == "NetworkPolicy" }
        let pods = Self.infrastructure + [
            Self.model("research", "mixtral-8x7b"), Self.model("research", "qwen-coder-14b"),
            Self.model("support", "llama-3-8b"), Self.model("support", "bge-large"),
            Pod(namespace: "research", name: "research-assistant", labels: Self.labels(Conventions.agentSelector("research-assistant"))),
            // A training pod whose job does not run here finds no peer.
            Pod(namespace: "research", name: "llama-sft-0", labels: Self.labels(Conventions.trainingSelector("llama-sft"))),
        ]
        let callers = ["kgateway-system/proxy", "monitoring/prometheus", "platform-system/litellm"]
        let models = ["research/mixtral-8x7b", "research/qwen-coder-14b", "support/llama-3-8b", "support/bge-large"]
        var expected = Self.dns(models + ["research/research-assistant", "research/llama-sft-0", "research/debug", "support/debug",
                                          "search/debug", "platform/debug"])
        for m in models { expected += callers.map { "\($0) -> \(m):8000" } + ["\(m) -> internet:443"] }
        expected += ["research/research-assistant -> research/mixtral-8x7b:8000", "research/research-assistant -> tools/mcp:8080"]
        expected += Self.allPorts("kagent/controller", "research/research-assistant")
        #expect(Self.edges(pods, policies) == expected.sorted())
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
