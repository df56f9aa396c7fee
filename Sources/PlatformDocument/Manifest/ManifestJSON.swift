extension ManifestValue {
    /// Compact JSON with keys in byte order: deterministic, for lock files, reports and tests.
    /// Non-finite doubles, which JSON lacks, are written as `NaN`, `Infinity`, `-Infinity`
    /// (what Python's `json` reads).
    package var jsonText: String {
        var bytes: [UInt8] = []
        appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendJSON(to bytes: inout [UInt8]) {
        switch self {
        case .string(let string): Self.appendJSONString(string, to: &bytes)
        case .int(let int): bytes.append(contentsOf: String(int).utf8)
        case .double(let double):
            let text = double.isNaN ? "NaN" : double.isInfinite ? (double < 0 ? "-Infinity" : "Infinity") : "\(double)"
            bytes.append(contentsOf: text.utf8)
        case .bool(let bool): bytes.append(contentsOf: (bool ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .list(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                item.appendJSON(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .map(let map):
            bytes.append(UInt8(ascii: "{"))
            for (index, entry) in map.entries.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.appendJSONString(entry.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                entry.value.appendJSON(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static func appendJSONString(_ string: String, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0x00..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
