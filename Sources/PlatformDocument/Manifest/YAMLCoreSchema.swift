/// YAML 1.2 core-schema resolution of plain scalars, by hand (no regex).
enum YAMLCoreSchema {
    static func resolvePlain(_ text: String) -> ManifestValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", "+.inf", ".Inf", "+.Inf", ".INF", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        switch integer(text) {
        case .some(let int?): return .int(int)
        case .some(nil): return .string(text)
        case nil: break
        }
        if isFloat(text), let double = Double(text) { return .double(double) }
        return .string(text)
    }

    /// nil when `text` is not `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`; `.some(nil)` when it
    /// is but does not fit Int64 (it then stays a string rather than silently losing digits).
    private static func integer(_ text: String) -> Int64?? {
        func digits(_ body: Substring, _ isDigit: (UInt8) -> Bool) -> Bool {
            !body.isEmpty && body.utf8.allSatisfy(isDigit)
        }
        let decimal: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        if text.hasPrefix("0o") {
            let body = text.dropFirst(2)
            return digits(body, { $0 >= 0x30 && $0 <= 0x37 }) ? .some(Int64(body, radix: 8)) : nil
        }
        if text.hasPrefix("0x") {
            let body = text.dropFirst(2)
            return digits(body, { decimal($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }) ? .some(Int64(body, radix: 16)) : nil
        }
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        guard digits(body, decimal) else { return nil }
        return .some(Int64(text.first == "+" ? String(body) : text))
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, byte >= 0x30 && byte <= 0x39 { bytes = bytes.dropFirst(); count += 1 }
            return count
        }
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let whole = digits()
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = digits()
            if whole == 0 && fraction == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
