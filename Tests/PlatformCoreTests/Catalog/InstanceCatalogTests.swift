import Testing
@testable import PlatformCore

@Suite struct InstanceCatalogTests {
    let catalog = InstanceCatalog.builtIn

    @Test func holdsTheListedTypes() {
        #expect(catalog.names == [
            "BM.GPU.H100.8", "Standard_ND96asr_v4", "Standard_ND96isr_H100_v5", "a2-highgpu-8g", "a3-highgpu-8g",
            "a3-megagpu-8g", "g5.12xlarge", "g5.48xlarge", "g5.xlarge", "g6.48xlarge", "g6.xlarge", "g6e.12xlarge",
            "g6e.48xlarge", "g6e.xlarge", "p4d.24xlarge", "p4de.24xlarge", "p5.48xlarge", "p5e.48xlarge", "p5en.48xlarge",
        ])
    }

    @Test func everyTypeIsConsistentWithTheGPUCatalog() {
        for type in catalog.types.values {
            let gpu = GPUCatalog.builtIn.model(named: type.gpu)
            #expect(gpu != nil, "\(type.name): unknown GPU \(type.gpu)")
            #expect(type.nvlinkIslands.reduce(0, +) == type.gpuCount, "\(type.name)")
            if let price = type.pricePerHourMicros { #expect(price > 0, "\(type.name)") }
            #expect(!type.priceSource.isEmpty)
            switch type.interconnect {
            case .pcie: #expect(type.nvlinkIslands.allSatisfy { $0 == 1 }, "\(type.name)")
            case .nvswitch: #expect(type.nvlinkIslands == [type.gpuCount], "\(type.name)"); #expect(gpu?.nvlinkGeneration != nil)
            case .nvlink: break
            }
        }
    }

    @Test func pricesComeFromKarpenterOnlyOnAWS() {
        #expect(catalog.instance(named: "p4d.24xlarge")?.pricePerHourMicros == 21_957_642)
        #expect(catalog.instance(named: "g6e.48xlarge")?.pricePerHourMicros == 30_131_180)
        #expect(catalog.instance(named: "p5e.48xlarge")?.pricePerHourMicros == nil)
        for type in catalog.types.values where type.provider != "aws" {
            #expect(type.pricePerHourMicros == nil, "\(type.name)")
            #expect(type.priceSource.hasPrefix("none:"))
        }
    }

    @Test func fabricsAreTheCloudsOwn() {
        #expect(catalog.instance(named: "a3-highgpu-8g")?.fabric == .tcpx)
        #expect(catalog.instance(named: "Standard_ND96isr_H100_v5")?.fabric == .infiniband)
        #expect(catalog.instance(named: "BM.GPU.H100.8")?.fabric == .roce)
        #expect(catalog.instance(named: "g5.xlarge")?.fabric.isRDMA == false)
    }
}
