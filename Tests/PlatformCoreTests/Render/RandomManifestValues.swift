@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// Random `ManifestValue`s biased towards what breaks YAML: indicators, reserved words, numbers,
/// line breaks, blanks, control and Unicode break characters. A BOM never leads a string: Yams
/// decodes scalars with Foundation, which drops a leading U+FEFF (a Yams limitation, not ours).
struct RandomManifestValues {
    var generator: SeededGenerator

    static let fragments: [String] = [
        "a", "Z", "0", "7", " ", "  ", ":", ": ", "#", " #", "-", "- ", "---", "...", "'", "\"", "\\", "\n", "\n\n",
        "\t", "\r", ".", "e", "x", "_", "+", "?", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`",
        "~", "=", "<<", "é", "日", "😀", "\u{85}", "\u{2028}", "x\u{FEFF}", "\u{0}", "\u{7F}", "\u{A0}",
        "yes", "No", "on", "null", "true", "0x1F", "0755", "1.20", "1e3", ".inf", ".NaN", "1:20", "2024-01-01",
        "name", "image", "http://x:80/", "--port",
    ]

    mutating func value(depth: Int = 0) -> ManifestValue {
        let kind = Int.random(in: 0..<(depth >= 3 ? 5 : 8), using: &generator)
        switch kind {
        case 0, 1: return .string(string())
        case 2: return .int(Int64.random(in: Int64.min...Int64.max, using: &generator) >> UInt64.random(in: 0...62, using: &generator))
        case 3: return randomDouble()
        case 4: return Bool.random(using: &generator) ? .bool(Bool.random(using: &generator)) : .null
        case 5: return .list((0..<Int.random(in: 0...3, using: &generator)).map { _ in value(depth: depth + 1) })
        default:
            var map = ManifestMap()
            for _ in 0..<Int.random(in: 0...4, using: &generator) { map[string()] = value(depth: depth + 1) }
            return .map(map)
        }
    }

    mutating func string() -> String {
        (0..<Int.random(in: 0...4, using: &generator))
            .map { _ in Self.fragments.randomElement(using: &generator)! }
            .joined()
    }

    /// Finite doubles and infinities (NaN is never equal to itself, so equality checks skip it).
    private mutating func randomDouble() -> ManifestValue {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return .double(.infinity)
        case 1: return .double(Double(Int.random(in: -1000...1000, using: &generator)) / 8)
        default:
            while true {
                let double = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
                if double.isFinite { return .double(double) }
            }
        }
    }
}
