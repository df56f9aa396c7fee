@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import Testing

@Suite struct CostArithmeticTests {
    @Test func monthlyIsPriceTimes730Hours() {
        #expect(CostArithmetic.monthly(Money(micros: 55_040_000), count: 4) == Money(micros: 160_716_800_000))
    }

    @Test func scaleRoundsHalfAwayFromZero() {
        #expect(CostArithmetic.scale(Money(micros: 5), by: 1, over: 2) == Money(micros: 3))      // 2.5 → 3
        #expect(CostArithmetic.scale(Money(micros: 7), by: 1, over: 3) == Money(micros: 2))      // 2.33 → 2
        #expect(CostArithmetic.scale(Money(micros: -5), by: 1, over: 2) == Money(micros: -3))    // −2.5 → −3
        #expect(CostArithmetic.rounded(4_000_000_000_000_000_000, times: 4, over: 8) == 2_000_000_000_000_000_000)  // 1.6e19 in between
    }

    @Test func apportionAddsUpAndGivesLeftoversToLargestRemainders() {
        // 10 over 1:1:1 → 3.33 each; the one micro left goes to the first (ties to the lower index).
        #expect(CostArithmetic.apportion(Money(micros: 10), weights: [1, 1, 1]).map(\.micros) == [4, 3, 3])
        // 100 over 1:2:4 → 14.29, 28.57, 57.14: floors 14, 28, 57 (99), the micro goes to 28.57.
        #expect(CostArithmetic.apportion(Money(micros: 100), weights: [1, 2, 4]).map(\.micros) == [14, 29, 57])
        #expect(CostArithmetic.apportion(Money(micros: 9), weights: [0, 3, 0]).map(\.micros) == [0, 9, 0])
        #expect(CostArithmetic.apportion(Money(micros: 9), weights: [0, 0]).map(\.micros) == [0, 0])
    }

    @Test func gpuCountsAreExactFractions() {
        let half = GPUCount(1, over: 2), seventh = GPUCount(1, over: 7)
        #expect((half + half) == GPUCount(1))
        #expect((seventh + seventh + seventh).description == "0.43")
        #expect(GPUCount(7, over: 2).description == "3.5")
        #expect(GPUCount(5, over: 2).ceiling == 3)
    }

    @Test func tokenTrafficIsPricedAtTheThreeToOneBlend() {
        // gpt-4o $2.50 in / $10.00 out → $4.375 per million blended; 2.5M tokens a day × 730/24 days.
        let price = TokenPrice(inputPerMillion: Money(micros: 2_500_000), outputPerMillion: Money(micros: 10_000_000), source: "test")
        #expect(TokenPriceTable.monthly(tokensPerDay: 2_500_000, at: price) == Money(micros: 332_682_292))
    }
}
