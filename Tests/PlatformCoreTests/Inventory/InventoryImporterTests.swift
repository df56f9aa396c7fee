import PlatformDiagnostics
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct InventoryImporterTests {
    @Test(.needsSharedFile("realworld/inventory/gfd-node-labels-h100-mig-single.json")) func realGFDLabelsOfOneNode() throws {
        guard let bytes = SharedFixtures.bytes("realworld/inventory/gfd-node-labels-h100-mig-single.json") else { return }
        let (pools, diagnostics) = try InventoryImporter.importNodes(json: bytes, resourceSlices: nil)
        #expect(diagnostics.isEmpty)
        #expect(pools == [ImportedPool(name: "h100-sxm-80gb", instanceType: nil, gpu: "H100-SXM-80GB", gpuKnown: true,
                                       gpusPerNode: 1, nodes: 1, zones: [], migDevicesPerNode: nil, dra: false,
                                       nodeNames: ["s4124-0073"])])
    }

    @Test func nodeListWithResourceSlicesGroupsIntoPools() throws {
        let (pools, diagnostics) = try InventoryImporter.importNodes(json: InventoryFixtures.nodeList,
                                                                   resourceSlices: InventoryFixtures.resourceSlices)
        #expect(pools.map(\.name) == ["g4dn-xlarge", "g6e-12xlarge", "p5-48xlarge", "p5-48xlarge-2", "standard-nd96isr-h100-v5"])
        let byName = Dictionary(uniqueKeysWithValues: pools.map { ($0.name, $0) })

        #expect(byName["p5-48xlarge"] == ImportedPool(name: "p5-48xlarge", instanceType: "p5.48xlarge", gpu: "H100-SXM-80GB",
            gpuKnown: true, gpusPerNode: 8, nodes: 2, zones: ["us-east-1a", "us-east-1b"], migDevicesPerNode: nil,
            dra: false, nodeNames: ["ip-10-0-1-5", "ip-10-0-1-7"]))
        let mig = try #require(byName["p5-48xlarge-2"])
        #expect(mig.migDevicesPerNode == ["1g.10gb": 56])
        #expect(mig.migProfiles == ["1g.10gb": 7])
        #expect(mig.nodes == 1)

        // No GPU stack yet: the instance catalog supplies the GPU.
        #expect(byName["g6e-12xlarge"]?.gpu == "L40S")
        #expect(byName["g6e-12xlarge"]?.gpusPerNode == 4)

        // DRA only: the newest pool generation's 8 devices, product from productName.
        let nd = try #require(byName["standard-nd96isr-h100-v5"])
        #expect(nd.gpu == "H100-SXM-80GB" && nd.gpusPerNode == 8 && nd.dra && nd.zones == ["eastus-1"])

        #expect(byName["g4dn-xlarge"]?.gpu == "Tesla-T4")
        #expect(byName["g4dn-xlarge"]?.gpuKnown == false)

        #expect(diagnostics.map(\.code) == [InventoryDiagnosticCode.sliceForUnknownNode, InventoryDiagnosticCode.unknownProduct,
                                            InventoryDiagnosticCode.nonGPUNodesSkipped])
        #expect(diagnostics.last?.message == "1 node(s) without GPUs left out: ip-10-0-4-4")
    }

    @Test func singleNodeObjectAndOrderIndependence() throws {
        let node = InventoryFixtures.node("n1", instanceType: "p4d.24xlarge", zone: "us-west-2a",
            labels: ["nvidia.com/gpu.product": "A100-SXM4-40GB-MIG-1g.5gb", "nvidia.com/gpu.count": "56",
                     "nvidia.com/mig.strategy": "single"])
        let (pools, diagnostics) = try InventoryImporter.importNodes(json: InventoryFixtures.json(node))
        #expect(diagnostics.isEmpty)
        #expect(pools.first?.gpu == "A100-40GB")
        #expect(pools.first?.gpusPerNode == 8)
        #expect(pools.first?.migProfiles == ["1g.5gb": 7])
    }

    @Test func singleStrategyWithoutInstanceTypeInfersTheCount() throws {
        let labels = ["nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3-MIG-1g.10gb", "nvidia.com/gpu.count": "14"]
        let (pools, diagnostics) = try InventoryImporter.importNodes(json: InventoryFixtures.json(labels))
        #expect(pools.first?.gpusPerNode == 2)
        #expect(diagnostics.map(\.code) == [InventoryDiagnosticCode.gpuCountInferred])
    }

    @Test func badInputThrows() {
        #expect(throws: InventoryImportError.self) { try InventoryImporter.importNodes(json: Array("[1,2]".utf8)) }
        #expect(throws: InventoryImportError.self) { try InventoryImporter.importNodes(json: Array("{".utf8)) }
        #expect(throws: InventoryImportError.self) { try InventoryImporter.importNodes(json: Array("{\"a\": 1}".utf8)) }
    }

    @Test func poolNamesAreDNS1123() {
        #expect(PoolName.dns1123("Standard_ND96isr_H100_v5") == "standard-nd96isr-h100-v5")
        #expect(PoolName.dns1123("BM.GPU.H100.8") == "bm-gpu-h100-8")
        #expect(PoolName.dns1123("--") == "gpu")
        #expect(PoolName.suffixed(String(repeating: "a", count: 63), 2).count == 63)
    }
}
