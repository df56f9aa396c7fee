import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// The provider-published topology files: the compiled-in bytes are the copies in `topologies/`
/// (whose README names repository, path and commit), NCCL's rules accept them, and the VM sizes map
/// to them as Azure's own script maps them.
@Suite struct PublishedTopologyTests {
    static let folder = SharedTools.repoRoot.appendingPathComponent("topologies")

    @Test(arguments: ["ndv4", "ndv5"])
    func compiledBytesAreTheCopiedFile(family: String) throws {
        let published = try #require(PublishedTopology.all.first { $0.family == family })
        let file = try String(contentsOf: Self.folder.appendingPathComponent("azure/\(family)-topo.xml"), encoding: .utf8)
        #expect(published.text == file)
        #expect(published.repository == "Azure/azhpc-images")
        #expect(published.path == "topology/\(family)-topo.xml")
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("| `azure/\(family)-topo.xml` | Azure/azhpc-images | `topology/\(family)-topo.xml` | \(published.commit) "))
    }

    @Test(.needsShared, arguments: ["ndv4", "ndv5"])
    func publishedFilesPassNCCLRulesAndListEightGPUsAndHCAs(family: String) throws {
        let published = try #require(PublishedTopology.all.first { $0.family == family })
        let (document, _) = NCCLTopologyReader.read(xml: Array(published.text.utf8), file: "\(family)-topo.xml")
        // GPUs appear as their PCI functions (NCCL fills in `<gpu>` from NVML), each beside an HCA.
        let pci = document?.system.descendants.filter { $0.name == "pci" } ?? []
        #expect(pci.filter { $0["class"] == "0x030200" }.count == 8)
        #expect(pci.filter { $0["class"] == "0x020700" }.count == 8)
        guard let shared = SharedTools.requireShared() else { return }
        let path = Self.folder.appendingPathComponent("azure/\(family)-topo.xml").path
        let result = SharedTools.run(["python3", shared.appendingPathComponent("tools/check-nccl-topology").path, path])
        #expect(result.exitCode == 0, "\(result.output)")
        #expect(result.output.hasSuffix("1 files, 0 problems\n"), "\(result.output)")
    }

    /// `standard_nd*v4` → ndv4, `standard_nd96is*_h[1-2]00_v5` → ndv5 (setup_sku_customizations.sh);
    /// everything else, AWS and GCP included, has none.
    @Test func vmSizesMapAsAzuresScriptMapsThem() {
        #expect(PublishedTopology.forInstanceType("Standard_ND96asr_v4")?.family == "ndv4")
        #expect(PublishedTopology.forInstanceType("Standard_ND96amsr_A100_v4")?.family == "ndv4")
        #expect(PublishedTopology.forInstanceType("Standard_ND96isr_H100_v5")?.family == "ndv5")
        #expect(PublishedTopology.forInstanceType("standard_nd96isr_h200_v5")?.family == "ndv5")
        for none in ["Standard_NC96ads_A100_v4", "Standard_ND40rs_v2", "Standard_ND96isr_MI300X_v5", "p5.48xlarge", "a3-highgpu-8g",
            "BM.GPU.H100.8"] {
            #expect(PublishedTopology.forInstanceType(none) == nil, "\(none)")
        }
    }
}
