import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct InstanceCatalogTests {
    let catalog = InstanceCatalog.builtIn

    @Test func holdsTheListedTypes() {
        #expect(catalog.names == [
            "BM.GPU.A100-v2.8", "BM.GPU.H100.8", "BM.GPU.L40S.4", "BM.GPU4.8",
            "Standard_NC24ads_A100_v4", "Standard_NC40ads_H100_v5", "Standard_NC48ads_A100_v4", "Standard_NC80adis_H100_v5",
            "Standard_NC96ads_A100_v4", "Standard_ND96amsr_A100_v4", "Standard_ND96asr_v4", "Standard_ND96isr_H100_v5",
            "a2-highgpu-1g", "a2-highgpu-2g", "a2-highgpu-4g", "a2-highgpu-8g", "a2-megagpu-16g",
            "a2-ultragpu-1g", "a2-ultragpu-2g", "a2-ultragpu-4g", "a2-ultragpu-8g",
            "a3-highgpu-8g", "a3-megagpu-8g", "a3-ultragpu-8g",
            "g2-standard-12", "g2-standard-16", "g2-standard-24", "g2-standard-32", "g2-standard-4", "g2-standard-48",
            "g2-standard-8", "g2-standard-96",
            "g5.12xlarge", "g5.48xlarge", "g5.xlarge", "g6.48xlarge", "g6.xlarge", "g6e.12xlarge",
            "g6e.48xlarge", "g6e.xlarge", "p4d.24xlarge", "p4de.24xlarge", "p5.48xlarge", "p5e.48xlarge", "p5en.48xlarge",
        ])
    }

    @Test func everyTypeIsConsistentWithTheGPUCatalog() {
        for type in catalog.types.values {
            let gpu = GPUCatalog.builtIn.model(named: type.gpu)
            #expect(gpu != nil, "\(type.name): unknown GPU \(type.gpu)")
            #expect(type.nvlinkIslands.reduce(0, +) == type.gpuCount, "\(type.name)")
            #expect(!type.source.isEmpty)
            switch type.interconnect {
            case .pcie: #expect(type.nvlinkIslands.allSatisfy { $0 == 1 }, "\(type.name)")
            case .nvswitch: #expect(type.nvlinkIslands == [type.gpuCount], "\(type.name)"); #expect(gpu?.nvlinkGeneration != nil)
            case .nvlink: break
            }
        }
    }

    @Test func fabricsAreTheCloudsOwn() {
        #expect(catalog.instance(named: "a3-highgpu-8g")?.fabric == .tcpx)
        #expect(catalog.instance(named: "Standard_ND96isr_H100_v5")?.fabric == .infiniband)
        #expect(catalog.instance(named: "BM.GPU.H100.8")?.fabric == .roce)
        #expect(catalog.instance(named: "g5.xlarge")?.fabric.isRDMA == false)
    }

    /// GPU counts that differ from what a reader might assume from the name: SKY-AZ lists 12 H100 for
    /// ND96isr_H100_v5 (8 per MS Learn), g2-standard-32 has one L4 and g2-standard-24 two.
    @Test func gpuCountsAreTheSourcedOnes() {
        #expect(catalog.instance(named: "Standard_ND96isr_H100_v5")?.gpuCount == 8)
        #expect(catalog.instance(named: "g2-standard-32")?.gpuCount == 1)
        #expect(catalog.instance(named: "g2-standard-24")?.gpuCount == 2)
        #expect(catalog.instance(named: "g2-standard-96")?.gpuCount == 8)
        #expect(catalog.instance(named: "a2-megagpu-16g").map { "\($0.gpu) \($0.gpuCount)" } == "A100-40GB 16")
        #expect(catalog.instance(named: "a3-ultragpu-8g").map { "\($0.gpu) \($0.vcpus) \($0.memoryGiB)" } == "H200-141GB 224 2952")
        #expect(catalog.instance(named: "Standard_NC40ads_H100_v5")?.gpu == "H100-NVL-94GB")
        #expect(catalog.instance(named: "BM.GPU.A100-v2.8").map { "\($0.nics)×\($0.gbpsPerNic) \($0.vcpus)" } == "16×100 256")
    }
}
