import Foundation
import PlatformCore
import Testing

/// Nothing lost, nothing counted twice: per pool, what the workloads are charged plus the idle
/// line is the pool's cost to the micro-dollar, now and at `replicas.max`, and teams add up to it.
@Suite struct CostInvariantTests {
    static func check(_ r: CostReport) {
        for pool in r.pools {
            let charged = r.workloads.filter { $0.pool == pool.id }
            #expect(charged.reduce(Money.zero) { $0 + $1.monthly } + pool.idle == pool.monthly, "\(pool.id) now")
            #expect(charged.reduce(Money.zero) { $0 + $1.monthlyAtMax } + pool.idleAtMax == pool.monthlyAtMax, "\(pool.id) at max")
            #expect(pool.idle >= .zero && pool.idleAtMax >= .zero)
        }
        let teams = r.teams.reduce(Money.zero) { $0 + $1.monthly }
        let externalUnowned = r.external.reduce(Money.zero) { $0 + $1.monthly } - r.external.flatMap(\.shares)
            .reduce(Money.zero) { $0 + $1.monthly }
        #expect(teams + r.idle + externalUnowned == r.monthly)
        #expect(r.clusters.reduce(Money.zero) { $0 + $1.monthly } + r.external.reduce(Money.zero) { $0 + $1.monthly } == r.monthly)
    }

    @Test func bundledPlatformAddsUp() throws {
        let bytes = [UInt8](try Data(contentsOf: Golden.repoRoot.appendingPathComponent("platform.yaml")))
        let output = Compiler().compile(spec: bytes, file: "platform.yaml")
        let r = try #require(output.plan?.cost)
        Self.check(r)
        // nodes $296,360.6404 + $332.682292 + $182.50 (5 p5.48xlarge: `llama-sft` takes two nodes of one zone)
        #expect(r.monthly == Money(micros: 296_875_822_692))
    }

    @Test func migAndOddSharesAddUp() throws {
        let (plan, _) = CostFixture.plan(CostFixture.roomy + [CostModelTests.migPool] + CostModelTests.migModel)
        Self.check(try #require(plan?.cost))
    }
}
