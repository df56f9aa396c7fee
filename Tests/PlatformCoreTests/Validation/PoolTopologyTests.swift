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

    static let cases = Golden.casesDir.appendingPathComponent("nccl-topology")

    /// The minimal spec with its pool replaced by `pool` (a custom 8-GPU pool unless given) and a
    /// TP=8 model of `gpu`.
    static func custom(_ gpu: String, pool: String? = nil) -> String {
        let custom = pool ?? """
                  - name: gpus
                    gpu: \(gpu)
                    gpusPerNode: 8
                    topologyFile: topo/node.xml
                    pricePerHour: 40.00
                    network: { fabric: efa, nics: 16, gbpsPerNic: 100 }
                    nodes: { min: 2, max: 6 }

            """
        return Fixture.spec([("      - name: h100\n        instanceType: p5.48xlarge\n        nodes: { min: 2, max: 6 }\n", custom),
                             ("gpu: { model: H100-SXM-80GB, count: 4 }", "gpu: { model: \(gpu), count: 8 }"),
                             ("    gpu: H100-SXM-80GB\n", "    gpu: \(gpu)\n")])
    }

    func fixture(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: Self.cases.appendingPathComponent(name))) }

    func platform(_ spec: String, files: [String: [UInt8]]) -> (NodePool?, [Diagnostic]) {
        var bag = DiagnosticBag()
        let platform = FrontEnd(file: "platform.yaml", topologyFiles: files).run(Array(spec.utf8), into: &bag)
        return (platform?.clusters.first?.nodePools.first, bag.sorted)
    }

    /// #17 finding 1: the OCI A100 dump on a pool without `interconnect` used to read "islands
    /// 1+1+1+1+1+1+1+1 over pcie" and reject a TP=8 model with E2102.
    @Test func ociA100DumpDecidesAPoolWithoutInterconnect() throws {
        let spec = Self.custom("A100-80GB")
        #expect(lines(spec,
            files: [:]) == ["""
                26:37: E2102: model `llama-3-70b`: tensor-parallel group of 8 GPUs is larger than the largest NVLink island (1 in \
                `prod/gpus`)
                """])
        let (pool, diagnostics) = platform(spec, files: ["topo/node.xml": try fixture("oci-BM.GPU.A100-v2.8-topo.xml")])
        #expect(diagnostics.filter { $0.severity != .note }.isEmpty)
        #expect(pool?.islands == [8])
        #expect(pool?.interconnect == .nvswitch)
    }

    /// The same dump agrees with `p4de.24xlarge` (8× A100-80GB, one NVSwitch island): no diagnostic.
    /// (The OCI machine has 16 RoCE ports where a p4de has 4 EFA: the pool states them, or E2132.)
    @Test func dumpAgreeingWithTheInstanceTypePasses() throws {
        let spec = Self.custom("A100-80GB",
            pool: """
                      - name: gpus\n        instanceType: p4de.24xlarge\n        topologyFile: topo/node.xml\n\
                        network: { fabric: roce, nics: 16, gbpsPerNic: 100 }\n        nodes: { min: 2, max: 6 }\n
                """)
        let (pool, diagnostics) = platform(spec, files: ["topo/node.xml": try fixture("oci-BM.GPU.A100-v2.8-topo.xml")])
        #expect(diagnostics.filter { $0.severity != .note }.isEmpty)
        #expect(pool?.islands == [8])
    }

    /// The OCI H100 dump with GPUs 4–7's `<nvlink>` removed: islands 4+1+1+1+1 decide a pool without
    /// `interconnect`, and contradict `interconnect: nvswitch` and `p5.48xlarge` (islands 8).
    @Test func strippedH100DumpShowsFourPlusLoneGPUs() throws {
        let files = ["topo/node.xml": try fixture("oci-H100-gpus4to7-without-nvlink.xml")]
        let unstated = Self.custom("H100-SXM-80GB")
        let (pool, _) = platform(unstated.replacingOccurrences(of: "count: 8 }", with: "count: 4 }"), files: files)
        #expect(pool?.islands == [4, 1, 1, 1, 1])
        #expect(pool?.interconnect == .nvswitch)
        #expect(lines(unstated, files: files) == [
            """
                26:41: E2102: model `llama-3-70b`: tensor-parallel group of 8 GPUs is larger than the largest NVLink island (4 in \
                `prod/gpus`)
                """,
        ])

        let stated = unstated
            .replacingOccurrences(of: "        gpusPerNode: 8\n", with: "        gpusPerNode: 8\n        interconnect: nvswitch\n")
        let (_, diagnostics) = platform(stated, files: files)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.code == "E2120")
        #expect(error.message == """
            topology file `topo/node.xml` of node pool `gpus` shows NVLink islands 4+1+1+1+1 (nvswitch), but it states `interconnect: \
            nvswitch` (islands 8 (nvswitch))
            """)
        #expect(error.location == SourceLocation(file: "platform.yaml", line: 14, column: 23))
        #expect(error.notes.map(\.location) == [SourceLocation(file: "platform.yaml", line: 13, column: 23)])

        let p5 = Self.custom("H100-SXM-80GB",
            pool: """
                      - name: gpus\n        instanceType: p5.48xlarge\n        topologyFile: topo/node.xml\n\
                        nodes: { min: 2, max: 6 }\n
                """)
        let (_, fromCatalog) = platform(p5, files: files)
        let catalogError = try #require(fromCatalog.first { $0.severity == .error })
        #expect(catalogError.code == "E2120")
        #expect(catalogError.message == """
            topology file `topo/node.xml` of node pool `gpus` shows NVLink islands 4+1+1+1+1 (nvswitch), but its instance type \
            `p5.48xlarge` has islands 8 (nvswitch)
            """)
        #expect(catalogError.location == SourceLocation(file: "platform.yaml", line: 12, column: 23))
        #expect(catalogError
            .notes == [DiagnosticNote("instance type `p5.48xlarge` chosen here",
                at: SourceLocation(file: "platform.yaml", line: 11, column: 23))])
    }

    /// The real OCI H100 dump decides a pool without `interconnect`: one island of 8 over NVSwitch.
    @Test(.needsSharedFile("realworld/nccl/oci-BM.GPU.H100.8-topo.xml")) func ociH100DumpDecidesAPoolWithoutInterconnect() throws {
        guard let oci = SharedFixtures.bytes("realworld/nccl/oci-BM.GPU.H100.8-topo.xml") else { return }
        let (pool, diagnostics) = platform(Self.custom("H100-SXM-80GB"), files: ["topo/node.xml": oci])
        #expect(diagnostics.filter { $0.severity != .note }.isEmpty)
        #expect(pool?.islands == [8])
        #expect(pool?.interconnect == .nvswitch)
    }

    func lines(_ spec: String, files: [String: [UInt8]]) -> [String] {
        var bag = DiagnosticBag()
        _ = FrontEnd(file: "platform.yaml", topologyFiles: files).run(Array(spec.utf8), into: &bag)
        return bag.sorted
            .filter { $0.severity != .note }.map { "\($0.location.map { "\($0.line):\($0.column): " } ?? "")\($0.code): \($0.message)" }
    }

    /// Azure NC A100 v4: four lone GPUs, against `interconnect: nvswitch` (one island of 4): E2120 at the
    /// file with a note at `interconnect`; without `interconnect:` the file decides silently.
    @Test(.needsShared) func fileContradictingInterconnectIsAnError() throws {
        guard let shared = SharedTools.requireShared() else { return }
        let ncv4 = [UInt8](try Data(contentsOf: shared.appendingPathComponent("realworld/nccl/azure-ncv4-topo.xml")))
        let spec = Fixture.spec([("        nodes: { min: 2, max: 6 }\n", "        nodes: { min: 2, max: 6 }\n" + Self.pool),
                                 ("gpu: { model: H100-SXM-80GB, count: 4 }", "gpu: { model: A100-80GB, count: 2 }"),
                                 ("parameters: 70B\n    architecture: llama-3-70b", "parameters: 8B\n    architecture: llama-3-8b")])
        #expect(lines(spec, files: [:]) == [])
        var bag = DiagnosticBag()
        _ = FrontEnd(file: "platform.yaml", topologyFiles: ["topo/ncv4.xml": ncv4]).run(Array(spec.utf8), into: &bag)
        let error = try #require(bag.sorted.first { $0.severity == .error })
        #expect(error.code == "E2120")
        #expect(error.message == """
            topology file `topo/ncv4.xml` of node pool `nc` shows NVLink islands 1+1+1+1 (pcie), but it states `interconnect: nvswitch` \
            (islands 4 (nvswitch))
            """)
        #expect(error.location == SourceLocation(file: "platform.yaml", line: 17, column: 23))
        #expect(error
            .notes == [DiagnosticNote("`interconnect: nvswitch` stated here",
                at: SourceLocation(file: "platform.yaml", line: 16, column: 23))])
        #expect(error.help == "remove `interconnect:` to let the topology file decide, or name this node's own topology dump")
        #expect(bag.sorted.filter { $0.severity == .error }.count == 1)

        let unstated = spec.replacingOccurrences(of: "        interconnect: nvswitch\n", with: "")
        #expect(lines(unstated, files: ["topo/ncv4.xml": ncv4]) == [
            "28:37: E2102: model `llama-3-70b`: tensor-parallel group of 2 GPUs is larger than the largest NVLink island (1 in `prod/nc`)",
        ])
    }

    @Test(.needsShared) func gpuCountMustMatchThePool() throws {
        guard let shared = SharedTools.requireShared() else { return }
        let oci = [UInt8](try Data(contentsOf: shared.appendingPathComponent("realworld/nccl/oci-BM.GPU.H100.8-topo.xml")))
        let spec = Fixture.spec([("        nodes: { min: 2, max: 6 }\n", "        nodes: { min: 2, max: 6 }\n" + Self.pool)])
        #expect(lines(spec, files: ["topo/ncv4.xml": oci]) == [
            "17:23: E2007: topology file `topo/ncv4.xml` describes 8 GPUs, but node pool `nc` has 4 per node",
        ])
    }
}
