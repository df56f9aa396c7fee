import PlatformCore
import PlatformDiagnostics
import Testing

/// `platformc generate` never prints a spec the loader refuses: the largest accepted parameters
/// load without a limit error and one more model would not. Teams cost about 15 nodes each and
/// almost nothing to generate, so a one-cluster platform with many teams reaches the node limit
/// (E1090) cheaply.
@Suite struct GeneratorLimitsTests {
    static let crowded = GeneratorParameters(seed: 1, clusters: 1, nodes: 3, models: 200, teams: 13_000)

    private static func limitCodes(_ p: GeneratorParameters) -> [String] {
        var bag = DiagnosticBag()
        _ = YAMLLoader(file: "gen.yaml").load(Array(PlatformGenerator.generate(p).utf8), into: &bag)
        return bag.all.map(\.code.rawValue).filter { ["E1006", "E1008", "E1009", "E1090"].contains($0) }
    }

    @Test func largestModelsLoadsAndOneMoreDoesNot() throws {
        let largest = try #require(GeneratorLimits.largestModels(fitting: Self.crowded))
        #expect(largest > 1 && largest < Self.crowded.models)
        var p = Self.crowded
        p.models = largest
        #expect(Self.limitCodes(p) == [])
        p.models += 1
        #expect(Self.limitCodes(p) == ["E1090"])
    }

    @Test func parametersThatFitAreLeftAlone() {
        let small = GeneratorParameters(seed: 7, clusters: 3, nodes: 60, models: 30, teams: 5)
        #expect(GeneratorLimits.largestModels(fitting: small) == 30)
    }

    @Test func tooManyTeamsForEvenOneModel() {
        var p = Self.crowded
        p.teams = 20_000
        #expect(GeneratorLimits.largestModels(fitting: p) == nil)
    }
}
