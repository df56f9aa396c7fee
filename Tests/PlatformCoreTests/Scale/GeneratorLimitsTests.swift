import PlatformCore
import PlatformDiagnostics
import Testing

/// `platformc generate` never prints a spec the loader refuses: the largest accepted parameters
/// stay within `YAMLLoader.maxEntries` (E1009) and one more model would not. Teams cost 5 entries
/// each and almost nothing to generate, so a one-cluster platform with many teams reaches the
/// limit cheaply.
@Suite struct GeneratorLimitsTests {
    static let crowded = GeneratorParameters(seed: 1, clusters: 1, nodes: 3, models: 20, teams: 39_900)

    @Test func largestModelsFitsAndOneMoreDoesNot() throws {
        let largest = try #require(GeneratorLimits.largestModels(fitting: Self.crowded))
        #expect(largest == 14)
        var p = Self.crowded
        p.models = largest
        #expect(GeneratorLimits.entries(p) <= YAMLLoader.maxEntries)
        p.models += 1
        #expect(GeneratorLimits.entries(p) > YAMLLoader.maxEntries)
    }

    @Test func theLargestLoadsWithoutE1009OrE1006() throws {
        var p = Self.crowded
        p.models = 14
        var bag = DiagnosticBag()
        let node = YAMLLoader(file: "gen.yaml").load(Array(PlatformGenerator.generate(p).utf8), into: &bag)
        #expect(node != nil)
        #expect(bag.all.map(\.code.rawValue) == [])
    }

    @Test func parametersThatFitAreLeftAlone() {
        let small = GeneratorParameters(seed: 7, clusters: 3, nodes: 60, models: 30, teams: 5)
        #expect(GeneratorLimits.largestModels(fitting: small) == 30)
    }

    @Test func tooManyTeamsForEvenOneModel() {
        var p = Self.crowded
        p.teams = 40_000
        #expect(GeneratorLimits.largestModels(fitting: p) == nil)
    }
}
