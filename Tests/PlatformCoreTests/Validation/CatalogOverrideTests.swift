import PlatformCore
import Testing

/// The spec's `gpuCatalog` adds GPU models or overrides fields; contradictions are errors.
@Suite struct CatalogOverrideTests {
    static let newGPU = """
        gpuCatalog:
          - name: X1-96GB
            memory: 96Gi
            architecture: hopper
            computeCapability: "9.0"
            fp8: true
            source: vendor datasheet
        clusters:

        """

    @Test func aNewModelIsUsableByPoolsAndModels() {
        let lines = Fixture.lines([
            ("clusters:\n", Self.newGPU),
            ("        instanceType: p5.48xlarge\n",
                "        gpu: X1-96GB\n        gpusPerNode: 8\n        interconnect: nvswitch\n        pricePerHour: 40\n"),
            ("model: H100-SXM-80GB, count: 4", "model: X1-96GB, count: 4"),
            ("gpu: H100-SXM-80GB\n    cluster", "gpu: X1-96GB\n    cluster"),
        ])
        // Only the fabric warning of a custom pool without `network:` remains.
        #expect(lines == ["""
            57:12: warning[W2107]: training job `sft` spans 2 nodes on a pool without an RDMA fabric; NCCL falls back to TCP sockets | \
            help: use a pool with EFA, InfiniBand, RoCE or GPUDirect-TCPX
            """])
    }

    @Test func aNewModelNeedsItsFigures() {
        #expect(Fixture.lines([("clusters:\n", "gpuCatalog:\n  - name: X2\n    fp8: true\nclusters:\n")]) == [
            """
                6:11: error[E2004]: new GPU model `X2` needs `memory` and `architecture` | help: state the figures of a GPU the built-in \
                catalog does not know
                """,
        ])
    }

    @Test func overridesMayNotContradictThemselves() {
        #expect(Fixture.lines([("clusters:\n", "gpuCatalog:\n  - name: A100-80GB\n    fp8: true\nclusters:\n")]) == [
            """
                7:10: error[E2004]: GPU model `A100-80GB` claims fp8 with compute capability 8.0; native fp8 needs 8.9 or later | help: \
                set `fp8: false` or correct `computeCapability`
                """,
        ])
    }
}
