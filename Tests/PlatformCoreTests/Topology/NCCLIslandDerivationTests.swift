import Foundation
import PlatformDiagnostics
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// How `<nvlink>` data becomes islands: NVSwitch targets (by `tclass` or by a switch element in the
/// file) join the GPUs linked to them, GPU↔GPU links join pairs, and a file without `<nvlink>` says nothing.
@Suite struct NCCLIslandDerivationTests {
    static let cases = Golden.casesDir.appendingPathComponent("nccl-topology")

    func read(_ name: String) throws -> (NodeTopology, [Diagnostic]) {
        let bytes = [UInt8](try Data(contentsOf: Self.cases.appendingPathComponent(name)))
        let (doc, diagnostics) = NCCLTopologyReader.read(xml: bytes, file: name)
        return (try #require(doc).topology, diagnostics)
    }

    func read(xml: String) throws -> (NodeTopology, [Diagnostic]) {
        let (doc, diagnostics) = NCCLTopologyReader.read(xml: Array(xml.utf8), file: "t.xml")
        return (try #require(doc).topology, diagnostics)
    }

    /// Four GPUs of sm 80 under one CPU; `links[i]` is the body of GPU i's `<gpu>` element.
    func system(_ links: [String], extra: String = "") -> String {
        var xml = "<system version=\"1\">\n  <cpu numaid=\"0\">\n"
        for (i, body) in links.enumerated() {
            xml += "    <pci busid=\"0000:0\(i + 1):00.0\" class=\"0x030200\"><gpu dev=\"\(i)\" sm=\"80\">\(body)</gpu></pci>\n"
        }
        return xml + extra + "  </cpu>\n</system>\n"
    }

    /// OCI BM.GPU.A100-v2.8 dump: 6 NVSwitch targets × 2 links per GPU → one island at 12 × 20 = 240 GB/s.
    @Test func ociA100DumpIsOneNVSwitchIsland() throws {
        let (topology, diagnostics) = try read("oci-BM.GPU.A100-v2.8-topo.xml")
        #expect(diagnostics.isEmpty)
        #expect(topology.islands == [NVLinkIsland(gpus: Array(0..<8), bandwidthGBps: 240)])
        #expect(topology.interconnect == .nvswitch)
        #expect(topology.nics == 16)
    }

    /// The OCI H100 dump without the `<nvlink>` elements of GPUs 4–7: one island of 4, four lone GPUs.
    @Test func gpusWithoutLinksAreAloneOnceTheFileHasLinks() throws {
        let (topology, diagnostics) = try read("oci-H100-gpus4to7-without-nvlink.xml")
        #expect(diagnostics.isEmpty)
        #expect(topology.islands == [NVLinkIsland(gpus: [0, 1, 2, 3], bandwidthGBps: 370.8)]
                + (4..<8).map { NVLinkIsland(gpus: [$0], bandwidthGBps: 0) })
        #expect(topology.islandSizes == [4, 1, 1, 1, 1])
        #expect(topology.interconnect == .nvswitch)
    }

    /// A target that is a `<pci class="0x068000">` or an `<nvs>` of the file is a switch even when the
    /// `tclass` says otherwise; GPUs on different switches stay apart.
    @Test func switchElementsOfTheFileAreSwitches() throws {
        let extra = "    <pci busid=\"0000:a0:00.0\" class=\"0x068000\"/>\n    <nvs busid=\"0000:b0:00.0\"/>\n"
        let toA = "<nvlink target=\"0000:a0:00.0\" count=\"6\" tclass=\"0x000000\"/>"
        let toB = "<nvlink target=\"0000:b0:00.0\" count=\"6\"/>"
        let (topology, diagnostics) = try read(xml: system([toA, toA, toB, toB], extra: extra))
        #expect(diagnostics.isEmpty)
        #expect(topology.islands == [NVLinkIsland(gpus: [0, 1], bandwidthGBps: 120), NVLinkIsland(gpus: [2, 3], bandwidthGBps: 120)])
        #expect(topology.interconnect == .nvswitch)
    }

    @Test func directLinksAreNVLinkAndLoneGPUsArePCIe() throws {
        let to = { (peer: Int) in "<nvlink target=\"0000:0\(peer + 1):00.0\" count=\"4\" tclass=\"0x030200\"/>" }
        let (paired, _) = try read(xml: system([to(1), to(0), "", ""]))
        #expect(paired.islandSizes == [2, 1, 1])
        #expect(paired.interconnect == .nvlink)
        let (alone, _) = try read(xml: system([to(0), "", "", ""]))    // a self link links nothing
        #expect(alone.islandSizes == [1, 1, 1, 1])
        #expect(alone.interconnect == .pcie)
    }

    /// NCCL asks NVML for the links of a GPU the file gives none, so such a file decides no islands.
    @Test func gpusWithoutAnyNVLinkLeaveIslandsUnknown() throws {
        let (topology, diagnostics) = try read(xml: system(["", "", "", ""]))
        #expect(topology.gpuCount == 4)
        #expect(!topology.hasIslands)
        #expect(topology.interconnect == nil)
        #expect(diagnostics.map(\.code) == [TopologyDiagnosticCode.islandsUnknown])
        #expect(diagnostics
            .first?.message == "topology file has 4 `<gpu>` elements but no `<nvlink>` elements, so its NVLink islands are unknown")
    }
}
