import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// The price catalog: every figure as its source states it, looked up by type, region and capacity.
@Suite struct PriceCatalogTests {
    let prices = PriceCatalog.builtIn

    @Test func dollarsParseExactly() {
        #expect(PriceCatalog.usd("5.91582") == 5_915_820)
        #expect(PriceCatalog.usd("32") == 32_000_000)
        #expect(PriceCatalog.usd("21.957642") == 21_957_642)
    }

    @Test func awsIsKarpentersUSEast1() {
        let p5 = prices.price("p5.48xlarge", region: "us-east-1", capacity: .onDemand)
        #expect(p5?.micros == 55_040_000)
        #expect(p5?.date == "2026-07-20")
        #expect(prices.price("p5.48xlarge", region: "us-west-2", capacity: .onDemand) == nil)
        #expect(prices.regions(of: "p5e.48xlarge") == [])
    }

    /// GCP bills the machine and its GPUs as two rows; the catalog adds them per region.
    @Test func gcpIsMachinePlusGPUsPerRegion() {
        #expect(prices.price("a2-highgpu-8g", region: "us-central1", capacity: .onDemand)?.micros == 29_387_080)   // 5.91582 + 23.47126
        #expect(prices.price("a2-highgpu-8g", region: "europe-west4", capacity: .onDemand)?.micros == 19_421_700)  // 6.51251 + 12.90919
        #expect(prices.price("a3-highgpu-8g", region: "us-east4", capacity: .spot)?.micros == 15_809_120)            // 1.70352 + 14.1056
        #expect(prices.regions(of: "a3-megagpu-8g") == ["europe-west4", "us-central1", "us-east4"])
    }

    @Test func azureSpotOnlyWhereTheSourceHasOne() {
        #expect(prices.price("Standard_ND96isr_H100_v5", region: "eastus", capacity: .onDemand)?.micros == 98_320_000)
        #expect(prices.price("Standard_ND96isr_H100_v5", region: "eastus", capacity: .spot) == nil)
        #expect(prices.price("Standard_NC24ads_A100_v4", region: "westus", capacity: .spot)?.micros == 647_968)
    }

    @Test func everyPriceIsPositiveDatedAndOfAKnownType() {
        #expect(prices.prices.count > 100)
        for p in prices.prices {
            #expect(p.micros > 0, "\(p.instanceType) \(p.region)")
            #expect(!p.source.isEmpty && p.date.count == 10)
            #expect(InstanceCatalog.builtIn.instance(named: p.instanceType) != nil, "\(p.instanceType)")
        }
    }
}
