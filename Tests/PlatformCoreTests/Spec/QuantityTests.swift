import PlatformCore
import Testing

@Suite struct QuantityTests {
    @Test(arguments: [
        ("80Gi", Int64(85_899_345_920)), ("80GB", 80_000_000_000), ("512Mi", 536_870_912), ("1024", 1024), ("1.5Ti", 1_649_267_441_664),
    ]) func memory(_ text: String, _ bytes: Int64) {
        #expect(QuantityParser.memory(text)?.bytes == bytes)
    }

    @Test(arguments: ["80Gx", "Gi", "-1Gi", "1..5Gi", ".5Gi", ""]) func malformedMemory(_ text: String) {
        #expect(QuantityParser.memory(text) == nil)
    }

    @Test func bandwidth() {
        #expect(QuantityParser.bandwidth("900GB/s")?.bitsPerSecond == 7.2e12)
        #expect(QuantityParser.bandwidth("400Gbps")?.bitsPerSecond == 4e11)
        #expect(QuantityParser.bandwidth("400") == nil)
    }

    @Test func moneyIsExact() {
        #expect(QuantityParser.money("98.32")?.micros == 98_320_000)
        #expect(QuantityParser.money("$1,200.50")?.micros == 1_200_500_000)
        #expect(QuantityParser.money("21.957642")?.micros == 21_957_642)
        #expect(QuantityParser.money("150000")?.micros == 150_000_000_000)
        #expect(QuantityParser.money("15k") == nil)
        #expect(QuantityParser.money("1.2345678") == nil)
        #expect(Money(micros: 40_179_200_000).description == "40179.20")
        #expect(Money(micros: 5_004_999).description == "5.00")
    }

    @Test func parameterCounts() {
        #expect(QuantityParser.count("70B") == 70_000_000_000)
        #expect(QuantityParser.count("7.5B") == 7_500_000_000)
        #expect(QuantityParser.count("335M") == 335_000_000)
        #expect(QuantityParser.count("1.2T") == 1_200_000_000_000)
        #expect(QuantityParser.count("70X") == nil)
    }

    @Test func durations() {
        #expect(QuantityParser.durationSeconds("30s") == 30)
        #expect(QuantityParser.durationSeconds("5m") == 300)
        #expect(QuantityParser.durationSeconds("1h30m") == 5400)
        #expect(QuantityParser.durationSeconds("7d") == 604_800)
        #expect(QuantityParser.durationSeconds("500ms") == 1)
        #expect(QuantityParser.durationSeconds("5 minutes") == nil)
        #expect(QuantityParser.durationSeconds("m5") == nil)
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "replica", in: ["replicas", "routing"]) == "replicas")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["replicas"]) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }
}
