/// A fast reader for the JSON the compiler writes (`platform.lock.json`, half a megabyte on a
/// large platform, read on both sides of every diff), giving the value the YAML parser gives.
///
/// It reads only plain JSON: ASCII, no escapes in strings, no tabs or other control characters,
/// no duplicate keys, each key with its `:` on its line and under 1,000 bytes (YAML's limit for
/// an implicit key is 1,024), at most 100 levels deep. On anything else it returns nil and the caller parses the text as YAML, so
/// the fine points where YAML parsers and JSON differ never arise here. Scalars resolve as the
/// YAML parse resolves them: object keys and strings are strings, and numbers, `true`, `false`
/// and `null` go through the same core-schema rules (`YAMLCoreSchema.resolvePlain`).
package enum PlainJSON {
    package static func parse(_ text: String) -> ManifestValue? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            guard let value = reader.value(), reader.atEnd else { return nil }
            return value
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0

        var atEnd: Bool {
            mutating get {
                skipSpace()
                return index == bytes.count
            }
        }

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
        }

        mutating func value() -> ManifestValue? {
            skipSpace()
            guard index < bytes.count, depth < 100 else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""): return string().map(ManifestValue.string)
            default: return scalar()
            }
        }

        mutating func object() -> ManifestValue? {
            index += 1
            depth += 1
            defer { depth -= 1 }
            var map = ManifestMap()
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .map(map)
            }
            while true {
                skipSpace()
                let keyStart = index
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string(), !map.contains(key) else { return nil }
                while index < bytes.count, bytes[index] == 0x20 { index += 1 }
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":"), index - keyStart < 1_000 else { return nil }
                index += 1
                guard let value = value() else { return nil }
                map[key] = value
                skipSpace()
                guard index < bytes.count else { return nil }
                index += 1
                switch bytes[index - 1] {
                case UInt8(ascii: ","): continue
                case UInt8(ascii: "}"): return .map(map)
                default: return nil
                }
            }
        }

        mutating func array() -> ManifestValue? {
            index += 1
            depth += 1
            defer { depth -= 1 }
            var items: [ManifestValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .list(items)
            }
            while true {
                guard let item = value() else { return nil }
                items.append(item)
                skipSpace()
                guard index < bytes.count else { return nil }
                index += 1
                switch bytes[index - 1] {
                case UInt8(ascii: ","): continue
                case UInt8(ascii: "]"): return .list(items)
                default: return nil
                }
            }
        }

        /// A string without escapes of printable ASCII.
        mutating func string() -> String? {
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                guard bytes[end] >= 0x20, bytes[end] < 0x7F, bytes[end] != UInt8(ascii: "\\") else { return nil }
                end += 1
            }
            guard end < bytes.count else { return nil }
            index = end + 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        /// A number, `true`, `false` or `null`, in JSON's grammar.
        mutating func scalar() -> ManifestValue? {
            let start = index
            while index < bytes.count, Self.isScalarByte(bytes[index]) { index += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard text == "true" || text == "false" || text == "null" || Self.isNumber(text) else { return nil }
            return YAMLCoreSchema.resolvePlain(text)
        }

        static func isScalarByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "E")
        }

        /// JSON's number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
        static func isNumber(_ text: String) -> Bool {
            var rest = Substring(text).utf8
            func digits() -> Int {
                let count = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
                rest = rest.dropFirst(count)
                return count
            }
            if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            let leadingZero = rest.first == UInt8(ascii: "0")
            let integer = digits()
            guard integer > 0, !(leadingZero && integer > 1) else { return false }
            if rest.first == UInt8(ascii: ".") {
                rest = rest.dropFirst()
                guard digits() > 0 else { return false }
            }
            if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
                rest = rest.dropFirst()
                if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
                guard digits() > 0 else { return false }
            }
            return rest.isEmpty
        }
    }
}
