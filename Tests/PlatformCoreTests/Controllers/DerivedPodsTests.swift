import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// The pods the upstream controllers derive from what we emit (`DerivedPods`).
@Suite struct DerivedPodsTests {
    static func pods(_ spec: String) throws -> [DerivedPod] {
        let output = Compiler().compile(spec: Array(spec.utf8), file: "platform.yaml")
        let plan = try #require(output.plan)
        let manifests = try #require(output.manifests)
        return DerivedPods.derive(plan, manifests: manifests)
    }

    /// kagent v0.9.12: `app: kagent`, `kagent: <agent>` and its own app.kubernetes.io labels, never
    /// the Agent's; the securityContext is the one the Agent's `declarative.deployment` sets (issue #16,
    /// finding 1): what `restricted` requires, as kagent's image user 1001.
    @Test func kagentAgentPod() throws {
        let agent = try #require(try Self.pods(Fixture.minimal).first { $0.role == .agent })
        #expect(agent.cluster == "prod" && agent.namespace == "search" && agent.workload == "ops")
        #expect(agent.labels == ["app": "kagent", "kagent": "ops", "app.kubernetes.io/managed-by": "kagent",
                                 "app.kubernetes.io/part-of": "kagent", "app.kubernetes.io/name": "ops"])
        #expect(agent.labels[PlatformLabels.component] == nil)
        #expect(agent.serviceAccount == "ops")
        #expect(agent.ports == [NetworkPort(8080)])
        #expect(agent.podSpec["securityContext"] == ["fsGroup": 1001, "runAsGroup": 1001, "runAsNonRoot": true, "runAsUser": 1001,
                                                     "seccompProfile": ["type": "RuntimeDefault"]])
        #expect(agent.podSpec["containers"]?[0]?["securityContext"] == ["allowPrivilegeEscalation": false,
                                                                        "capabilities": ["drop": ["ALL"]], "runAsNonRoot": true])
        #expect(agent.declaredAt.map { "\($0.line):\($0.column)" } == "37:11")
        #expect(agent.count == 1)
    }

    /// Trainer v2.3.0 + JobSet v0.12.0: numNodes pods with JobSet's labels and none of the TrainJob's.
    @Test func trainJobPods() throws {
        let node = try #require(try Self.pods(Fixture.minimal).first { $0.role == .trainingNode })
        #expect(node.namespace == "search" && node.workload == "sft" && node.count == 2)
        #expect(node.labels == ["jobset.sigs.k8s.io/jobset-name": "sft", "jobset.sigs.k8s.io/replicatedjob-name": "node",
                                "jobset.sigs.k8s.io/replicatedjob-replicas": "1", "jobset.sigs.k8s.io/job-index": "0"])
        #expect(node.queueName == "search-queue")
        let container = try #require(node.podSpec["containers"]?[0])
        #expect(container["name"] == "node")
        #expect(container["image"] == "nvcr.io/nvidia/nemo:25.02")
        #expect(container["resources"]?["requests"]?["nvidia.com/gpu"] == "8")
        #expect(node.podSpec["nodeSelector"]?["karpenter.sh/nodepool"] == "h100")
        #expect(node.podSpec["nodeSelector"]?["platformc.dev/node-pool"] == nil)
        #expect(node.declaredAt.map { "\($0.line):\($0.column)" } == "44:11")
    }

    /// LeaderWorkerSet v0.8.0: per group a leader (worker-index 0) and size-1 workers.
    @Test func leaderWorkerSetPods() throws {
        let spec = Fixture.spec([("gpu: { model: H100-SXM-80GB, count: 4 }", "gpu: { model: H100-SXM-80GB, count: 8, nodes: 2 }"),
                                 ("quota: { gpus: 24 }", "quota: { gpus: 48 }"),
                                 ("nodes: { min: 2, max: 6 }", "nodes: { min: 2, max: 12 }")])
        let pods = try Self.pods(spec).filter { $0.workload == "llama-3-70b" && $0.role != .endpointPicker }
        #expect(pods.map(\.role) == [.modelLeader, .modelWorker])
        #expect(pods.map(\.count) == [2, 2])
        #expect(pods[0].labels["leaderworkerset.sigs.k8s.io/name"] == "llama-3-70b")
        #expect(pods[0].labels["leaderworkerset.sigs.k8s.io/worker-index"] == "0")
        #expect(pods[1].labels["leaderworkerset.sigs.k8s.io/worker-index"] == nil)
        #expect(pods[0].owner.kind == "LeaderWorkerSet")
    }

    /// kgateway: the proxy runs in the Gateway's namespace, listener 80 on 8080.
    @Test func gatewayProxyPod() throws {
        let proxy = try #require(try Self.pods(Fixture.minimal).first { $0.role == .gatewayProxy })
        #expect(proxy.namespace == Conventions.systemNamespace)
        #expect(proxy.labels["gateway.networking.k8s.io/gateway-name"] == Conventions.gatewayName)
        #expect(proxy.ports == [NetworkPort(8080)])
    }

    /// Every workload of the bundled platform and of a generated fleet has pods, and no derived pod
    /// fails the pass.
    @Test(arguments: ["bundled", "generated"])
    func everyWorkloadHasPodsThatPassThePass(_ which: String) throws {
        let spec = which == "bundled"
            ? try String(contentsOf: SharedTools.repoRoot.appendingPathComponent("platform.yaml"), encoding: .utf8)
            : PlatformGenerator.generate(GeneratorParameters(seed: 7, clusters: 3, nodes: 60, models: 30, teams: 5))
        let output = Compiler().compile(spec: Array(spec.utf8), file: "platform.yaml")
        let platform = try #require(output.platform)
        let pods = DerivedPods.derive(try #require(output.plan), manifests: try #require(output.manifests))
        let workloads = Set(pods.map(\.workload))
        for model in platform.models { #expect(workloads.contains(model.name), "model \(model.name) has no pods") }
        for agent in platform.agents { #expect(workloads.contains(agent.name), "agent \(agent.name) has no pods") }
        for job in platform.training { #expect(workloads.contains(job.name), "training job \(job.name) has no pods") }
        #expect(pods.allSatisfy { $0.count >= 0 && !$0.derivedBy.isEmpty })
        let failing = WillItRun.run(try #require(output.plan), manifests: try #require(output.manifests))
        #expect(failing.map { DiagnosticRenderer(snippets: false).text($0) } == [])
    }
}
