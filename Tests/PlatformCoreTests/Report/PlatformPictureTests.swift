import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// The picture of real compiles: the bundled platform and a generated fleet.
@Suite struct PlatformPictureTests {
    static func picture(_ output: Compiler.Output) -> PlatformPicture {
        PlatformPicture(plan: output.plan!, manifests: output.manifests)
    }

    @Test func bundledPlatformShowsEveryPoolTeamAndRoute() throws {
        let output = try NetworkReachabilityTests.compileBundled()
        let picture = Self.picture(output)
        #expect(picture.pools
            .map { "\($0.cluster)/\($0.pool)" } == ["prod-use1/h100", "prod-usw2/a100", "prod-usw2/a100-mig", "prod-usw2/l40s"])
        #expect(picture.teams.map(\.team) == ["platform", "research", "search", "support"])
        // Every running node of the placement, every GPU of it.
        #expect(picture.pools.flatMap(\.nodes).count == output.plan!.placement!.nodes.count)
        // MIG: the llama-3-8b replicas hold `3g.40gb` slices, two per GPU.
        let mig = picture.pools.first { $0.pool == "a100-mig" }!
        #expect(mig.nodes.flatMap(\.gpus).filter { !$0.slices.isEmpty }.allSatisfy { $0.slices.count == 2 })
        #expect(mig.nodes.flatMap(\.gpus).flatMap(\.slices).filter { $0 == "model/llama-3-8b" }.count == 2)
        // Routes come from the emitted HTTPRoutes: chat splits 90/10 and falls back to OpenAI.
        let chat = picture.routes.first { $0.name == "chat" }!
        #expect(chat.cluster == "prod-use1" && chat.gateways == ["platform-system/platform-gateway"])
        #expect(chat.backends.map { "\($0.kind) \($0.namespace)/\($0.name) \($0.percent)" }
                == ["InferencePool search/llama-3-70b 90", "Service search/llama-3-70b-next 10"])
        #expect(chat.fallbacks == ["openai/gpt-4o"])
        let html = ReportHTMLRenderer.render(picture)
        for name in ["llama-3-70b", "mixtral-8x7b", "bge-large", "support-chat", "a100-mig", "prod-usw2"] { #expect(html.contains(name)) }
        #expect(html == ReportHTMLRenderer.render(Self.picture(try NetworkReachabilityTests.compileBundled())))
    }

    @Test func strandedMarksAddUpToThePlacementsCount() throws {
        // With mixtral-8x7b at `replicas.max` on `a100` (3 of 3), the pool's 10 free GPUs can
        // serve nothing, and the placement counts them stranded.
        let bundled = try String(contentsOf: SharedTools.repoRoot.appendingPathComponent("platform.yaml"), encoding: .utf8)
        let spec = bundled.replacingOccurrences(of: "replicas: { min: 2, max: 3 }", with: "replicas: { min: 3, max: 3 }")
        #expect(spec != bundled)
        let output = Compiler().compile(spec: Array(spec.utf8), file: "platform.yaml")
        let picture = Self.picture(output)
        #expect(picture.pools.first { $0.pool == "a100" }?.strandedGPUs == 10)
        for pool in picture.pools {
            let marked = pool.nodes.flatMap(\.gpus).filter(\.stranded).count
            #expect(marked == pool.strandedGPUs, "\(pool.cluster)/\(pool.pool): \(marked) marked, placement says \(pool.strandedGPUs)")
        }
    }
}
