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
        #expect(picture.pools.map { "\($0.cluster)/\($0.pool)" } == ["prod-use1/h100", "prod-usw2/a100", "prod-usw2/a100-mig", "prod-usw2/l40s"])
        #expect(picture.teams.map(\.team) == ["platform", "research", "search", "support"])
        // Every running node of the placement, every GPU of it.
        #expect(picture.pools.flatMap(\.nodes).count == output.plan!.placement!.nodes.count)
        // MIG: the llama-3-8b replicas hold `3g.40gb` slices, two per GPU.
        let mig = picture.pools.first { $0.pool == "a100-mig" }!
        #expect(mig.nodes.flatMap(\.gpus).allSatisfy { $0.slices.count == 2 })
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
        let spec = PlatformGenerator.generate(GeneratorParameters(seed: 3, clusters: 4, nodes: 300, models: 120, teams: 12))
        let output = Compiler().compile(spec: Array(spec.utf8), file: "fleet.yaml")
        let picture = Self.picture(output)
        let placement = output.plan!.placement!
        #expect(placement.strandedGPUs > 0, "the fleet should strand some GPUs, or this test proves nothing")
        for pool in picture.pools {
            let marked = pool.nodes.flatMap(\.gpus).filter(\.stranded).count
            #expect(marked == pool.strandedGPUs, "\(pool.cluster)/\(pool.pool): \(marked) marked, placement says \(pool.strandedGPUs)")
        }
    }
}
