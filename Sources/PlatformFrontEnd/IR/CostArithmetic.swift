/// The one rounding rule of the cost model, and the month it prices.
///
/// Money is `Money` (integer micro-dollars). Every figure that needs a division goes through
/// `scale`, which rounds half away from zero to the micro-dollar; every figure that is split
/// among holders goes through `apportion`, which uses largest remainders so the parts always add
/// up to the whole, to the micro-dollar. Nothing else in the cost model rounds.
package enum CostArithmetic {
    /// Hours in a month: 8760 / 12.
    package static let hoursPerMonth: Int64 = 730

    /// A price per hour over a month: exact, no rounding.
    package static func monthly(_ perHour: Money, count: Int = 1) -> Money {
        Money(micros: perHour.micros * hoursPerMonth * Int64(count))
    }

    /// `amount × numerator / denominator`, rounded half away from zero to the micro-dollar.
    package static func scale(_ amount: Money, by numerator: Int64, over denominator: Int64) -> Money {
        Money(micros: rounded(amount.micros, times: numerator, over: denominator))
    }

    /// `value × numerator / denominator` rounded half away from zero: the rule itself, for money
    /// and for counts derived from money's inputs (tokens). The product is computed at double
    /// width, so no intermediate overflows.
    package static func rounded(_ value: Int64, times numerator: Int64, over denominator: Int64) -> Int64 {
        precondition(denominator > 0, "a share needs a positive denominator")
        let negative = (value < 0) != (numerator < 0)
        let product = value.magnitude.multipliedFullWidth(by: numerator.magnitude)
        let (quotient, remainder) = denominator.magnitude.dividingFullWidth(product)
        let result = Int64(quotient) + (remainder * 2 >= denominator.magnitude ? 1 : 0)
        return negative ? -result : result
    }

    /// Splits `total` into parts proportional to `weights` (largest remainder method): each part
    /// gets its floor, then the micro-dollars left go one each to the largest remainders, ties to
    /// the lower index. The parts add up to `total` exactly; a zero weight gets nothing.
    package static func apportion(_ total: Money, weights: [Int64]) -> [Money] {
        let sum = weights.reduce(0, +)
        guard sum > 0, total.micros >= 0 else { return weights.map { _ in .zero } }
        var parts: [Int64] = []
        var remainders: [(remainder: UInt64, index: Int)] = []
        for (i, w) in weights.enumerated() {
            let product = total.micros.magnitude.multipliedFullWidth(by: w.magnitude)
            let (q, r) = sum.magnitude.dividingFullWidth(product)
            parts.append(Int64(q))
            remainders.append((r, i))
        }
        var left = total.micros - parts.reduce(0, +)
        for entry in remainders.sorted(by: { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index })
        where left > 0 && weights[entry.index] > 0 {
            parts[entry.index] += 1
            left -= 1
        }
        return parts.map { Money(micros: $0) }
    }
}
