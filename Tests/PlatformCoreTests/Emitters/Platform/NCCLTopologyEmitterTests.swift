import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDiagnostics
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct NCCLTopologyEmitterTests {
    /// A pool's dump, on a fabric whose pods get it (not EFA), reaches the ConfigMap as NCCL reads it.
    @Test func aPoolsTopologyFileIsCopiedAsNCCLWouldReadIt() throws {
        let spec = NCCLTopologySourceTests.minimal(provider: "gcp", zones: "us-central1-a",
                                                   pool: "        instanceType: a3-highgpu-8g\n        topologyFile: topo/a3.xml\n",
                                                   withTraining: false)
        let source = String(decoding: NCCLTopologySourceTests.dump(gpus: 8), as: UTF8.self)
        let out = PlatformCompile.compile(spec, topologyFiles: ["topo/a3.xml": Array(source.utf8)])
        #expect(PlatformCompile.errors(out) == [])
        let map = try #require(PlatformCompile
            .object(out, cluster: "prod", kind: "ConfigMap", name: "nccl-topology-h100", namespace: "search"))
        let xml = try #require(map.value.at("data")?["topology.xml"]?.stringValue)
        #expect(xml == source)
        #expect(source.contains("busid=\"0000:88:00.0\""))
        try checkWithSharedTool(xml)
    }

    /// The front end parses the file once and the pool carries it: the emitters need no bytes
    /// (the plan holds none), and two pools naming one file share one parse.
    @Test func theEmitterWritesThePoolsParsedTopologyWithoutTheBytes() throws {
        let spec = NCCLTopologySourceTests.minimal(provider: "gcp", zones: "us-central1-a",
                                                   pool: "        instanceType: a3-highgpu-8g\n        topologyFile: topo/a3.xml\n",
                                                   withTraining: false)
        let source = NCCLTopologySourceTests.dump(gpus: 8)
        var bag = DiagnosticBag()
        let platform = try #require(FrontEnd(file: "platform.yaml", topologyFiles: ["topo/a3.xml": source])
            .run(Array(spec.utf8), into: &bag))
        let pool = try #require(platform.clusters.first?.nodePools.first)
        #expect(pool.topology?.file == "topo/a3.xml")
        let plan = Passes.run(platform, into: &bag)
        let emitted = EmitStage.run([NCCLTopologyEmitter()], plan: plan, templates: TemplateSet(), clusters: ["prod"])
        #expect(emitted.diagnostics.all.filter { $0.severity == .error }.map(\.code) == [])
        let map = try #require(emitted.manifests.manifests(in: "prod").first { $0.kind == "ConfigMap" })
        #expect(map.value.at("data")?["topology.xml"]?.stringValue == String(decoding: source, as: UTF8.self))
    }

    @Test(.needsShared) func anUnreadTopologyFileIsAnErrorAtThePool() throws {
        let spec = PlatformCompile
            .edit(PlatformCompile.bundledSpec, [("        instanceType: p5.48xlarge       # 8x H100-SXM-80GB on NVSwitch, 32 EFA NICs\n",
                                                                     """
                                                                                 instanceType: p5.48xlarge\n\
                                                                                 topologyFile: topo/missing.xml\n
                                                                         """)])
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
