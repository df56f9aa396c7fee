/// How the renderer writes one string, decided by a single pass over its UTF-8 bytes (no regex:
/// the renderer runs over tens of thousands of objects).
///
/// The rule is conservative: a string is plain only when neither YAML 1.1 (PyYAML, go-yaml v2,
/// hence kubectl's older readers) nor YAML 1.2 could read it as anything but that same string.
enum YAMLScalarStyle: Equatable {
    case plain
    /// `'…'` with inner quotes doubled: printable single-line text.
    case singleQuoted
    /// `"…"` with escapes: control characters, tabs, Unicode line breaks, BOM, keys with newlines.
    case doubleQuoted
    /// `|`, `|-` or `|+` block: multi-line text without trailing blanks on its lines.
    case literal

    /// The style for `string`; keys never use literal blocks.
    static func of(_ string: String, isKey: Bool) -> YAMLScalarStyle {
        string.withUTF8Bytes { of($0, isKey: isKey) }
    }

    private static func of(_ bytes: UnsafeBufferPointer<UInt8>, isKey: Bool) -> YAMLScalarStyle {
        var scan = ByteScan()
        for byte in bytes { scan.feed(byte) }
        if scan.count == 0 { return .singleQuoted }
        if scan.needsEscape { return .doubleQuoted }
        if scan.hasNewline {
            // kubectl kustomize re-emits a literal block starting with a tab without its
            // indentation indicator and then cannot read it back: double quotes for those.
            if isKey || scan.blankBeforeBreak || !scan.hasNonNewline || scan.last == 0x20 || scan.last == 0x09
                || scan.first == 0x09 {
                return .doubleQuoted
            }
            return .literal
        }
        if scan.hasTab { return .doubleQuoted }
        return isPlainSafe(bytes, scan) ? .plain : .singleQuoted
    }

    /// Facts about a string gathered in one pass.
    private struct ByteScan {
        var count = 0
        var first: UInt8 = 0
        var second: UInt8 = 0
        var last: UInt8 = 0
        var beforeLast: UInt8 = 0
        var needsEscape = false
        var hasNewline = false
        var hasNonNewline = false
        var hasTab = false
        var blankBeforeBreak = false
        var colonSpace = false
        var spaceHash = false

        @inline(__always)
        mutating func feed(_ byte: UInt8) {
            if count == 0 { first = byte } else if count == 1 { second = byte }
            // Plain comparisons, no range patterns: they stay fast in debug builds too.
            if byte == 0x0A {
                hasNewline = true
                if last == 0x20 || last == 0x09 { blankBeforeBreak = true }
            } else if byte == 0x09 {
                hasTab = true
                hasNonNewline = true
            } else if byte < 0x20 || byte == 0x7F {
                needsEscape = true
            } else {
                hasNonNewline = true
                if byte == 0x20, last == 0x3A { colonSpace = true }
                if byte == 0x23, last == 0x20 { spaceHash = true }
                if byte >= 0x80, endsUnprintable(byte) { needsEscape = true }
            }
            beforeLast = last
            last = byte
            count += 1
        }

        /// True when `byte` completes U+0080–U+009F (C2 80…C2 9F: C1 controls and NEL), U+2028,
        /// U+2029 (line breaks for YAML 1.1), U+FEFF (BOM), U+FFFE or U+FFFF.
        private func endsUnprintable(_ byte: UInt8) -> Bool {
            if last == 0xC2 { return byte <= 0x9F }
            if last == 0x80, beforeLast == 0xE2 { return byte == 0xA8 || byte == 0xA9 }
            if last == 0xBB, beforeLast == 0xEF { return byte == 0xBF }
            if last == 0xBF, beforeLast == 0xEF { return byte == 0xBE || byte == 0xBF }
            return false
        }
    }

    /// Single-line printable text without tabs: plain unless an indicator, a comment, a
    /// `key: value` look-alike or a resolvable non-string (null, bool, number, timestamp) forbids it.
    private static func isPlainSafe(_ bytes: UnsafeBufferPointer<UInt8>, _ scan: ByteScan) -> Bool {
        if scan.first == 0x20 || scan.last == 0x20 || scan.last == 0x3A { return false }
        if scan.colonSpace || scan.spaceHash { return false }
        switch scan.first {
        // `-foo` and `--port` are plain in both versions; `-`, `- x` and `---` are not.
        case UInt8(ascii: "-"):
            if scan.count == 1 || scan.second == 0x20 || startsWithTriple(bytes, UInt8(ascii: "-")) { return false }
        // `...` at a line start ends the document.
        case UInt8(ascii: "."):
            if startsWithTriple(bytes, UInt8(ascii: ".")) { return false }
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
             UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
             UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return false
        default: break
        }
        if scan.count <= 5, isReservedWord(bytes) { return false }
        return !looksNumeric(bytes) && !looksLikeTimestamp(bytes)
    }

    /// null, booleans of YAML 1.1 and 1.2 in any case, and the 1.1 merge/value keys (a dozen
    /// integers: comparing them all is cheaper than hashing one).
    private static let reservedWords: [UInt64] =
        ["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "="].map { packLowercased($0) }

    private static func isReservedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        reservedWords.contains(packLowercased(bytes))
    }

    /// Up to eight bytes, ASCII letters lowered, packed into one integer (callers pass ≤ 5 bytes).
    private static func packLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        var index = 0
        while index < bytes.count && index < 8 {
            let byte = bytes[index]
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            packed = packed << 8 | UInt64(lower)
            index += 1
        }
        return packed
    }

    private static func packLowercased(_ word: String) -> UInt64 {
        Array(word.utf8).withUnsafeBufferPointer { packLowercased($0) }
    }

    /// Every YAML 1.1/1.2 int and float form, over-approximated: after an optional sign, a digit
    /// or dot followed only by digits, hex letters, `x o _ . : e E + -`; and `.inf`/`.nan`.
    /// Over-matching ("1a", "1.2.3") only costs a pair of quotes.
    private static func looksNumeric(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if bytes.count > 0, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") { index = 1 }
        guard index < bytes.count else { return true }
        let lead = bytes[index]
        if lead == UInt8(ascii: "."), bytes.count - index == 4 {
            let word = packLowercased(UnsafeBufferPointer(rebasing: bytes[index...]))
            if word == dotInf || word == dotNaN { return true }
        }
        guard (lead >= 0x30 && lead <= 0x39) || lead == UInt8(ascii: ".") else { return false }
        while index < bytes.count {
            if !isNumberByte(bytes[index]) { return false }
            index += 1
        }
        return true
    }

    private static let dotInf = packLowercased(".inf")
    private static let dotNaN = packLowercased(".nan")

    /// `---` or `...` at the start.
    private static func startsWithTriple(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        bytes.count >= 3 && bytes[0] == byte && bytes[1] == byte && bytes[2] == byte
    }

    /// Digits, hex letters, `x X o O _ . : + -`.
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        if byte >= 0x30 && byte <= 0x39 { return true }
        let lower = byte | 0x20
        if lower >= 0x61 && lower <= 0x66 { return true }
        return lower == UInt8(ascii: "x") || lower == UInt8(ascii: "o") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// YAML 1.1 timestamps start `YYYY-`; quoting every such string is simpler than the full form.
    private static func looksLikeTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        for byte in bytes {
            if index < 4 { guard byte >= 0x30 && byte <= 0x39 else { return false } }
            else { return byte == UInt8(ascii: "-") }
            index += 1
        }
        return false
    }
}
