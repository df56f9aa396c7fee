/// Writers for the three non-plain scalar styles.
enum YAMLQuoting {
    /// `'it''s'`: no escapes exist in single quotes, only doubled quotes.
    static func appendSingleQuoted(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "'"))
        for byte in string.utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "'") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "'"))
    }

    /// `"a\tb"`: escapes for `"` `\`, C0 and C1 controls, DEL, Unicode line breaks, BOM and
    /// the non-characters U+FFFE/U+FFFF; everything else as UTF-8.
    static func appendDoubleQuoted(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x22: append("\\\"", to: &bytes)
            case 0x5C: append("\\\\", to: &bytes)
            case 0x00: append("\\0", to: &bytes)
            case 0x07: append("\\a", to: &bytes)
            case 0x08: append("\\b", to: &bytes)
            case 0x09: append("\\t", to: &bytes)
            case 0x0A: append("\\n", to: &bytes)
            case 0x0B: append("\\v", to: &bytes)
            case 0x0C: append("\\f", to: &bytes)
            case 0x0D: append("\\r", to: &bytes)
            case 0x1B: append("\\e", to: &bytes)
            case 0x85: append("\\N", to: &bytes)
            case 0x2028: append("\\L", to: &bytes)
            case 0x2029: append("\\P", to: &bytes)
            case 0x00..<0x20, 0x7F...0x9F: appendHex(scalar.value, prefix: "\\x", digits: 2, to: &bytes)
            case 0xFEFF, 0xFFFE, 0xFFFF: appendHex(scalar.value, prefix: "\\u", digits: 4, to: &bytes)
            default: bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A literal block whose content sits at `indent`: the header (`|`, `|-`, `|+`, with an
    /// indentation indicator when the text starts with a space or a line break, which would
    /// otherwise defeat indentation detection), a line break, then the lines; empty lines are
    /// written without indentation.
    static func appendLiteral(_ string: String, indent: Int, to bytes: inout [UInt8]) {
        let utf8 = string.utf8
        var trailingBreaks = 0
        for byte in utf8.reversed() {
            guard byte == 0x0A else { break }
            trailingBreaks += 1
        }
        bytes.append(UInt8(ascii: "|"))
        if let first = utf8.first, first == 0x20 || first == 0x0A { bytes.append(UInt8(ascii: "2")) }
        if trailingBreaks == 0 { bytes.append(UInt8(ascii: "-")) } else if trailingBreaks > 1 { bytes.append(UInt8(ascii: "+")) }
        bytes.append(0x0A)
        // The last line break of a clipped or kept block is the one each line ends with.
        let body = utf8.dropLast(trailingBreaks > 0 ? 1 : 0)
        var atLineStart = true
        for byte in body {
            if byte == 0x0A {
                bytes.append(0x0A)
                atLineStart = true
                continue
            }
            if atLineStart {
                bytes.append(contentsOf: repeatElement(0x20, count: indent))
                atLineStart = false
            }
            bytes.append(byte)
        }
        bytes.append(0x0A)
    }

    private static func append(_ text: StaticString, to bytes: inout [UInt8]) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private static func appendHex(_ value: UInt32, prefix: StaticString, digits: Int, to bytes: inout [UInt8]) {
        append(prefix, to: &bytes)
        let hex = Array("0123456789ABCDEF".utf8)
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            bytes.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
