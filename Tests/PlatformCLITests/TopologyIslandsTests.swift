import Foundation
import Testing

/// #17 findings 1 and 3 through the real binary: a topology file's `<nvlink>` data decides a pool's
/// islands (and contradicting `interconnect:` is E2120), and `placement.allowPCIe` really places.
@Suite struct TopologyIslandsTests {
    static let cases = CLIFixture.repoRoot.appendingPathComponent("Tests/Cases/nccl-topology")

    /// A 30B model in fp8 over two L4s of a `g6.48xlarge` (8× L4, PCIe only): the user had to
    /// rent an H100 at 11× the cost because placement ignored `allowPCIe` (E3001).
    static let l4Spec = """
        apiVersion: platformc/v1alpha1
        kind: Platform
        metadata:
          name: l4
        clusters:
          - name: prod
            provider: aws
            region: us-east-1
            zones: [us-east-1a, us-east-1b]
            nodePools:
              - name: l4
                instanceType: g6.48xlarge
                nodes: { min: 1, max: 2 }
        teams:
          - name: search
            quota: { gpus: 16 }
        models:
          - name: qwen-30b
            team: search
            source: hf://Qwen/Qwen3-30B-A3B
            parameters: 30B
            dtype: fp8
            contextLength: 8192
            maxSequences: 4
            gpu: { model: L4, count: 2 }
            replicas: { min: 2, max: 2 }
            placement: { allowPCIe: true }

        """

    @Test func pcieTensorParallelIsPlacedOnTheL4Pool() throws {
        let fixture = try CLIFixture()
        try fixture.write("platform.yaml", Self.l4Spec)
        let check = try fixture.run(["check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("""
            platform.yaml:25:30: warning[W2102]: model `qwen-30b`: tensor-parallel group of 2 GPUs is larger than the largest NVLink \
            island (1 in `prod/l4`); it will run across PCIe
            """))
        #expect(!check.stderr.contains("E3001"))

        let placement = try fixture.run(["explain", "placement"])
        #expect(placement.status == 0, "\(placement.stderr)")
        #expect(placement.stdout.contains("""
              prod/l4/node-0 [us-east-1a]: GPU 0-1 model/qwen-30b; GPU 2-7 free
              prod/l4/node-1 [us-east-1b]: GPU 0-1 model/qwen-30b; GPU 2-7 free

            replicas:
              model/qwen-30b: 2 on prod/l4 (prod/l4/node-0, prod/l4/node-1)
            """))

        let compile = try fixture.run(["compile", "--out", "out"])
        #expect(compile.status == 0, "\(compile.stderr)")
        #expect(!compile.stderr.contains("E3001"))
        #expect(FileManager.default.fileExists(atPath: fixture.path("out")))
    }

    /// Without `allowPCIe` the same spec is still refused before placement (E2102), and nothing is written.
    @Test func withoutAllowPCIeTheGroupIsStillRefused() throws {
        let fixture = try CLIFixture()
        try fixture.write("platform.yaml", Self.l4Spec.replacingOccurrences(of: "    placement: { allowPCIe: true }\n", with: ""))
        let compile = try fixture.run(["compile", "--out", "out"])
        #expect(compile.status == 1)
        #expect(compile.stderr.contains("""
            platform.yaml:25:30: error[E2102]: model `qwen-30b`: tensor-parallel group of 2 GPUs is larger than the largest NVLink island \
            (1 in `prod/l4`)
            """))
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
    }

    /// An 8-GPU H100 pool that states `interconnect: nvswitch` with a dump whose GPUs 4–7 have no NVLink
    /// (it used to pass as "islands 8"): E2120 at `topologyFile`, a note at `interconnect`, exit 1, nothing written.
    @Test func dumpContradictingInterconnectIsRefused() throws {
        let fixture = try CLIFixture()
        try fixture
            .write("topo/node.xml",
                try String(contentsOf: Self.cases.appendingPathComponent("oci-H100-gpus4to7-without-nvlink.xml"), encoding: .utf8))
        try fixture.edit("""
                  - name: h100
                    instanceType: p5.48xlarge
                    nodes: { min: 0, max: 4 }
            """, """
                  - name: h100
                    gpu: H100-SXM-80GB
                    gpusPerNode: 8
                    interconnect: nvswitch
                    topologyFile: topo/node.xml
                    pricePerHour: 98.32
                    nodes: { min: 0, max: 4 }
            """)
        let compile = try fixture.run(["compile", "--out", "out"])
        #expect(compile.status == 1)
        #expect(compile.stderr.contains("""
            platform.yaml:14:23: error[E2120]: topology file `topo/node.xml` of node pool `h100` shows NVLink islands 4+1+1+1+1 \
            (nvswitch), but it states `interconnect: nvswitch` (islands 8 (nvswitch))
            """))
        #expect(compile.stderr.contains("= note: `interconnect: nvswitch` stated here (platform.yaml:13:23)"))
        #expect(compile.stderr
            .contains("= help: remove `interconnect:` to let the topology file decide, or name this node's own topology dump"))
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
        let check = try fixture.run(["check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("platform.yaml:14:23: error[E2120]: "))

        // Without `interconnect:` the file decides, and `explain inventory` says so.
        try fixture.edit("        interconnect: nvswitch\n", "")
        let inventory = try fixture.run(["explain", "inventory"])
        #expect(inventory.status == 0, "\(inventory.stderr)")
        #expect(inventory.stdout.contains("islands 4+1+1+1+1 over nvswitch"), "\(inventory.stdout)")
    }

    /// The OCI A100 dump (12 NVSwitch links per GPU) on a pool without `interconnect` used to read
    /// "islands 1+1+1+1+1+1+1+1 over pcie" and reject a valid TP=8 model (E2102). `check` and
    /// `explain` read the file through `input.frontEnd` (main's contained reads, #14).
    @Test func ociA100DumpDecidesIslandsOfAPoolWithoutInterconnect() throws {
        let fixture = try CLIFixture()
        try fixture
            .write("topo/node.xml",
                try String(contentsOf: Self.cases.appendingPathComponent("oci-BM.GPU.A100-v2.8-topo.xml"), encoding: .utf8))
        try fixture.edit("""
                  - name: h100
                    instanceType: p5.48xlarge
                    nodes: { min: 0, max: 4 }
            """, """
                  - name: a100
                    gpu: A100-80GB
                    gpusPerNode: 8
                    topologyFile: topo/node.xml
                    pricePerHour: 32.77
                    nodes: { min: 2, max: 2 }
            models:
              - name: llama-3-70b
                team: search
                source: hf://meta-llama/Llama-3.1-70B-Instruct
                parameters: 70B
                architecture: llama-3-70b
                gpu: { model: A100-80GB, count: 8 }
                replicas: { min: 2, max: 2 }
            """)
        let compile = try fixture.run(["compile", "--out", "out"])
        let check = try fixture.run(["check"])
        let inventory = try fixture.run(["explain", "inventory"])
        #expect(compile.status == 0, "\(compile.stderr)")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stderr.contains("E2102"))
        #expect(inventory.status == 0)
        #expect(inventory.stdout.contains("islands 8 over nvswitch"), "\(inventory.stdout)")
    }
}
