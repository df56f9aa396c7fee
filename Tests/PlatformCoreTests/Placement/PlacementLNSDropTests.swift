import Testing
@testable import PlatformCore

/// The large-neighbourhood search tries first the neighbourhoods that can take a dropped demand
/// (`PlacementLNSDrops.swift`): blocks of the pools it may use and of the pools their work may move
/// to. Pools re-solved one at a time cannot move work from one pool to another.
@Suite struct PlacementLNSDropTests {
    /// Pool `c1/a` (30 nodes) full of 8-GPU demands that may also use `c1/b` (40 idle nodes), and
    /// `model/z`, pinned to `c1/a`, dropped. 70 nodes: beyond one neighbourhood, and the pair of
    /// pools too, so the pools are solved one by one: `c1/a` alone can only swap `model/z` for
    /// another demand of its level (same drops, same cost), `c1/b` alone has nothing to take.
    static let pinnedBehindMovableWork = PlacementProblem(
        pools: [
            PoolSupply(id: "c1/a", cluster: "c1", gpuModel: "H100", nodeCount: 30, islands: [8], pricePerHourMicros: 98_000_000),
            PoolSupply(id: "c1/b", cluster: "c1", gpuModel: "H100", nodeCount: 40, islands: [8], pricePerHourMicros: 98_000_000),
        ],
        demands: (0..<30).map { i in
            Demand(id: "model/a\(i < 10 ? "0" : "")\(i)", team: "t", priority: 1, gpuModel: "H100", gpusPerGroup: 8, groups: 1)
        } + [Demand(id: "model/z", team: "t", priority: 1, gpuModel: "H100", pool: "c1/a", gpusPerGroup: 8, groups: 1)],
        teams: [])

    /// The start: every `model/aNN` on its own node of `c1/a`, `model/z` dropped.
    static func start(_ problem: CanonicalProblem) -> FleetState {
        var state = FleetState(problem, indexed: true)
        let a = problem.pools.firstIndex { $0.id == "c1/a" }!
        for d in problem.demands.indices where problem.demands[d].id != "model/z" {
            #expect(state.placeGroup(d, pool: a, rule: .fragmentationAware) != nil)
        }
        return state
    }

    static func dropped(_ problem: CanonicalProblem, _ outcome: PlacementLNS.Outcome) -> [String] {
        outcome.out.map { problem.demands[$0].id }
    }

    @Test func aDropPlacedByMovingWorkToAnotherPool() {
        let problem = CanonicalProblem(Self.pinnedBehindMovableWork)
        let start = Self.start(problem)
        #expect(PlacementSolver.searchableOut(problem, start).map { problem.demands[$0].id } == ["model/z"])
        // Pools one at a time (session 7's order): `model/z` stays dropped.
        let old = PlacementLNS.improve(problem, state: start, options: PlacementOptions(lnsDropHoodNodes: 0))
        #expect(Self.dropped(problem, old) == ["model/z"])
        #expect(old.state.cost == 30 * 98_000_000)
        // Around the drop: 12 nodes of `c1/a`, then both pools in turn (18 and 6); one demand moves to
        // `c1/b`, `model/z` is placed.
        let hood = PlacementLNS.dropHood(problem, start, demand: problem.demands.firstIndex { $0.id == "model/z" }!, nodeLimit: 24)
        #expect(hood?.map { [$0.pool, $0.nodes.count] } == [[0, 18], [1, 6]])
        let new = PlacementLNS.improve(problem, state: start, options: PlacementOptions())
        #expect(Self.dropped(problem, new) == [])
        #expect(new.state.cost == 31 * 98_000_000)
        #expect(new.state.groups.allSatisfy { $0.count == 1 })
        let z = problem.demands.firstIndex { $0.id == "model/z" }!
        #expect(new.state.groups[z].first?.pool == 0)
    }

    /// frag-1-3's `d078` in small: `model/z` (six 8-GPU replicas, lowest level) is pinned to the cheap
    /// pool `c1/a` (30 nodes): 24 of its nodes run 5-GPU replicas pinned there too (one per node,
    /// level 0: the blocks `dropHood` takes first), 6 run 8-GPU replicas of level 1 that `c1/b` (40
    /// idle nodes, twice the price) may also run. Room for `model/z` means moving those six at once;
    /// the demands pinned to `c1/a` never move, so `dropHood` stays inside `c1/a` and finds nothing,
    /// `c1/a` alone cannot move work out, and the pair is past 60 nodes.
    static let pinnedBehindPinnedWork = PlacementProblem(
        pools: [
            PoolSupply(id: "c1/a", cluster: "c1", gpuModel: "H100", nodeCount: 30, islands: [8], pricePerHourMicros: 50_000_000),
            PoolSupply(id: "c1/b", cluster: "c1", gpuModel: "H100", nodeCount: 40, islands: [8], pricePerHourMicros: 100_000_000),
        ],
        demands: (0..<24).map { i in
            Demand(id: "model/p\(i < 10 ? "0" : "")\(i)", team: "t", gpuModel: "H100", pool: "c1/a", gpusPerGroup: 5, groups: 1)
        } + (0..<6).map { i in
            Demand(id: "model/m\(i)", team: "t", priority: 1, gpuModel: "H100", gpusPerGroup: 8, groups: 1)
        } + [Demand(id: "model/z", team: "t", gpuModel: "H100", pool: "c1/a", gpusPerGroup: 8, groups: 6, spread: .none)],
        teams: [])

    @Test func aPinnedDropPlacedByMovingItsPoolsMovableWorkOut() {
        let problem = CanonicalProblem(Self.pinnedBehindPinnedWork)
        let a = problem.pools.firstIndex { $0.id == "c1/a" }!
        let z = problem.demands.firstIndex { $0.id == "model/z" }!
        var start = FleetState(problem, indexed: true)
        for d in problem.demands.indices where d != z {
            #expect(start.placeGroup(d, pool: a, rule: .fragmentationAware) != nil)
        }
        #expect(PlacementSolver.searchableOut(problem, start) == [z])
        // Without the room neighbourhood (session 8): `model/z` stays dropped.
        let old = PlacementLNS.improve(problem, state: start, options: PlacementOptions(lnsRoomHoods: false))
        #expect(Self.dropped(problem, old) == ["model/z"])
        // The six movable nodes of `c1/a` and twelve empty nodes of `c1/b`.
        let hood = PlacementLNS.roomHood(problem, start, demand: z, nodeLimit: 24)
        #expect(hood?.map { [$0.pool, $0.nodes.count] } == [[a, 6], [1 - a, 12]])
        let new = PlacementLNS.improve(problem, state: start, options: PlacementOptions())
        #expect(Self.dropped(problem, new) == [])
        #expect(new.state.groups[z].count == 6 && new.state.groups[z].allSatisfy { $0.pool == a })
        #expect(new.state.cost == 30 * 50_000_000 + 6 * 100_000_000)
    }

    /// frag-1-2's last node in small: two pools of 35 nodes (70: past one neighbourhood, the pair
    /// too), each with one node half used by a 4-GPU replica that either pool may run. Each pool
    /// re-solved alone keeps its node; the partly used nodes together fit on one.
    @Test func partlyUsedNodesOfTwoPoolsPackedTogether() {
        let problem = CanonicalProblem(PlacementProblem(
            pools: [
                PoolSupply(id: "c1/a", cluster: "c1", gpuModel: "H100", nodeCount: 35, islands: [8], pricePerHourMicros: 1_000_000),
                PoolSupply(id: "c1/b", cluster: "c1", gpuModel: "H100", nodeCount: 35, islands: [8], pricePerHourMicros: 2_000_000),
            ],
            demands: [Demand(id: "model/x", team: "t", gpuModel: "H100", gpusPerGroup: 4, groups: 1),
                      Demand(id: "model/y", team: "t", gpuModel: "H100", gpusPerGroup: 4, groups: 1)],
            teams: []))
        var start = FleetState(problem, indexed: true)
        #expect(start.placeGroup(0, pool: 0, rule: .fragmentationAware) != nil)
        #expect(start.placeGroup(1, pool: 1, rule: .fragmentationAware) != nil)
        #expect(start.cost == 3_000_000)
        let old = PlacementLNS.improve(problem, state: start, options: PlacementOptions(lnsFragmentHoods: false))
        #expect(old.state.cost == 3_000_000)
        #expect(PlacementLNS.fragmentHood(problem, start, pools: [0, 1], nodeLimit: 24)?.map(\.nodes) == [[0], [0]])
        let new = PlacementLNS.improve(problem, state: start, options: PlacementOptions())
        #expect(new.state.cost == 1_000_000)
        #expect(new.out.isEmpty)
    }

    /// A block is whole zone rows, joined where a demand spans them, so a sub-pool keeps each node's
    /// zone and every demand on a part has all its groups there.
    @Test func blocksAreZoneRowsJoinedByTheirDemands() {
        let problem = CanonicalProblem(PlacementProblem(
            pools: [PoolSupply(id: "c1/a", cluster: "c1", gpuModel: "H100", nodeCount: 7, minNodes: 1, islands: [8], zones: ["x", "y"],
                               pricePerHourMicros: 1_000_000)],
            demands: [Demand(id: "model/r", team: "t", gpuModel: "H100", gpusPerGroup: 8, groups: 2, spread: .zones)],
            teams: []))
        var state = FleetState(problem, indexed: true)
        // Two replicas, one per zone: nodes 0 (it runs anyway) and 1, row 0.
        #expect(state.placeGroup(0, pool: 0, rule: .fragmentationAware)?.shares.first?.node == 0)
        #expect(state.placeGroup(0, pool: 0, rule: .fragmentationAware)?.shares.first?.node == 1)
        let blocks = PlacementLNS.blocks(problem, state, pool: 0)
        #expect(blocks.map(\.nodes) == [[0, 1], [2, 3], [4, 5], [6]])
        #expect(blocks.map(\.topPriority) == [0, nil, nil, nil])
        let part = PlacementLNS.Part(pool: 0, nodes: [0, 1, 6], whole: false)
        #expect(part.supply(problem).nodeCount == 3)
        #expect(part.supply(problem).minNodes == 1)
        #expect(PlacementLNS.Part(pool: 0, nodes: [2, 3], whole: false).supply(problem).minNodes == 0)
    }
}
