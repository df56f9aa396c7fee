import PlatformDiagnostics
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct NCCLTopologyReaderTests {
    func read(_ name: String) -> (NCCLTopologyDocument?, [Diagnostic])? {
        guard let bytes = SharedFixtures.bytes("realworld/nccl/\(name)") else { return nil }
        return NCCLTopologyReader.read(xml: bytes, file: name)
    }

    /// OCI BM.GPU.H100.8 dump: 8 H100 (sm 90), each with 5+5+4+4 = 18 links to NVSwitches → one island
    /// at 18 × 20.6 = 370.8 GB/s; 8 dual-port CX-7 give 16 `<net>`.
    @Test(.needsShared) func ociDumpIsOneNVSwitchIsland() throws {
        guard let (doc, diagnostics) = read("oci-BM.GPU.H100.8-topo.xml") else { return }
        let topology = try #require(doc).topology
        #expect(diagnostics.isEmpty)
        #expect(topology.gpuCount == 8)
        #expect(topology.islands == [NVLinkIsland(gpus: Array(0..<8), bandwidthGBps: 370.8)])
        #expect(topology.nics == 16)
        #expect(topology.islandSizes == [8])
    }

    /// Azure NC A100 v4 dump: 4 GPUs whose only `<nvlink>` targets their own bus ID → four lone GPUs.
    @Test(.needsShared) func azureNCv4SelfLinksMakeNoIsland() throws {
        guard let (doc, diagnostics) = read("azure-ncv4-topo.xml") else { return }
        let topology = try #require(doc).topology
        #expect(topology.islands == (0..<4).map { NVLinkIsland(gpus: [$0], bandwidthGBps: 0) })
        #expect(topology.nics == 1)
        #expect(diagnostics.map(\.code) == [TopologyDiagnosticCode.selfTargetedNVLink])
        #expect(diagnostics.first?.severity == .note)
        #expect(diagnostics.first?.location == SourceLocation(file: "azure-ncv4-topo.xml", line: 1, column: 1))
    }

    /// AWS p4d overlay: 4 synthetic switches with 2 GPUs and 1 EFA each, comments everywhere, no `<gpu>`.
    @Test(.needsShared) func awsP4dOverlayLeavesIslandsUnknown() throws {
        guard let (doc, diagnostics) = read("aws-p4d-24xl-topo.xml") else { return }
        let topology = try #require(doc).topology
        #expect(topology.gpuCount == 8)
        #expect(topology.islands.isEmpty)
        #expect(topology.nics == 4)
        #expect(diagnostics.map(\.code) == [TopologyDiagnosticCode.islandsUnknown])
        #expect(diagnostics.first?.location == SourceLocation(file: "aws-p4d-24xl-topo.xml", line: 15, column: 1))
    }

    /// Azure ND A100 v4 overlay: 8 GPUs and 8 InfiniBand functions (class 0x020700), `16 GT/s` speeds.
    @Test(.needsShared) func azureNDv4OverlayCountsInfiniBandFunctions() throws {
        guard let (doc, diagnostics) = read("azure-ndv4-topo.xml") else { return }
        let topology = try #require(doc).topology
        #expect(topology.gpuCount == 8)
        #expect(topology.islands.isEmpty)
        #expect(topology.nics == 8)
        #expect(diagnostics.map(\.code) == [TopologyDiagnosticCode.islandsUnknown])
    }

    @Test func malformedXMLIsADiagnosticWithALine() {
        let xml = "<system version=\"1\">\n  <cpu numaid=\"0\">\n    <pci busid=\"0000:01:00.0\">\n  </cpu>\n</system>\n"
        let (doc, diagnostics) = NCCLTopologyReader.read(xml: Array(xml.utf8), file: "bad.xml")
        #expect(doc == nil)
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.code == TopologyDiagnosticCode.malformedXML && $0.severity == .error })
        #expect(diagnostics.first?.location?.line == 4)
        #expect(diagnostics.first?.message.contains("opening and ending tags do not match") == true)
    }

    @Test func emptyAndBinaryInputDoNotCrash() {
        for input in [[UInt8](), [0xff, 0xfe, 0x00, 0x3c], Array("<".utf8), Array("<system".utf8)] {
            let (doc, diagnostics) = NCCLTopologyReader.read(xml: input, file: "x.xml")
            #expect(doc == nil)
            #expect(diagnostics.contains { $0.code == TopologyDiagnosticCode.malformedXML })
        }
    }

    @Test func entitiesAreNotExpanded() {
        let xml = "<!DOCTYPE system [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<system version=\"1\"><cpu numaid=\"&x;\"/></system>"
        let (doc, _) = NCCLTopologyReader.read(xml: Array(xml.utf8), file: "e.xml")
        #expect(doc?.system.children.first?["numaid"]?.contains("root") != true)
    }

    @Test func otherRootsAndVersionsAreErrors() {
        let (doc, diagnostics) = NCCLTopologyReader.read(xml: Array("<graphs version=\"1\"/>".utf8), file: "g.xml")
        #expect(doc == nil)
        #expect(diagnostics.map(\.code) == [TopologyDiagnosticCode.notASystem])
        let (_, v2) = NCCLTopologyReader.read(xml: Array("<system version=\"2\"></system>".utf8), file: "v.xml")
        #expect(v2.map(\.code).contains(TopologyDiagnosticCode.unsupportedVersion))
    }

    /// An NVLink mesh without a switch: GPUs 0–1 and 2–3 bridged in pairs (sm 90, 12 links each).
    @Test func bridgedPairsFormTwoIslands() throws {
        var xml = "<system version=\"1\">\n  <cpu numaid=\"0\">\n"
        let bus = ["0000:01:00.0", "0000:02:00.0", "0000:03:00.0", "0000:04:00.0"]
        for (i, b) in bus.enumerated() {
            let peer = bus[i ^ 1]
            xml += "    <pci busid=\"\(b)\" class=\"0x030200\"><gpu dev=\"\(i)\" sm=\"90\"><nvlink target=\"\(peer)\" count=\"12\" "
                + "tclass=\"0x030200\"/></gpu></pci>\n"
        }
        xml += "  </cpu>\n</system>\n"
        let (doc, diagnostics) = NCCLTopologyReader.read(xml: Array(xml.utf8), file: "pairs.xml")
        #expect(diagnostics.isEmpty)
        #expect(try #require(doc).topology.islands == [NVLinkIsland(gpus: [0, 1], bandwidthGBps: 247.2),
                                                       NVLinkIsland(gpus: [2, 3], bandwidthGBps: 247.2)])
    }
}
