/// Where a JSON text first breaks RFC 8259, with its line and column. Foundation's
/// `JSONSerialization` gives at most a byte offset ("around character 24"), accepts a trailing
/// comma, and says only "unexpected end of file" for `{"a": tru}`, so the importer checks the text
/// here first and parses it there only once it is known to be good.
enum JSONSyntaxCheck {
    struct Problem: Error, Hashable {
        var message: String
        var line: Int
        var column: Int
    }

    /// The first problem of `bytes`, or nil when they are one well-formed JSON value.
    static func firstProblem(_ bytes: [UInt8], maxDepth: Int = YAMLLimits.maxDepth) -> Problem? {
        var reader = Reader(bytes: bytes, maxDepth: maxDepth)
        do {
            try reader.document()
            return nil
        } catch let problem as Problem {
            return problem
        } catch {
            return Problem(message: "not valid JSON", line: 1, column: 1)
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        let maxDepth: Int
        var index = 0, line = 1, column = 1, depth = 0

        init(bytes: [UInt8], maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // a UTF-8 byte order mark
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        func problem(_ message: String) -> Problem { Problem(message: message, line: line, column: column) }

        /// Columns count Unicode scalars: continuation bytes of UTF-8 do not move the column.
        mutating func advance() {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }

        mutating func skipSpace() {
            while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { advance() }
        }

        mutating func document() throws {
            skipSpace()
            try value()
            skipSpace()
            if current != nil { throw problem("unexpected text after the JSON value") }
        }

        mutating func value() throws {
            guard let c = current else { throw problem("the text ends where a value was expected") }
            switch c {
            case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), members: true)
            case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), members: false)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw problem("expected a value (an object, array, string, number, `true`, `false` or `null`)")
            }
        }

        /// An object (`members`: `"key": value` pairs) or an array, without trailing commas.
        mutating func container(close: UInt8, members: Bool) throws {
            depth += 1
            defer { depth -= 1 }
            if depth > maxDepth { throw problem("nests deeper than \(maxDepth) levels") }
            advance()
            skipSpace()
            if current == close { advance(); return }
            let closeText = members ? "}" : "]"
            while true {
                skipSpace()
                if members {
                    guard current == UInt8(ascii: "\"") else { throw problem("expected a key in double quotes") }
                    try string()
                    skipSpace()
                    guard current == UInt8(ascii: ":") else { throw problem("expected `:` after the key") }
                    advance()
                    skipSpace()
                }
                try value()
                skipSpace()
                if current == UInt8(ascii: ",") { advance(); continue }
                if current == close { advance(); return }
                throw problem(current == nil ? "the text ends before the closing `\(closeText)`"
                                             : "expected `,` or `\(closeText)` after \(members ? "a member" : "an item")")
            }
        }

        mutating func string() throws {
            advance()
            while true {
                guard let c = current else { throw problem("the text ends inside a string") }
                switch c {
                case UInt8(ascii: "\""):
                    advance()
                    return
                case UInt8(ascii: "\\"):
                    advance()
                    guard let e = current else { throw problem("the text ends inside a string") }
                    if Array("\"\\/bfnrt".utf8).contains(e) {
                        advance()
                    } else if e == UInt8(ascii: "u") {
                        advance()
                        for _ in 0..<4 {
                            guard let h = current, isHex(h) else { throw problem("`\\u` needs four hexadecimal digits") }
                            advance()
                        }
                    } else {
                        throw problem("unknown escape in a string")
                    }
                case 0..<0x20:
                    throw problem("a control character (a line break or tab) inside a string")
                default:
                    advance()
                }
            }
        }

        mutating func number() throws {
            if current == UInt8(ascii: "-") { advance() }
            guard let first = current, isDigit(first) else { throw problem("malformed number: a digit was expected") }
            advance()
            if first != UInt8(ascii: "0") { while let d = current, isDigit(d) { advance() } }
            if current == UInt8(ascii: ".") {
                advance()
                guard let d = current, isDigit(d) else { throw problem("malformed number: a digit was expected after `.`") }
                while let d = current, isDigit(d) { advance() }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                advance()
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
                guard let d = current, isDigit(d) else { throw problem("malformed number: a digit was expected in the exponent") }
                while let d = current, isDigit(d) { advance() }
            }
        }

        mutating func literal(_ word: String) throws {
            for expected in word.utf8 {
                guard current == expected else { throw problem("expected `\(word)`") }
                advance()
            }
        }

        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        func isHex(_ b: UInt8) -> Bool {
            isDigit(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))
        }
    }
}
