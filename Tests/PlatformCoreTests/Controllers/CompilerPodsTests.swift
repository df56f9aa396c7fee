import Foundation
import PlatformCore
import Testing

/// The compiler derives the controllers' pods once, before the NetworkPolicies, the audits and the
/// sync waves, and hands them to traffic, the will-it-run pass and `explain workloads`
/// (`Compiler.Output.pods`): they must be the pods of the objects it finally emits.
@Suite struct CompilerPodsTests {
    /// The bundled platform (Argo CD: cluster-scoped objects get a sync-wave annotation) with a
    /// security exception, so the audit stamps the TrainJob it applies to.
    static let grant = """
        security:
          exceptions:
            - workload: llama-sft
              allow: [hostPath]
              reason: reads the InfiniBand devices of the node

        """

    @Test func outputPodsAreThePodsOfTheEmittedObjects() throws {
        let spec = try String(contentsOf: SharedTools.repoRoot.appendingPathComponent("platform.yaml"), encoding: .utf8) + Self.grant
        let output = Compiler().compile(spec: Array(spec.utf8), file: "platform.yaml")
        #expect(!output.diagnostics.hasErrors)
        let plan = try #require(output.plan)
        let manifests = try #require(output.manifests)
        // The audit changed the objects after the pods were derived.
        let trainJob = try #require(manifests.clusters.flatMap(\.manifests).first { $0.kind == "TrainJob" && $0.name == "llama-sft" })
        #expect(trainJob.annotations[Conventions.securityExceptionAnnotation]?.stringValue?.contains("spec allows hostPath") == true)
        #expect(output.pods.contains { $0.workload == "llama-sft" && $0.role == .trainingNode })
        #expect(output.pods == DerivedPods.derive(plan, manifests: manifests))
        #expect(output.traffic.flatMap { $0.groups.values.joined() }.count == output.pods.count)
    }
}
