import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
@testable import PlatformDiff

/// `LockFacts` reads the lock file the compiler writes: the diff's cost and node lines come from it.
@Suite struct LockFactsTests {
    @Test func readsTheLockOfACompiledPlatform() throws {
        let output = try BundledPlatformServingTests.compile()
        let plan = try #require(output.plan)
        let cost = try #require(plan.cost)
        let text = try #require(output.tree?.files[LockFile.path])
        let facts = LockFacts(try #require(LockFile(text: text)))

        #expect(facts.currency == "USD")
        #expect(facts.monthlyTotal == Double(cost.monthly.description))
        #expect(facts.monthlyByTeam == Dictionary(uniqueKeysWithValues: cost.teams.map { ($0.name, Double($0.monthly.description)!) }))
        var nodes: [LockFacts.PoolKey: Set<String>] = [:]
        for a in plan.modelAssignments.values.flatMap({ $0 }) + plan.jobAssignments.values {
            nodes[LockFacts.PoolKey(cluster: a.cluster, pool: a.pool), default: []].formUnion(a.nodes)
        }
        #expect(facts.nodesByPool == nodes.mapValues(\.count))
        #expect(facts.monthlyTotal ?? 0 > 0 && !facts.nodesByPool.isEmpty, "the bundled platform costs money and holds nodes")
    }

    @Test func aNodeSharedByModelsAndAGangCountsOnce() throws {
        let facts = LockFacts(try #require(LockFile(text: SummaryDeltaTests.headLock)))
        #expect(facts.nodesByPool == [LockFacts.PoolKey(cluster: "prod", pool: "h100"): 3])
        #expect(facts.monthlyTotal == 1300.5 && facts.monthlyByTeam == ["search": 900.5, "support": 400])
    }

    @Test func aLockWithoutCostOrPlacementHasNone() throws {
        let facts = LockFacts(try #require(LockFile(text: #"{"lockVersion": 1, "cost": null}"#)))
        #expect(facts.monthlyTotal == nil && facts.currency == nil && facts.monthlyByTeam.isEmpty && facts.nodesByPool.isEmpty)
    }
}
