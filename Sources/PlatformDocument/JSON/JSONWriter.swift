/// The one JSON writer of the package: every JSON text platformc prints or writes (the lock,
/// reports, `explain … --format json`, `--diagnostics json`, the schema, the diff, LSP messages)
/// comes from a `ManifestValue` through here, so escaping and key order are decided once.
///
/// Strings: `"`, `\`, LF, CR and tab get their short escapes, other bytes below 0x20 `\u00xx`,
/// everything else (`/`, DEL, non-ASCII) is written as is. Keys are in byte order (a
/// `ManifestMap`'s order) unless the layout says otherwise. Non-finite doubles, which JSON lacks,
/// are written as `NaN`, `Infinity`, `-Infinity` (what Python's `json` reads).
package enum JSONWriter {
    /// How a value is laid out. The layouts of the files people review (`reviewed`, `compact`)
    /// and the ones Foundation's `JSONSerialization`/`JSONEncoder` used to write
    /// (`prettyPrinted, sortedKeys, withoutEscapingSlashes`), kept byte for byte.
    package struct Layout: Sendable {
        /// Two spaces per level and one entry per line; compact (no white space) when false.
        var pretty: Bool
        /// Between a key and its value.
        var keySeparator: String
        /// An empty list or map as `[\n\n<indent>]` (Foundation's pretty printer), else `[]`.
        var emptyOnThreeLines = false
        /// An integral double without `.0` (`1`, `-0`), as Foundation writes it.
        var integralDoubleAsInteger = false
        /// Keys compared without case first (`JSONSerialization`'s `sortedKeys` puts `gpus` before
        /// `gpuType`), then by bytes; else byte order.
        var caseInsensitiveKeys = false

        /// One line, keys in byte order: lock values in messages, the diff's JSON, tests.
        package static let compact = Layout(pretty: false, keySeparator: ":")
        /// Two-space indentation, `"key": value`: the lock file, cost and traffic reports.
        package static let reviewed = Layout(pretty: true, keySeparator: ": ")
        /// `JSONEncoder` with `prettyPrinted, sortedKeys`: `"key" : value`, empty containers on three lines.
        package static let foundationPretty = Layout(pretty: true, keySeparator: " : ", emptyOnThreeLines: true,
            integralDoubleAsInteger: true)
        /// `JSONSerialization` with `prettyPrinted, sortedKeys` (its key order is case-insensitive).
        package static let foundationSerialization = Layout(pretty: true, keySeparator: " : ", emptyOnThreeLines: true,
                                                            integralDoubleAsInteger: true, caseInsensitiveKeys: true)
        /// `JSONEncoder` with `sortedKeys` alone: one line (JSON-RPC messages).
        package static let foundationCompact = Layout(pretty: false, keySeparator: ":", integralDoubleAsInteger: true)
    }

    package static func text(_ value: ManifestValue, _ layout: Layout) -> String {
        var bytes: [UInt8] = []
        write(value, layout, indent: 0, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func write(_ value: ManifestValue, _ layout: Layout, indent: Int, to bytes: inout [UInt8]) {
        switch value {
        case .string(let string): writeString(string, to: &bytes)
        case .int(let int): bytes.append(contentsOf: String(int).utf8)
        case .double(let double): bytes.append(contentsOf: number(double, layout).utf8)
        case .bool(let bool): bytes.append(contentsOf: (bool ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .list(let items):
            writeContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: items.count, layout, indent: indent,
                to: &bytes) { index, bytes in
                write(items[index], layout, indent: indent + 1, to: &bytes)
            }
        case .map(let map):
            let entries = layout.caseInsensitiveKeys ? map.entries.sorted(by: caseInsensitiveOrder) : map.entries
            writeContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: entries.count, layout, indent: indent,
                to: &bytes) { index, bytes in
                writeString(entries[index].key, to: &bytes)
                bytes.append(contentsOf: layout.keySeparator.utf8)
                write(entries[index].value, layout, indent: indent + 1, to: &bytes)
            }
        }
    }

    private static func writeContainer(open: UInt8, close: UInt8, count: Int, _ layout: Layout, indent: Int,
                                       to bytes: inout [UInt8], item: (Int, inout [UInt8]) -> Void) {
        bytes.append(open)
        if count == 0 {
            if layout.pretty && layout.emptyOnThreeLines { bytes.append(contentsOf: [0x0A, 0x0A]); pad(indent, &bytes) }
            bytes.append(close)
            return
        }
        for index in 0..<count {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if layout.pretty { bytes.append(0x0A); pad(indent + 1, &bytes) }
            item(index, &bytes)
        }
        if layout.pretty { bytes.append(0x0A); pad(indent, &bytes) }
        bytes.append(close)
    }

    private static func pad(_ levels: Int, _ bytes: inout [UInt8]) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * levels))
    }

    private static func number(_ double: Double, _ layout: Layout) -> String {
        if double.isNaN { return "NaN" }
        if double.isInfinite { return double < 0 ? "-Infinity" : "Infinity" }
        let text = "\(double)"
        return layout.integralDoubleAsInteger && text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Case-insensitive first, bytes on a tie. Foundation's own order is a locale collation; on
    /// keys of ASCII letters, digits (one per run), `-` and `$`, which are all the schema has, the two agree.
    private static func caseInsensitiveOrder(_ a: ManifestMap.Entry, _ b: ManifestMap.Entry) -> Bool {
        let (x, y) = (a.key.lowercased(), b.key.lowercased())
        return x == y ? a.key.precedesInByteOrder(b.key) : x.precedesInByteOrder(y)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func writeString(_ string: String, to bytes: inout [UInt8]) {
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

/// JSON with two-space indentation and keys in byte order, for files people review in PRs.
package enum PrettyJSON {
    package static func render(_ value: ManifestValue) -> String { JSONWriter.text(value, .reviewed) }
}

extension ManifestValue {
    /// Compact JSON with keys in byte order: deterministic, for lock values, the diff and tests.
    package var jsonText: String { JSONWriter.text(self, .compact) }
}
