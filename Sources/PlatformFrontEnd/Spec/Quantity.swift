import Foundation

/// The kinds of typed quantity the spec accepts, each with its own grammar.
package enum QuantityKind: String, Sendable {
    case memory       // 80Gi, 80GB, 512Mi, or plain bytes
    case bandwidth    // 900GB/s, 400Gbps, 100Mbps
    case money        // 150000, 98.32, "$1,200.50"
    case parameters   // 70B, 7.5B, 350M, 1.2T
    case duration     // 30s, 5m, 1h, 7d, 1h30m
    case count        // 50M, 2.5K, 1000 (tokens per day and other large counts)

    var displayName: String {
        switch self {
        case .memory: return "a memory size such as `80Gi` or `80GB`"
        case .bandwidth: return "a bandwidth such as `900GB/s` or `400Gbps`"
        case .money: return "an amount of money such as `150000` or `98.32`"
        case .parameters: return "a parameter count such as `70B` or `7.5B`"
        case .duration: return "a duration such as `30s`, `5m` or `1h`"
        case .count: return "a count such as `50M` or `1200`"
        }
    }

    var pattern: String {
        switch self {
        case .memory: return #"^[0-9]+(\.[0-9]+)?\s*(Ki|Mi|Gi|Ti|Pi|K|M|G|T|P|KB|MB|GB|TB|PB)?$"#
        case .bandwidth: return #"^[0-9]+(\.[0-9]+)?\s*(KB/s|MB/s|GB/s|TB/s|Kbps|Mbps|Gbps|Tbps)$"#
        case .money: return #"^\$?[0-9][0-9,]*(\.[0-9]+)?$"#
        case .parameters, .count: return #"^[0-9]+(\.[0-9]+)?\s*[KMBT]?$"#
        case .duration: return #"^([0-9]+(ms|s|m|h|d))+$"#
        }
    }
}

/// A number of bytes.
package struct ByteCount: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var bytes: Int64
    package init(bytes: Int64) { self.bytes = bytes }
    package static func gib(_ n: Double) -> ByteCount { ByteCount(bytes: Int64(n * 1_073_741_824)) }
    package var gib: Double { Double(bytes) / 1_073_741_824 }
    package var gb: Double { Double(bytes) / 1_000_000_000 }
    package static func < (l: ByteCount, r: ByteCount) -> Bool { l.bytes < r.bytes }
    package var description: String { String(format: "%.1f GiB", gib) }
}

/// A rate in bits per second.
package struct Bandwidth: Hashable, Sendable {
    package var bitsPerSecond: Double
    package var gigabytesPerSecond: Double { bitsPerSecond / 8e9 }
}

/// Money in micro-units of the currency (exact integer arithmetic: sums add up to the cent).
package struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var micros: Int64
    package init(micros: Int64) { self.micros = micros }
    package static let zero = Money(micros: 0)
    package static func + (l: Money, r: Money) -> Money { Money(micros: l.micros + r.micros) }
    package static func - (l: Money, r: Money) -> Money { Money(micros: l.micros - r.micros) }
    package static func < (l: Money, r: Money) -> Bool { l.micros < r.micros }
    /// Rounded to cents, e.g. `40179.20`.
    package var description: String {
        let cents = (micros >= 0 ? micros + 5_000 : micros - 5_000) / 10_000
        let sign = cents < 0 ? "-" : ""
        let a = abs(cents)
        return "\(sign)\(a / 100).\(a % 100 < 10 ? "0" : "")\(a % 100)"
    }
}

/// Quantity parsing. Each function returns nil for text outside its grammar; the caller reports it.
package enum QuantityParser {
    package static func memory(_ text: String) -> ByteCount? {
        guard let (number, unit) = split(text) else { return nil }
        let factors: [String: Double] = [
            "": 1, "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776, "Pi": 1_125_899_906_842_624,
            "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15,
        ]
        guard let f = factors[unit] else { return nil }
        let bytes = number * f
        guard bytes.isFinite, bytes < 9.2e18 else { return nil }
        return ByteCount(bytes: Int64(bytes.rounded()))
    }

    package static func bandwidth(_ text: String) -> Bandwidth? {
        guard let (number, unit) = split(text) else { return nil }
        let factors: [String: Double] = [
            "KB/s": 8e3, "MB/s": 8e6, "GB/s": 8e9, "TB/s": 8e12, "Kbps": 1e3, "Mbps": 1e6, "Gbps": 1e9, "Tbps": 1e12,
        ]
        guard let f = factors[unit] else { return nil }
        return Bandwidth(bitsPerSecond: number * f)
    }

    /// Money is parsed from its decimal text, never through a Double, so `98.32` is exactly 98_320_000 micros.
    package static func money(_ text: String) -> Money? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("$") { t.removeFirst() }
        t = t.replacingOccurrences(of: ",", with: "")
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
              let w = Int64(whole), w < 9_000_000_000_000 else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard !f.isEmpty, f.count <= 6, f.allSatisfy(\.isASCIIDigit), let v = Int64(f) else { return nil }
            fraction = v * Int64(pow10(6 - f.count))
        }
        return Money(micros: w * 1_000_000 + fraction)
    }

    /// `70B` → 70_000_000_000. Suffixes: K, M, B (billion), T.
    package static func count(_ text: String) -> Int64? {
        guard let (number, unit) = split(text) else { return nil }
        let factors: [String: Double] = ["": 1, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12]
        guard let f = factors[unit], number * f < 9e18 else { return nil }
        return Int64((number * f).rounded())
    }

    /// `1h30m` → 5400 seconds; `500ms` counts as its whole seconds rounded up.
    package static func durationSeconds(_ text: String) -> Int? {
        var total = 0.0
        var digits = ""
        var unit = ""
        func flush() -> Bool {
            guard let n = Double(digits) else { return false }
            switch unit {
            case "ms": total += n / 1000
            case "s": total += n
            case "m": total += n * 60
            case "h": total += n * 3600
            case "d": total += n * 86400
            default: return false
            }
            digits = ""; unit = ""
            return true
        }
        for ch in text {
            if ch.isASCIIDigit {
                if !unit.isEmpty { guard flush() else { return nil } }
                digits.append(ch)
            } else {
                guard !digits.isEmpty else { return nil }
                unit.append(ch)
            }
        }
        guard !digits.isEmpty, flush(), total < 1e12 else { return nil }
        return Int(total.rounded(.up))
    }

    private static func split(_ text: String) -> (Double, String)? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let numberPart = t.prefix { $0.isASCIIDigit || $0 == "." }
        guard !numberPart.isEmpty, numberPart.filter({ $0 == "." }).count <= 1, !numberPart.hasPrefix("."),
              !numberPart.hasSuffix("."), let n = Double(numberPart) else { return nil }
        let unit = t.dropFirst(numberPart.count).trimmingCharacters(in: .whitespaces)
        return (n, unit)
    }

    private static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
