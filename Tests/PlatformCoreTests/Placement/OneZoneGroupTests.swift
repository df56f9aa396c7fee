import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// #17 finding 8: a multi-node replica's nodes, and a training gang's, sit in one zone (main took
/// the lowest free nodes, which alternate zones, while the emitted LeaderWorkerSet pins one zone).
@Suite struct OneZoneGroupTests {
    /// 8 nodes over two zones (a: 0, 2, 4, 6; b: 1, 3, 5, 7), nodes 0 and 1 running.
    static let pool = PoolSupply(id: "c/ib", cluster: "c", gpuModel: "H100", nodeCount: 8, minNodes: 2, islands: [8],
                                 zones: ["zone-a", "zone-b"], pricePerHourMicros: 10, rdma: true)

    static func zones(_ placement: Placement, _ demand: String) -> Set<String> {
        let names = Set(placement.assignments.first { $0.demand == demand }?.groups.flatMap { $0.shares.map(\.node) } ?? [])
        return Set(placement.nodes.filter { names.contains($0.name) }.map(\.zone))
    }

    @Test func twoNodeReplicaAndFourNodeGangEachLandInOneZone() {
        let gang = Demand(id: "job/sft", kind: .gang, team: "r", gpuModel: "H100", gpusPerGroup: 8, groups: 1, nodesPerGroup: 4,
            spread: .none)
        let replica = Demand(id: "model/big", team: "s", gpuModel: "H100", gpusPerGroup: 8, groups: 1, nodesPerGroup: 2)
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.pool], demands: [replica, gang]))
        #expect(placement.unplaced == [])
        // The gang first (larger): zone a and zone b each need three stopped nodes; a wins the tie.
        #expect(placement.assignments.map { "\($0.demand): \($0.groups.map { $0.shares.map(\.node).joined(separator: " ") })" } == [
            "job/sft: [\"c/ib/node-0 c/ib/node-2 c/ib/node-4 c/ib/node-6\"]",
            "model/big: [\"c/ib/node-1 c/ib/node-3\"]",
        ])
        #expect(Self.zones(placement, "job/sft") == ["zone-a"])
        #expect(Self.zones(placement, "model/big") == ["zone-b"])
    }

    /// Two replicas of a 2-node model spread over zones: each replica whole in its own zone.
    @Test func spreadReplicasTakeOneZoneEach() {
        let model = Demand(id: "model/big", team: "s", gpuModel: "H100", gpusPerGroup: 8, groups: 2, nodesPerGroup: 2)
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.pool], demands: [model]))
        #expect(placement.unplaced == [])
        #expect(placement.assignments.first?.groups.map { $0.shares.map(\.node) } == [
            ["c/ib/node-0", "c/ib/node-2"], ["c/ib/node-1", "c/ib/node-3"],
        ])
    }

    /// 6 nodes over two zones hold at most 3 in one: a 4-node gang is refused with that reason.
    @Test func gangLargerThanEveryZoneIsRefused() {
        var pool = Self.pool
        pool.nodeCount = 6
        let gang = Demand(id: "job/sft", kind: .gang, team: "r", gpuModel: "H100", gpusPerGroup: 8, groups: 1, nodesPerGroup: 4)
        let placement = PlacementSolver.solve(PlacementProblem(pools: [pool], demands: [gang]))
        #expect(placement.unplaced.map(\.reason) == [.zoneTooSmall(need: 4, largest: 3)])
        #expect(placement.unplaced.first?.message == "a group needs 4 nodes in one zone; the largest zone of a matching pool has 3")
    }

    /// Through the compiler: the minimal spec's pool has 6 nodes over two zones, 3 per zone; a
    /// 4-node gang fits the pool (no E2106) but no zone, E3001 at the job.
    @Test func compiledGangTooLargeForAZoneIsE3001() {
        let out = PlatformCompile.compile(Fixture.spec([("    nodes: 2\n    gpusPerNode: 8\n", "    nodes: 4\n    gpusPerNode: 8\n")]))
        #expect(PlatformCompile.errors(out) == [
            "E3001: training job `sft` cannot be placed: a group needs 4 nodes in one zone; the largest zone of a matching pool has 3",
        ])
        let e = out.diagnostics.sorted.first { $0.code == "E3001" }
        #expect(e?.location?.line == 44)
        #expect(e?.help == "raise `nodes.max` of a matching pool until one of its zones holds 4 nodes, or give it fewer `zones`")
    }

    /// The bundled platform: `llama-sft` (2 nodes) sits in one zone, and its TrainJob pods are pinned
    /// to that zone; the LeaderWorkerSet's pods of one group keep one zone by affinity.
    @Test func bundledGangIsPlacedAndPinnedInOneZone() throws {
        let out = PlatformCompile.compile()
        let placement = try #require(out.plan?.placement)
        #expect(placement.assignments.first { $0.demand == "job/llama-sft" }?.groups.map { $0.shares.map(\.node) }
                == [["prod-use1/h100/node-2", "prod-use1/h100/node-4"]])
        #expect(Self.zones(placement, "job/llama-sft") == ["us-east-1a"])
        let job = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "TrainJob", name: "llama-sft", namespace: "research"))
        #expect(job.value
            .at("spec.runtimePatches.0.trainingRuntimeSpec.template.spec.replicatedJobs.0.template.spec.template.spec.nodeSelector")
                == ["karpenter.sh/nodepool": "h100", "topology.kubernetes.io/zone": "us-east-1a"])
    }
}
