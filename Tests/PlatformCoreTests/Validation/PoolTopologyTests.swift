import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// A pool's `topologyFile` decides its NVLink islands, and so the tensor-parallel rule and placement.
@Suite struct PoolTopologyTests {
    static let pool = """
              - name: nc
                gpu: A100-80GB
                gpusPerNode: 4
                interconnect: nvswitch
                topologyFile: topo/ncv4.xml
                pricePerHour: 14.69
                nodes: { min: 2, max: 2 }

        """

    func lines(_ spec: String, files: [String: [UInt8]]) -> [String] {
        var bag = DiagnosticBag()
        _ = FrontEnd(file: "platform.yaml", topologyFiles: files).run(Array(spec.utf8), into: &bag)
        return bag.sorted.filter { $0.severity != .note }.map { "\($0.location.map { "\($0.line):\($0.column): " } ?? "")\($0.code): \($0.message)" }
    }

    @Test func islandsComeFromTheTopologyFile() throws {
        guard let shared = SharedTools.requireShared() else { return }
        let ncv4 = [UInt8](try Data(contentsOf: shared.appendingPathComponent("realworld/nccl/azure-ncv4-topo.xml")))
        let spec = Fixture.spec([("        nodes: { min: 2, max: 4 }\n", "        nodes: { min: 2, max: 4 }\n" + Self.pool),
                                 ("gpu: { model: H100-SXM-80GB, count: 4 }", "gpu: { model: A100-80GB, count: 2 }"),
                                 ("parameters: 70B\n    architecture: llama-3-70b", "parameters: 8B\n    architecture: llama-3-8b")])
        // `interconnect: nvswitch` alone would allow a group of 2; the real file shows four lone GPUs.
        #expect(lines(spec, files: [:]) == [])
        #expect(lines(spec, files: ["topo/ncv4.xml": ncv4]) == [
            "29:37: E2102: model `llama-3-70b`: tensor-parallel group of 2 GPUs is larger than the largest NVLink island (1 in `prod/nc`)",
        ])
    }

    @Test func gpuCountMustMatchThePool() throws {
        guard let shared = SharedTools.requireShared() else { return }
        let oci = [UInt8](try Data(contentsOf: shared.appendingPathComponent("realworld/nccl/oci-BM.GPU.H100.8-topo.xml")))
        let spec = Fixture.spec([("        nodes: { min: 2, max: 4 }\n", "        nodes: { min: 2, max: 4 }\n" + Self.pool)])
        #expect(lines(spec, files: ["topo/ncv4.xml": oci]) == [
            "17:23: E2007: topology file `topo/ncv4.xml` describes 8 GPUs, but node pool `nc` has 4 per node",
        ])
    }
}
