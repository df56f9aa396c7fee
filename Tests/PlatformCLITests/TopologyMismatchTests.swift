import Foundation
import Testing

/// #17 finding 2 through the real binary: a topology file of another machine is an error at the
/// pool's `topologyFile`, and `explain inventory` refuses what `check` refuses.
@Suite struct TopologyMismatchTests {
    static let cases = CLIFixture.repoRoot.appendingPathComponent("Tests/Cases/nccl-topology")

    static let customPool = """
                  - name: a100
                    gpu: A100-80GB
                    gpusPerNode: 8
                    topologyFile: topo/node.xml
                    pricePerHour: 32.77
                    nodes: { min: 0, max: 2 }
            """

    func fixture(with file: String) throws -> CLIFixture {
        let fixture = try CLIFixture()
        try fixture.write("topo/node.xml", try String(contentsOf: Self.cases.appendingPathComponent(file), encoding: .utf8))
        try fixture.edit("""
                  - name: h100
                    instanceType: p5.48xlarge
                    nodes: { min: 0, max: 4 }
            """, Self.customPool)
        return fixture
    }

    /// An H100 dump (device 0x2330) on an A100 pool used to pass `check` and `compile`.
    @Test func h100DumpOnAnA100PoolIsRefused() throws {
        let fixture = try fixture(with: "oci-H100-gpus4to7-without-nvlink.xml")
        let compile = try fixture.run(["compile", "--out", "out"])
        #expect(compile.status == 1)
        #expect(compile.stderr.contains("""
            platform.yaml:13:23: error[E2130]: topology file `topo/node.xml` of node pool `a100` shows 8 GPUs of PCI device 0x2330 (H100 \
            SXM5 80GB, `H100-SXM-80GB`), but the pool has `A100-80GB`
            """), "\(compile.stderr)")
        #expect(compile.stderr.contains("= note: GPU `A100-80GB` stated here (platform.yaml:11:14)"))
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
        let inventory = try fixture.run(["explain", "inventory"])
        #expect(inventory.status == 1)
        #expect(inventory.stderr.contains("platform.yaml:13:23: error[E2130]: "))
    }

    /// `explain inventory` exits 1 with the diagnostic `check` gives, for a malformed file and for a missing one.
    @Test func explainInventoryRefusesWhatCheckRefuses() throws {
        let fixture = try fixture(with: "oci-BM.GPU.A100-v2.8-topo.xml")
        try fixture.write("topo/node.xml", "<system version=\"1\">\n  <cpu>\n</system>\n")
        let check = try fixture.run(["check"])
        let inventory = try fixture.run(["explain", "inventory"])
        #expect(check.status == 1 && inventory.status == 1)
        #expect(check.stderr
            .contains("topo/node.xml:3:10: error[E2201]: topology file is not well-formed XML: opening and ending tags do not match"))
        #expect(inventory.stderr == check.stderr)
        #expect(inventory.stdout.isEmpty)

        try FileManager.default.removeItem(atPath: fixture.path("topo/node.xml"))
        let missingCheck = try fixture.run(["check"])
        let missingInventory = try fixture.run(["explain", "inventory"])
        #expect(missingCheck.status == 1 && missingInventory.status == 1)
        #expect(missingInventory.stderr.contains("""
            platform.yaml:13:23: error[E5101]: topology file `topo/node.xml` could not be read: it does not exist or is not readable
            """),
                "\(missingInventory.stderr)")
        #expect(missingInventory.stderr == missingCheck.stderr)
    }

    /// A custom pool with the OCI A100 dump reported "fabric ethernet 0×0 Gbps"; the file lists
    /// 16 ConnectX-6 ports at 100 Gb/s.
    @Test func customPoolShowsTheFabricOfItsFile() throws {
        let fixture = try fixture(with: "oci-BM.GPU.A100-v2.8-topo.xml")
        let inventory = try fixture.run(["explain", "inventory"])
        #expect(inventory.status == 0, "\(inventory.stderr)")
        #expect(inventory.stdout.contains("    islands 8 over nvswitch; fabric roce 16×100 Gbps; device-plugin; on-demand\n"),
            "\(inventory.stdout)")
    }

    /// The Azure ND H100 v5 overlay (8 GPU PCI functions, no `<gpu>`) on a 4-GPU pool got a note only;
    /// it is E2007 now. On its own instance type it passes, its 8 InfiniBand functions matching.
    @Test func ndv5OverlayOnAFourGPUPoolIsRefused() throws {
        let fixture = try fixture(with: "azure-ndv5-topo.xml")
        try fixture.edit("    gpu: A100-80GB\n        gpusPerNode: 8\n", "    gpu: H100-SXM-80GB\n        gpusPerNode: 4\n")
        let check = try fixture.run(["check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("""
            platform.yaml:13:23: error[E2007]: topology file `topo/node.xml` describes 8 GPUs, but node pool `a100` has 4 per node
            """),
                "\(check.stderr)")

        try fixture.edit("    gpu: H100-SXM-80GB\n        gpusPerNode: 4\n", "    instanceType: Standard_ND96isr_H100_v5\n")
        let own = try fixture.run(["check"])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(!own.stderr.contains("error["))
    }
}
