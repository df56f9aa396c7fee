import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// #17 finding 2: a pool's topology file is compared with the pool's GPU (PCI device id, `sm`), GPU
/// count and NIC ports; a custom pool takes the file's NICs as its fabric.
@Suite struct PoolHardwareCheckTests {
    static let cases = Golden.casesDir.appendingPathComponent("nccl-topology")

    func fixture(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: Self.cases.appendingPathComponent(name))) }

    func run(_ spec: String, files: [String: [UInt8]]) -> (NodePool?, [Diagnostic]) {
        var bag = DiagnosticBag()
        let platform = FrontEnd(file: "platform.yaml", topologyFiles: files).run(Array(spec.utf8), into: &bag)
        return (platform?.clusters.first?.nodePools.first, bag.sorted.filter { $0.severity != .note })
    }

    /// Where `topologyFile:`'s value starts in `spec`.
    func topologyFileValue(_ spec: String, key: String = "topologyFile") -> PlatformDiagnostics.SourceLocation {
        let lines = spec.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.contains("\(key):") } ?? 0
        let line = lines[index]
        let column = line.distance(from: line.startIndex, to: line.range(of: "\(key): ")!.upperBound) + 1
        return PlatformDiagnostics.SourceLocation(file: "platform.yaml", line: index + 1, column: column)
    }

    /// An H100 dump (PCI device 0x2330, `sm="90"`) on a pool of A100s used to pass silently.
    @Test func h100DumpOnAnA100PoolIsAnError() throws {
        let spec = PoolTopologyTests.custom("A100-80GB")
        let (_, diagnostics) = run(spec, files: ["topo/node.xml": try fixture("oci-H100-gpus4to7-without-nvlink.xml")])
        let error = try #require(diagnostics.first)
        #expect(error.code == "E2130")
        #expect(error.message == """
            topology file `topo/node.xml` of node pool `gpus` shows 8 GPUs of PCI device 0x2330 (H100 SXM5 80GB, `H100-SXM-80GB`), but the \
            pool has `A100-80GB`
            """)
        #expect(error.location == topologyFileValue(spec))
        #expect(error.notes == [DiagnosticNote("GPU `A100-80GB` stated here", at: topologyFileValue(spec, key: "        gpu"))])
        #expect(error.help == "name the topology dump of a node with `A100-80GB` GPUs, or state the pool's real GPU")
        #expect(!diagnostics.contains { $0.code == "E2131" })  // one contradiction of the GPU, said once
    }

    /// A file without device ids but with `sm` (a hand-made overlay of 8 GPUs at `sm="90"`) on A100s.
    @Test func smOfAnotherComputeCapabilityIsAnError() throws {
        let gpus =
            (0..<8).map { "    <pci busid=\"0000:0\($0 + 1):00.0\" class=\"0x030200\">\n      <gpu dev=\"\($0)\" sm=\"90\"/>\n    </pci>" }
        let xml = "<system version=\"1\">\n  <cpu numaid=\"0\">\n" + gpus.joined(separator: "\n") + "\n  </cpu>\n</system>\n"
        let spec = PoolTopologyTests.custom("A100-80GB")
        let (_, diagnostics) = run(spec, files: ["topo/node.xml": Array(xml.utf8)])
        #expect(diagnostics.map(\.code) == ["E2131"])
        #expect(diagnostics.first?.message == """
            topology file `topo/node.xml` of node pool `gpus` shows GPUs with `sm=\"90\"` (compute capability 9.0), but `A100-80GB` has \
            compute capability 8.0
            """)
        #expect(diagnostics.first?.location == topologyFileValue(spec))
    }

    /// The OCI A100 dump lists 16 RoCE ports; a pool that states 4 NICs contradicts it.
    @Test func nicPortsOfAnotherMachineAreAnError() throws {
        let spec = PoolTopologyTests.custom("A100-80GB").replacingOccurrences(of: "nics: 16", with: "nics: 4")
        let (_, diagnostics) = run(spec, files: ["topo/node.xml": try fixture("oci-BM.GPU.A100-v2.8-topo.xml")])
        #expect(diagnostics.map(\.code) == ["E2132"])
        #expect(diagnostics.first?.message == "topology file `topo/node.xml` of node pool `gpus` lists 16 NIC ports, but the pool has 4")
        #expect(diagnostics.first?.location == topologyFileValue(spec))
        #expect(diagnostics.first?.notes.map(\.message) == ["`network:` stated here"])
    }

    /// A custom pool without `network:` reported "ethernet 0×0 Gbps"; the file's 16 CX-6 ports at
    /// 100 Gb/s (Mellanox, Ethernet class: RoCE) are its fabric now.
    @Test func customPoolTakesTheFabricOfTheFile() throws {
        let spec = PoolTopologyTests.custom("A100-80GB")
            .replacingOccurrences(of: "        network: { fabric: efa, nics: 16, gbpsPerNic: 100 }\n", with: "")
        let (pool, diagnostics) = run(spec, files: ["topo/node.xml": try fixture("oci-BM.GPU.A100-v2.8-topo.xml")])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(pool?.fabric == .roce)
        #expect(pool?.nics == 16)
        #expect(pool?.gbpsPerNic == 100)
    }

    /// Azure's ND A100 v4 overlay has no `<gpu>` elements but 8 GPU PCI functions: on a 4-GPU pool
    /// that was a note (N2204) only; it is E2007 now.
    @Test(.needsSharedFile("realworld/nccl/azure-ndv4-topo.xml")) func overlayWithEightGPUsOnAFourGPUPool() throws {
        guard let ndv4 = SharedFixtures.bytes("realworld/nccl/azure-ndv4-topo.xml") else { return }
        let spec = PoolTopologyTests.custom("A100-40GB").replacingOccurrences(of: "gpusPerNode: 8", with: "gpusPerNode: 4")
            .replacingOccurrences(of: "count: 8 }", with: "count: 4 }")
        let (_, diagnostics) = run(spec, files: ["topo/node.xml": ndv4])
        #expect(diagnostics.map(\.code) == ["E2007"])
        #expect(diagnostics.first?.message == "topology file `topo/node.xml` describes 8 GPUs, but node pool `gpus` has 4 per node")
        #expect(diagnostics.first?.location == topologyFileValue(spec))
    }

    /// Every real dump on its own instance type passes: device, count and NIC ports agree.
    @Test(.needsShared) func realDumpsAgreeWithTheirInstanceTypes() throws {
        for (file, type, gpu) in [("aws-p4d-24xl-topo.xml", "p4d.24xlarge", "A100-40GB"),
            ("azure-ndv4-topo.xml", "Standard_ND96asr_v4", "A100-40GB"),
                                  ("oci-BM.GPU.H100.8-topo.xml", "BM.GPU.H100.8", "H100-SXM-80GB")] {
            guard let bytes = SharedFixtures.bytes("realworld/nccl/\(file)") else { return }
            let spec = PoolTopologyTests
                .custom(gpu,
                    pool: """
                              - name: gpus\n        instanceType: \(type)\n        topologyFile: topo/node.xml\n\
                                nodes: { min: 2, max: 4 }\n
                        """)
            let (pool, diagnostics) = run(spec, files: ["topo/node.xml": bytes])
            #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(file): \(diagnostics)")
            #expect(pool != nil, "\(file)")
        }
    }
}
