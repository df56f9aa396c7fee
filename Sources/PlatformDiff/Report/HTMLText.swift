/// Escaping for the report's HTML and SVG: every string that comes from a spec, a template or a
/// base tree goes through `escape` before it reaches the page, so a name such as
/// `<script>alert(1)</script>` is shown as text and never runs.
package enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as character references: safe in element content and in
    /// quoted attribute values alike. Control characters other than tab and newline are dropped.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A number for SVG coordinates: integers as they are, others with at most two decimals.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        if hundredths % 100 == 0 { return String(hundredths / 100) }
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        return "\(sign)\(a / 100).\(a % 100 < 10 ? "0" : "")\(a % 100)"
    }

    /// Money without cents and with thousands separators, e.g. `148,920`.
    static func money(_ amount: Money) -> String {
        let units = (amount.micros >= 0 ? amount.micros + 500_000 : amount.micros - 500_000) / 1_000_000
        var digits = String(abs(units))
        var groups: [String] = []
        while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits.removeLast(3) }
        groups.insert(digits, at: 0)
        return (units < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
