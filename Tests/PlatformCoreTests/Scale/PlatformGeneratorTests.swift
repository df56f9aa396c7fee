import PlatformCore
import PlatformDiagnostics
import Testing

/// The synthetic platforms of `platformc generate` are reproducible, sized as asked, and clean.
@Suite struct PlatformGeneratorTests {
    static let small = GeneratorParameters(seed: 7, clusters: 3, nodes: 60, models: 30, teams: 5)

    @Test func sameSeedSameText() {
        #expect(PlatformGenerator.generate(Self.small) == PlatformGenerator.generate(Self.small))
    }

    @Test func otherSeedOtherText() {
        var other = Self.small
        other.seed = 8
        #expect(PlatformGenerator.generate(Self.small) != PlatformGenerator.generate(other))
    }

    @Test func sizesAreTheOnesAsked() throws {
        var bag = DiagnosticBag()
        let platform = try #require(FrontEnd(file: "gen.yaml").run(Array(PlatformGenerator.generate(Self.small).utf8), into: &bag))
        #expect(platform.clusters.count == 3)
        #expect(platform.models.count == 30)
        #expect(platform.teams.count == 5)
        #expect(platform.clusters.flatMap(\.nodePools).map(\.maxNodes).reduce(0, +) == 60)
    }

    /// No errors and no warnings but W2401: the generated AWS clusters outside us-east-1 have no sourced
    /// price for their instance types (Karpenter's table is us-east-1 only) and say so.
    @Test func compilesWithNoErrorsOrWarningsButUnsourcedRegions() {
        let output = Compiler().compile(spec: Array(PlatformGenerator.generate(Self.small).utf8), file: "gen.yaml")
        let others = output.diagnostics.sorted.filter { $0.code != "W2401" }
        #expect(others.map { DiagnosticRenderer(snippets: false).text($0) } == [])
        #expect(output.diagnostics.sorted.filter { $0.code == "W2401" }.allSatisfy { !$0.message.contains("region `us-east-1`") })
        #expect(output.tree != nil)
    }

    @Test func tooFewNodesGrowToFitTheDemand() throws {
        let tiny = GeneratorParameters(seed: 1, clusters: 2, nodes: 1, models: 20, teams: 3)
        let output = Compiler().compile(spec: Array(PlatformGenerator.generate(tiny).utf8), file: "gen.yaml")
        #expect(!output.diagnostics.hasErrors)
    }
}
