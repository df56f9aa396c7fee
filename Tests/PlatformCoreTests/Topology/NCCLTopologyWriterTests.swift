import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct NCCLTopologyWriterTests {
    let catalog = GPUCatalog.builtIn

    /// Runs `shared/tools/check-nccl-topology` on `text`; nil when the tool is missing (skipped or failed per CI).
    func check(_ text: String, name: String) throws -> (status: Int32, output: String)? {
        guard let tool = SharedFixtures.path("tools/check-nccl-topology") else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", tool, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: SharedTools.readAll(pipe.fileHandleForReading), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test(.needsShared) func p5InstanceGivesAnNVSwitchFileThatRoundTrips() throws {
        let p5 = try #require(InstanceCatalog.builtIn.instance(named: "p5.48xlarge"))
        let h100 = try #require(catalog.model(named: p5.gpu))
        let topology = NodeTopology(instance: p5, gpu: h100)
        #expect(topology.islands == [NVLinkIsland(gpus: Array(0..<8), bandwidthGBps: 370.8)])
        let text = NCCLTopologyWriter.write(topology, gpu: h100, busIDs: (1...8).map { "0000:0\($0):00.0" }, numaNodes: 2)
        #expect(text.hasPrefix("<system version=\"1\">\n  <cpu numaid=\"0\">\n    <pci busid=\"0000:01:00.0\" class=\"0x030200\">\n"
                               + "      <gpu dev=\"0\" sm=\"90\">\n        <nvlink target=\"fffffff:ff:ff.0\" count=\"18\" "
                               + "tclass=\"0x068000\"/>\n"))
        #expect(!text.contains("\t") && !text.contains("<?xml"))
        let (doc, diagnostics) = NCCLTopologyReader.read(xml: Array(text.utf8), file: "p5.xml")
        #expect(diagnostics.isEmpty)
        #expect(doc?.topology.islands == topology.islands)
        #expect(doc?.system.children.map { $0["numaid"] } == ["0", "1"])
        if let result = try check(text, name: "p5.xml") {
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test(.needsShared) func bridgedPairsRoundTripWithPeerLinks() throws {
        let nvl = try #require(catalog.model(named: "H100-NVL-94GB"))
        let topology = NodeTopology(gpuCount: 4, islands: [NVLinkIsland(gpus: [0, 1], bandwidthGBps: 247.2),
                                                          NVLinkIsland(gpus: [2, 3], bandwidthGBps: 247.2)],
                                    nics: 0, source: "test")
        let text = NCCLTopologyWriter.write(topology, gpu: nvl, busIDs: ["0000:1a:00.0", "0000:1b:00.0", "0000:3a:00.0", "0000:3b:00.0"])
        #expect(text.contains("<nvlink target=\"0000:1b:00.0\" count=\"12\" tclass=\"0x030200\"/>"))
        let (doc, diagnostics) = NCCLTopologyReader.read(xml: Array(text.utf8), file: "nvl.xml")
        #expect(diagnostics.isEmpty)
        #expect(doc?.topology.islands == topology.islands)
        if let result = try check(text, name: "nvl.xml") { #expect(result.status == 0, "\(result.output)") }
    }

    @Test func pcieInstanceHasNoNVLinks() throws {
        let g6e = try #require(InstanceCatalog.builtIn.instance(named: "g6e.12xlarge"))
        let l40s = try #require(catalog.model(named: "L40S"))
        let text = NCCLTopologyWriter
            .write(NodeTopology(instance: g6e, gpu: l40s), gpu: l40s,
                busIDs: ["0000:1a:00.0", "0000:1b:00.0", "0000:3a:00.0", "0000:3b:00.0"])
        #expect(!text.contains("nvlink"))
        #expect(text.contains("<gpu dev=\"3\" sm=\"89\"/>"))
        // Without `<nvlink>` NCCL asks NVML for the links, so the file decides no islands (N2204 note).
        let (doc, diagnostics) = NCCLTopologyReader.read(xml: Array(text.utf8), file: "g6e.xml")
        #expect(doc?.topology.gpuCount == 4)
        #expect(doc?.topology.islandSizes == [])
        #expect(diagnostics.map(\.code) == [TopologyDiagnosticCode.islandsUnknown])
    }

    /// Every real file, read and written back, still passes NCCL's rules and gives the same topology.
    @Test(.needsShared, arguments: ["aws-p4d-24xl-topo.xml", "azure-ncv4-topo.xml", "azure-ndv4-topo.xml", "oci-BM.GPU.H100.8-topo.xml"])
    func realFilesRoundTrip(name: String) throws {
        guard let bytes = SharedFixtures.bytes("realworld/nccl/\(name)") else { return }
        let doc = try #require(NCCLTopologyReader.read(xml: bytes, file: name).0)
        let text = NCCLTopologyWriter.write(doc)
        let again = try #require(NCCLTopologyReader.read(xml: Array(text.utf8), file: name).0)
        #expect(again.topology == doc.topology)
        #expect(again.system.descendants.count == doc.system.descendants.count)
        #expect(NCCLTopologyWriter.write(again) == text)
        if let result = try check(text, name: name) { #expect(result.status == 0, "\(result.output)") }
    }
}
