import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// A pool is priced in its cluster's region, as its capacity type says; what no source gives is a
/// located warning (W2401–W2403), never another region's price taken silently and never zero.
@Suite struct RegionalPricingTests {
    static let west: [(String, String)] = CostFixture.roomy + [
        ("provider: aws\n", "provider: aws\n    region: us-west-2\n"),
        ("zones: [us-east-1a, us-east-1b]", "zones: [us-west-2a, us-west-2b]"),
    ]

    static func pool(_ plan: PlannedPlatform?) -> NodePool? { plan?.platform.clusters.first?.nodePools.first }

    /// On main the pool took Karpenter's us-east-1 price without a word.
    @Test func usWest2IsNotPricedAsUSEast1Silently() {
        let (plan, lines) = CostFixture.plan(Self.west)
        #expect(lines == ["""
            12:23: warning[W2401]: no sourced price for `p5.48xlarge` in region `us-west-2`; node pool `h100` is priced at its `us-east-1` \
            price
            """])
        #expect(Self.pool(plan)?.priceSource == "karpenter zz_generated.pricing_aws.go (Linux on-demand), us-east-1 on-demand, 2026-07-20")
        #expect(Self.pool(plan)?.pricePerHour == Money(micros: 55_040_000))
    }

    @Test func aRegionWithASourcedPriceIsQuiet() {
        let east = CostFixture.roomy + [("provider: aws\n", "provider: aws\n    region: us-east-1\n")]
        let (plan, lines) = CostFixture.plan(east)
        #expect(lines == [])
        #expect(Self.pool(plan)?.priceSource.hasSuffix("us-east-1 on-demand, 2026-07-20") == true)
    }

    @Test func spotWithoutASourcedSpotPriceIsPricedOnDemandAndSaid() {
        let spot = CostFixture.roomy + [("instanceType: p5.48xlarge\n", "instanceType: p5.48xlarge\n        capacityType: spot\n")]
        let (plan, lines) = CostFixture.plan(spot)
        #expect(lines.contains("""
            12:23: warning[W2402]: no sourced spot price for `p5.48xlarge` in region `us-east-1`; spot node pool `h100` is priced on-demand
            """))
        #expect(Self.pool(plan)?.pricePerHour == Money(micros: 55_040_000))
        // A stated discount is the user's own spot price: no warning, the discount applies to on-demand.
        let discounted = CostFixture.roomy
            + [("instanceType: p5.48xlarge\n", "instanceType: p5.48xlarge\n        capacityType: spot\n        discountPercent: 60\n")]
        let (plan2, lines2) = CostFixture.plan(discounted)
        #expect(!lines2.contains { $0.contains("W2402") })
        #expect(Self.pool(plan2)?.pricePerHour == Money(micros: 22_016_000))
    }

    @Test func reservedWithoutADiscountIsSaid() {
        let reserved = CostFixture.roomy + [("instanceType: p5.48xlarge\n", "instanceType: p5.48xlarge\n        capacityType: reserved\n")]
        let (_, lines) = CostFixture.plan(reserved)
        #expect(lines
            .contains("12:23: warning[W2403]: no sourced reserved price for `p5.48xlarge`; reserved node pool `h100` is priced on-demand"))
    }

    /// The GKE + AKS + OCI fixture: every instance type known (E2001 on main for g2, NC A100 v4 and
    /// BM.GPU.A100-v2.8; a3-highgpu-8g was known but priceless, W4009 "count as free"), every pool
    /// priced from a named source in its own region, spot pools at the source's spot price.
    @Test func threeCloudsCompileWithEveryPriceSourced() throws {
        let url = Golden.casesDir.appendingPathComponent("good-specs/gke-aks-oci/platform.yaml")
        var bag = DiagnosticBag()
        let platform = FrontEnd(file: "platform.yaml").run([UInt8](try Data(contentsOf: url)), into: &bag)
        let plan = try #require(platform.map { Passes.run($0, into: &bag) })
        #expect(bag.sorted.map { DiagnosticRenderer(snippets: false).text($0) } == [])
        let report = try #require(plan.cost)
        #expect(report.pools.map(\.id) == ["aks/nca100spot", "aks/ndh100", "gke/h100", "gke/l4-spot", "oke/a100"])
        for pool in report.pools {
            #expect(pool.pricePerHour > .zero, "\(pool.id)")
            #expect(pool.priceSource.hasPrefix("karpenter") || pool.priceSource.hasPrefix("skypilot-catalog"),
                "\(pool.id): \(pool.priceSource)")
            #expect(pool.priceSource.hasSuffix(", 2026-12-05"), "\(pool.id)")
        }
        #expect(report.pool("gke/h100")?.priceSource.contains("us-central1 on-demand") == true)
        #expect(report.pool("gke/l4-spot")?.pricePerHour == Money(micros: 352_420 + 446_200))
        #expect(report.pool("aks/nca100spot")?.pricePerHour == Money(micros: 444_433))
        #expect(report.pool("oke/a100")?.pricePerHour == Money(micros: 32_000_000))
    }

    /// The same GCP type costs what its region's rows say.
    @Test func gcpRegionsKeepTheirOwnPrices() throws {
        let url = Golden.casesDir.appendingPathComponent("good-specs/gke-aks-oci/platform.yaml")
        let spec = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "region: us-central1\n    zones: [us-central1-a, us-central1-b]",
                with: "region: us-east4\n    zones: [us-east4-a, us-east4-b]")
        var bag = DiagnosticBag()
        let platform = try #require(FrontEnd(file: "platform.yaml").run(Array(spec.utf8), into: &bag))
        let h100 = platform.clusters.first { $0.name == "gke" }?.nodePools.first { $0.name == "h100" }
        #expect(h100?.pricePerHour == Money(micros: 9_460_060 + 78_372_410))
        #expect(h100?.priceSource.contains("us-east4 on-demand") == true)
    }
}
