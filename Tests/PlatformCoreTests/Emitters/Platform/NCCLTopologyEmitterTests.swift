import Foundation
import Testing
@testable import PlatformCore

@Suite struct NCCLTopologyEmitterTests {
    /// Every generated topology.xml reads back with the same islands as its pool, and passes
    /// shared/tools/check-nccl-topology.
    @Test func everyGeneratedFileRoundTripsToThePoolsIslands() throws {
        let out = PlatformCompile.compile()
        let platform = try #require(out.platform)
        var checked: [String] = []
        for cluster in out.manifests?.clusters ?? [] {
            for m in cluster.manifests where m.kind == "ConfigMap" && m.name.hasPrefix("nccl-topology-") {
                let poolName = try #require(m.labels["platformc.dev/node-pool"]?.stringValue)
                let pool = try #require(platform.cluster(cluster.name)?.pool(poolName))
                let xml = try #require(m.value.at("data")?["topology.xml"]?.stringValue)
                let (doc, problems) = NCCLTopologyReader.read(xml: Array(xml.utf8), file: "topology.xml")
                #expect(problems.isEmpty)
                #expect(doc?.topology.islandSizes == pool.islands.sorted(by: >))
                #expect(doc?.topology.gpuCount == pool.gpusPerNode)
                try checkWithSharedTool(xml)
                checked.append("\(cluster.name)/\(m.namespace ?? "")/\(poolName)")
            }
        }
        #expect(checked == ["prod-use1/research/h100", "prod-use1/search/h100", "prod-usw2/research/a100"])
    }

    @Test func aPoolsTopologyFileIsCopiedAsNCCLWouldReadIt() throws {
        let spec = PlatformCompile.edit(PlatformCompile.bundledSpec, [("        instanceType: p5.48xlarge       # 8x H100-SXM-80GB on NVSwitch, 32 EFA NICs\n",
                                                                     "        instanceType: p5.48xlarge\n        topologyFile: topo/p5.xml\n")])
        let p5 = try #require(InstanceCatalog.builtIn.instance(named: "p5.48xlarge"))
        let h100 = try #require(GPUCatalog.builtIn.model(named: "H100-SXM-80GB"))
        let source = NCCLTopologyWriter.write(NodeTopology(instance: p5, gpu: h100), gpu: h100, busIDs: (0..<8).map { "0000:\(String(format: "%02x", 0x10 + $0)):00.0" }, numaNodes: 2)
        let out = PlatformCompile.compile(spec, topologyFiles: ["topo/p5.xml": Array(source.utf8)])
        #expect(PlatformCompile.errors(out) == [])
        let map = try #require(PlatformCompile.object(out, cluster: "prod-use1", kind: "ConfigMap", name: "nccl-topology-h100", namespace: "research"))
        #expect(map.value.at("data")?["topology.xml"] == .string(source))
        #expect(source.contains("busid=\"0000:17:00.0\""))
    }

    @Test func anUnreadTopologyFileIsAnErrorAtThePool() throws {
        let spec = PlatformCompile.edit(PlatformCompile.bundledSpec, [("        instanceType: p5.48xlarge       # 8x H100-SXM-80GB on NVSwitch, 32 EFA NICs\n",
                                                                     "        instanceType: p5.48xlarge\n        topologyFile: topo/missing.xml\n")])
        let out = PlatformCompile.compile(spec)
        #expect(PlatformCompile.errors(out) == ["E5101: topology file `topo/missing.xml` of pool `prod-use1/h100` could not be read"])
        #expect(out.tree == nil)
        #expect(out.diagnostics.sorted.first { $0.code == "E5101" }?.location?.line == 22)
    }

    func checkWithSharedTool(_ xml: String) throws {
        guard let shared = SharedTools.requireShared() else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-topo-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = SharedTools.run(["python3", shared.appendingPathComponent("tools/check-nccl-topology").path, file.path])
        #expect(result.exitCode == 0, "\(result.output)")
    }
}
