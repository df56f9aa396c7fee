/// A number of GPUs held, exact: MIG slices count as their fraction of a GPU (one `3g.40gb`
/// slice of a GPU split in two is 1/2), so sums over teams and pools never drift.
package struct GPUCount: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    package private(set) var numerator: Int64
    package private(set) var denominator: Int64

    package init(_ numerator: Int64, over denominator: Int64 = 1) {
        precondition(denominator > 0, "a GPU count needs a positive denominator")
        let g = Self.gcd(numerator.magnitude, denominator.magnitude)
        self.numerator = numerator / Int64(max(g, 1))
        self.denominator = denominator / Int64(max(g, 1))
    }

    package static let zero = GPUCount(0)

    package init(integerLiteral value: Int64) { self.init(value) }

    package static func + (l: GPUCount, r: GPUCount) -> GPUCount {
        let d = lcm(l.denominator, r.denominator)
        return GPUCount(l.numerator * (d / l.denominator) + r.numerator * (d / r.denominator), over: d)
    }
    package static func - (l: GPUCount, r: GPUCount) -> GPUCount {
        l + GPUCount(-r.numerator, over: r.denominator)
    }
    package static func < (l: GPUCount, r: GPUCount) -> Bool {
        l.numerator * r.denominator < r.numerator * l.denominator
    }

    /// The count as a decimal (for JSON and comparisons with a quota).
    package var value: Double { Double(numerator) / Double(denominator) }
    /// Whole GPUs needed to hold this count (what a quota in whole GPUs must allow).
    package var ceiling: Int64 { (numerator + denominator - 1) / denominator }

    /// `24`, `3.5`, or `2.33` (at most two decimals, trailing zeros dropped).
    package var description: String {
        guard denominator != 1 else { return String(numerator) }
        let hundredths = (numerator * 100 * 2 + denominator) / (denominator * 2)
        var text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 { b == 0 ? a : gcd(b, a % b) }
    static func lcm(_ a: Int64, _ b: Int64) -> Int64 { a / Int64(gcd(a.magnitude, b.magnitude)) * b }
}
