@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
@testable import PlatformDiff
import Testing

/// Issue 17, finding 9: the diff's GPU counts and replica pools come from the lock's placement,
/// so GPUs claimed through DRA (MIG slices), autoscaled models (no `spec.replicas`) and training
/// gangs count, and every replica row names its pool.
@Suite struct LockGPUCountTests {
    @Test func gpusAndPoolsOfTheBundledPlatformComeFromItsLock() throws {
        let output = try BundledPlatformServingTests.compile()
        let tree = try #require(output.tree)
        let cost = try #require(output.plan?.cost)
        let summary = DiffReport(DiffSides(base: [:], head: tree.files), baseLabel: "empty", headLabel: "head", headDiagnostics: []).summary
        // search: 2 × 4 + 1 × 4; research: mixtral 2 × 2, qwen 2 × 1, llama-sft 2 nodes × 8;
        // support: bge 2 × 1, llama-3-8b two 3g.40gb slices = 1 GPU.
        #expect(summary.gpus == [.init(name: "research", old: 0, new: 22), .init(name: "search", old: 0, new: 12),
                                 .init(name: "support", old: 0, new: 3)])
        #expect(summary.gpuTotal == .init(name: "total", old: 0, new: 37))
        #expect(summary.gpus.map { $0.new } == cost.teams.filter { $0.gpus != .zero }.map(\.gpus))
        #expect(summary.replicas.map { "\($0.model) \($0.cluster)/\($0.pool) \($0.new)" } == [
            "bge-large prod-usw2/l40s 2", "llama-3-70b prod-use1/h100 2", "llama-3-70b-next prod-use1/h100 1",
            "llama-3-8b prod-usw2/a100-mig 2", "mixtral-8x7b prod-usw2/a100 2", "qwen-coder-14b prod-usw2/l40s 2",
        ])
    }

    @Test func aVersionOneLockCountsFromItsCostTeams() throws {
        let lock = #"{"lockVersion":1,"cost":{"currency":"USD","monthly":"10.00","teams":{"a":{"gpus":3.5,"monthly":"5.00"},"b":{"gpus":0,"#
            + #""monthly":"5.00"}}},"placement":{"models":{"m":[{"cluster":"c","pool":"p","replicas":2,"nodes":["c/p/node-0"]}]},"#
            + #""training":{}}}"#
        let facts = LockFacts(try #require(LockFile(text: lock)))
        #expect(facts.gpusByTeam == ["a": GPUCount(7, over: 2)])
        #expect(facts.placement?.models["m"]?.first?.pool == "p")
        #expect(DiffFormatting.count(GPUCount(7, over: 2)) == "3.5")
    }
}
