import PlatformCore
import PlatformDiagnostics
import Testing

/// `placement.allowPCIe` (#17 finding 3): a PCIe-only node is one group for the models that allow it,
/// and stays single-GPU islands for every other multi-GPU model.
@Suite struct PCIeTensorParallelTests {
    static func l4Pool(pcieNode: Bool) -> PoolSupply {
        PoolSupply(id: "c/l4", cluster: "c", gpuModel: "L4", nodeCount: 2, islands: pcieNode ? [8] : Array(repeating: 1, count: 8),
                   pricePerHourMicros: 13_350_000, pcieNode: pcieNode)
    }

    @Test func demandAllowingPCIeTakesTwoGPUsOfOneNode() {
        let model = Demand(id: "model/qwen-30b", team: "t", gpuModel: "L4", gpusPerGroup: 2, groups: 2, allowPCIe: true)
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.l4Pool(pcieNode: true)], demands: [model]))
        #expect(placement.unplaced == [])
        #expect(placement.assignments.map(\.pool) == ["c/l4"])
        #expect(placement.assignments.first?.groups.count == 2)
    }

    /// Before the fix the pool kept eight islands of one GPU and the demand was refused (E3001).
    @Test func withoutTheMergedNodeTheDemandIsRefused() {
        let model = Demand(id: "m", team: "t", gpuModel: "L4", gpusPerGroup: 2, groups: 1, allowPCIe: true)
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.l4Pool(pcieNode: false)], demands: [model]))
        #expect(placement.unplaced.map(\.reason) == [.islandTooSmall(need: 2, largest: 1)])
    }

    @Test func demandNotAllowingPCIeKeepsOutOfTheMergedNode() {
        let strict = Demand(id: "strict", team: "t", gpuModel: "L4", gpusPerGroup: 2, groups: 1)
        let single = Demand(id: "single", team: "t", gpuModel: "L4", gpusPerGroup: 1, groups: 1)
        let placement = PlacementSolver.solve(PlacementProblem(pools: [Self.l4Pool(pcieNode: true)], demands: [strict, single]))
        #expect(placement.unplaced.map(\.demand) == ["strict"])
        #expect(placement.unplaced.map(\.reason) == [.islandTooSmall(need: 2, largest: 1)])
        #expect(placement.assignments.map(\.demand) == ["single"])
    }

    /// The IR side: only a pool of the model's GPU with single-GPU islands is merged, and only when a
    /// model allows PCIe (the bundled platform has none, so its golden output is unchanged).
    @Test func placementPassMergesOnlyPCIeOnlyPoolsOfAModelAllowingPCIe() throws {
        let spec = Fixture.spec([("      - name: h100\n        instanceType: p5.48xlarge\n        nodes: { min: 2, max: 6 }\n",
                                  """
                                            - name: h100\n        instanceType: p5.48xlarge\n        nodes: { min: 2, max: 6 }\n\
                                            - name: l4\n        instanceType: g6.48xlarge\n        nodes: { min: 2, max: 2 }\n
                                      """),
                                 ("gpu: { model: H100-SXM-80GB, count: 4 }\n    replicas: { min: 2, max: 4 }\n",
                                  "gpu: { model: L4, count: 2 }\n    replicas: { min: 2, max: 4 }\n    placement: { allowPCIe: true }\n"),
                                 ("parameters: 70B\n    architecture: llama-3-70b", "parameters: 8B\n    architecture: llama-3-8b")])
        var bag = DiagnosticBag()
        let platform = try #require(FrontEnd(file: "platform.yaml").run(Array(spec.utf8), into: &bag))
        let problem = PlacementPass.problem(platform)
        #expect(problem.pools.map(\.islands) == [[8], [8]])
        #expect(problem.pools.map(\.pcieNode) == [false, true])
        #expect(problem.demands.first { $0.id == "model/llama-3-70b" }?.allowPCIe == true)

        // A one-GPU model needs no merged node, with or without `allowPCIe`.
        let single = spec.replacingOccurrences(of: "gpu: { model: L4, count: 2 }", with: "gpu: { model: L4, count: 1 }\n    dtype: fp8")
        var singleBag = DiagnosticBag()
        let p = try #require(FrontEnd(file: "platform.yaml").run(Array(single.utf8), into: &singleBag),
            "\(singleBag.sorted.map(\.message))")
        #expect(PlacementPass.problem(p).pools.map(\.islands) == [[8], Array(repeating: 1, count: 8)])
        #expect(PlacementPass.problem(p).pools.map(\.pcieNode) == [false, false])
    }
}
