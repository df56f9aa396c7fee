import Foundation
import PlatformCore
import Testing

/// Shapes the bundled platform does not exercise (a LeaderWorkerSet, DRA whole GPUs, MIG on the
/// device plugin, KEDA with a TriggerAuthentication, every autoscaling metric), compiled from the
/// minimal fixture with the repository's templates and validated strictly.
@Suite struct ServingVariantsValidationTests {
    static let variants: [String: [(String, String)]] = [
        "multi-node": [("gpu: { model: H100-SXM-80GB, count: 4 }", "gpu: { model: H100-SXM-80GB, count: 8, nodes: 2 }"),
                       ("replicas: { min: 2, max: 4 }",
                           "replicas: { min: 1, max: 2 }\n    autoscaling: { metric: kvCacheUsage, target: 80 }"),
                       // one replica spanning two nodes is only allowed outside production (policy P7003)
                       ("    provider: aws\n", "    provider: aws\n    production: false\n")],
        "dra": [("nodes: { min: 2, max: 6 }", "nodes: { min: 6, max: 6, static: true }\n        gpuAllocation: dra"),
                ("    gpusPerNode: 8\n", "    gpusPerNode: 8\n    operator: pytorchjob\n"),
                ("    architecture: llama-3-70b\n",
                    """
                            architecture: llama-3-70b\n    routing: { prefixCacheAware: true }\n\
                            autoscaling: { metric: requestsPerSecond, target: 5 }\n
                        """)],
        "mig-device-plugin": [("nodes: { min: 2, max: 6 }\n", "nodes: { min: 2, max: 6 }\n" + VLLMEmitterTests.migPool),
                              ("gpu: { model: H100-SXM-80GB, count: 4 }", "gpu: { model: A100-80GB, migProfile: 3g.40gb }"),
                              ("parameters: 70B\n    architecture: llama-3-70b", "parameters: 8B\n    architecture: llama-3-8b")],
        "keda-auth": KEDAEmitterTests.autoscaled
            + [("training:", "observability:\n  prometheus: { enabled: true, authSecret: prom-token }\ntraining:")],
        // Fallbacks pass through LiteLLM, which needs client keys: the canary without `clientAuth: none`.
        "canary-fallback": Array(GatewayEmitterTests.canary.dropFirst())
            + [("    timeout: 120s\n", "    timeout: 120s\n    fallbacks:\n      - { provider: openai, model: gpt-4o }\n")],
    ]

    @Test(.needsShared, arguments: variants.keys.sorted())
    func variantValidatesStrictly(_ name: String) throws {
        guard let shared = SharedTools.requireShared() else { return }
        let spec = Fixture.servingSpec(Self.variants[name] ?? [])
        let output = Compiler(templates: try BundledPlatformServingTests.repositoryTemplates())
            .compile(spec: Array(spec.utf8), file: "platform.yaml")
        #expect(output.diagnostics.sorted.filter { $0.severity == .error || $0.code.description.hasPrefix("W5") }.isEmpty,
                "\(output.diagnostics.sorted.map(\.message))")
        let tree = try #require(output.tree)
        let dir = try SharedTools.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SharedTools.write(tree.files, under: dir)
        let result = SharedTools.validateManifests(directory: dir.appendingPathComponent("clusters/prod"), shared: shared)
        #expect(result.exitCode == 0, "\(name): \(result.output)")
        let expressions = CELCompiler.expressions(in: output.manifests ?? ManifestSet())
        if !expressions.isEmpty, let failures = CELCompiler.failures(expressions) { #expect(failures.isEmpty, "\(failures)") }
    }
}
