import Foundation
@testable import PlatformCore
import PlatformDiagnostics
import Testing

/// The will-it-run pass on small specs: each finding exact (code, message, line:col).
@Suite struct WillItRunTests {
    static func pass(_ spec: String) -> [Diagnostic] {
        let output = Compiler().compile(spec: Array(spec.utf8), file: "platform.yaml")
        guard let plan = output.plan, let manifests = output.manifests else { return [] }
        var bag = DiagnosticBag()
        for finding in WillItRun.run(plan, manifests: manifests) { bag.report(finding) }
        return bag.sorted
    }

    static func findings(_ spec: String) -> [String] {
        pass(spec).map { d in
            "\(d.location.map { "\($0.line):\($0.column)" } ?? "-"): [\(d.code)]: \(d.message)"
        }
    }

    static func notes(_ spec: String, code: String) -> [String] {
        pass(spec).filter { $0.code.rawValue == code }.flatMap { $0.notes.map(\.message) }
    }

    static var withoutTraining: String {
        let text = Fixture.minimal
        return String(text[..<text.range(of: "training:")!.lowerBound])
    }

    /// kagent puts only `declarative.deployment` security settings on the agent's pod: none here,
    /// so `restricted` (the team namespace without training) rejects it (issue #16, finding 1).
    @Test func kagentPodWithoutSecurityContextIsRejectedByRestricted() {
        #expect(Self.findings(Self.withoutTraining).contains(
            "37:11: [E7101]: the pod kagent creates for agent `ops` in namespace `search` of cluster `prod` is rejected by Pod Security `restricted`: spec.containers[kagent].securityContext.allowPrivilegeEscalation: container `kagent` does not set `allowPrivilegeEscalation: false`"))
        #expect(Self.notes(Self.withoutTraining, code: "E7101") == [
            "also: spec.containers[kagent].securityContext.capabilities.drop: container `kagent` does not drop `ALL` capabilities",
            "also: spec.containers[kagent].securityContext.runAsNonRoot: container `kagent` may run as root (`runAsNonRoot: true` is set neither on it nor on the pod)",
            "also: spec.containers[kagent].securityContext.seccompProfile: container `kagent` has no seccomp profile (`RuntimeDefault` or `Localhost`) on it or on the pod",
        ])
    }

    /// The TrainJob's EFA request is not among the ClusterQueue's covered resources (finding 3).
    @Test func uncoveredResourceKeepsTheJobSuspended() {
        #expect(Self.findings(Fixture.minimal).contains(
            "44:11: [E7102]: the pods Kubeflow Trainer creates for training job `sft` request `vpc.amazonaws.com/efa`, which ClusterQueue `search` in cluster `prod` does not cover: Kueue (BlockUndeclared) keeps the job suspended"))
    }

    /// Two teams whose nominal quotas exceed the pool (finding 6).
    @Test func nominalQuotasBeyondThePoolAreReportedAtThePool() {
        let spec = Fixture.spec([("    quota: { gpus: 24 }\n", "    quota: { gpus: 24 }\n  - name: chat\n    quota: { gpus: 40 }\n")])
        #expect(Self.findings(spec).filter { $0.contains("W7103") } == [
            "10:15: [W7103]: nominal quotas of `cpu` on flavor `h100` in cluster `prod` sum to 2304 over 2 ClusterQueues, more than the pool's 1152",
            "10:15: [W7103]: nominal quotas of `memory` on flavor `h100` in cluster `prod` sum to 24576Gi over 2 ClusterQueues, more than the pool's 12288Gi",
            "10:15: [W7103]: nominal quotas of `nvidia.com/gpu` on flavor `h100` in cluster `prod` sum to 64 over 2 ClusterQueues, more than the pool's 48",
        ])
    }

    /// GKE nodes carry `cloud.google.com/gke-nodepool`, not `platformc.dev/node-pool` (finding 5).
    @Test func gkePodsSelectingOurPoolLabelFindNoNode() throws {
        let url = Golden.casesDir.appendingPathComponent("good-specs/gke-aks-oci/platform.yaml")
        let spec = try String(contentsOf: url, encoding: .utf8)
        #expect(Self.findings(spec).filter { $0.contains("E7104") }.first ==
            "42:11: [E7104]: no node pool of cluster `gke` can run the pods of model `llama-3-70b`: they stay pending")
        #expect(Self.notes(spec, code: "E7104").prefix(2) == [
            "pool `h100`: its nodes have no label `platformc.dev/node-pool`",
            "pool `l4-spot`: its nodes have no label `platformc.dev/node-pool`",
        ])
    }

    /// LiteLLM's moving `main-stable`, and a model image without a tag (finding 9).
    @Test func unpinnedImagesAreReported() {
        let spec = Fixture.spec([("    replicas: { min: 2, max: 4 }\n", "    replicas: { min: 2, max: 4 }\n    image: vllm/vllm-openai\n")])
        #expect(Self.findings(spec).filter { $0.contains("E7105") } == [
            "17:11: [E7105]: the pods of model `llama-3-70b` run image `vllm/vllm-openai` (container `vllm`), which has no tag and so means `latest`",
            "26:11: [E7105]: the LiteLLM pods run image `ghcr.io/berriai/litellm:main-stable` (container `litellm`), whose tag `main-stable` moves",
        ])
    }

    /// A DRA pool on AWS is Karpenter's, which launches no node for pods with claims (finding 4).
    @Test func draPodsOnKarpenterPoolsStayPending() {
        let spec = Fixture.spec([("        nodes: { min: 2, max: 6 }\n", "        nodes: { min: 2, max: 6 }\n        gpuAllocation: dra\n")])
        #expect(Self.findings(spec).contains(
            "18:11: [E7106]: the pods of model `llama-3-70b` claim devices through DRA, but Karpenter launches no node for a pod with ResourceClaims (`--ignore-dra-requests` defaults to true): they stay pending"))
    }

    @Test func imagePinning() {
        #expect(ImagePinCheck.problem("vllm/vllm-openai:v0.11.0") == nil)
        #expect(ImagePinCheck.problem("localhost:5000/vllm@sha256:abc") == nil)
        #expect(ImagePinCheck.problem("localhost:5000/vllm") == "which has no tag and so means `latest`")
        #expect(ImagePinCheck.problem("nginx:latest") == "whose tag `latest` moves")
    }

    /// The compile runs the pass: the minimal spec's pods are all admitted and placed, and a finding
    /// of the pass is one of the compile's diagnostics.
    @Test func theCompileReportsThePass() {
        let clean = Compiler().compile(spec: Array(Fixture.minimal.utf8), file: "platform.yaml")
        #expect(clean.diagnostics.sorted.filter { $0.code.rawValue.dropFirst().hasPrefix("71") }.map(\.message) == [])
        let unpinned = Fixture.minimal.replacingOccurrences(of: "image: nvcr.io/nvidia/nemo:25.02", with: "image: nvcr.io/nvidia/nemo:latest")
        let output = Compiler().compile(spec: Array(unpinned.utf8), file: "platform.yaml")
        #expect(output.diagnostics.sorted.contains { $0.code == WillItRun.imageNotPinned })
    }
}
