import PlatformDiagnostics

/// How LSP positions count characters in a line (LSP 3.17 `PositionEncodingKind`: `utf-8`,
/// `utf-16`, the default, or `utf-32`); the compiler's columns count Unicode scalars (utf-32).
enum PositionEncoding: String {
    case utf8 = "utf-8", utf16 = "utf-16", utf32 = "utf-32"

    /// The client's most preferred encoding we support; UTF-16 when it names none.
    static func negotiate(_ offered: [String]) -> PositionEncoding {
        offered.lazy.compactMap(PositionEncoding.init(rawValue:)).first ?? .utf16
    }

    func width(_ scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: return UTF8.width(scalar)
        case .utf16: return UTF16.width(scalar)
        case .utf32: return 1
        }
    }
}

/// A zero-based LSP position.
struct TextPosition: Hashable, Comparable {
    var line: Int
    var character: Int
    static func < (l: TextPosition, r: TextPosition) -> Bool { (l.line, l.character) < (r.line, r.character) }
    var json: JSONValue { ["line": .int(line), "character": .int(character)] }
    init(line: Int, character: Int) { self.line = line; self.character = character }
    init?(_ json: JSONValue?) {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int, line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }
}

struct TextRange: Hashable {
    var start: TextPosition
    var end: TextPosition
    var json: JSONValue { ["start": start.json, "end": end.json] }
    func contains(_ p: TextPosition) -> Bool { start <= p && p <= end }
    func overlaps(_ other: TextRange) -> Bool { start <= other.end && other.start <= end }
}

/// A document's text split into lines (as the YAML loader counts them: at LF), with conversions
/// between the compiler's 1-based line and scalar column and LSP positions.
struct DocumentText {
    let text: String
    /// Each line as Unicode scalars, without its line break.
    let lines: [[Unicode.Scalar]]
    let encoding: PositionEncoding

    init(_ text: String, encoding: PositionEncoding) {
        self.text = text
        self.encoding = encoding
        var lines: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if scalar == "\n" { lines.append([]) } else { lines[lines.count - 1].append(scalar) }
        }
        // A CR before the LF is part of the break, not of the line.
        self.lines = lines.map { $0.last == "\r" ? Array($0.dropLast()) : $0 }
    }

    func line(_ index: Int) -> [Unicode.Scalar] { index >= 0 && index < lines.count ? lines[index] : [] }
    func lineString(_ index: Int) -> String { String(String.UnicodeScalarView(line(index))) }

    /// The LSP position of a compiler location (1-based line, 1-based scalar column).
    func position(_ location: SourceLocation) -> TextPosition {
        position(line: location.line - 1, scalarColumn: location.column - 1)
    }

    func position(line: Int, scalarColumn: Int) -> TextPosition {
        let scalars = self.line(line)
        let count = min(max(0, scalarColumn), scalars.count)
        return TextPosition(line: max(0, line), character: scalars[..<count].reduce(0) { $0 + encoding.width($1) })
    }

    /// The scalar column (0-based) of an LSP position, clamped to the line.
    func scalarColumn(_ position: TextPosition) -> Int {
        var units = 0
        for (index, scalar) in line(position.line).enumerated() {
            if units >= position.character { return index }
            units += encoding.width(scalar)
        }
        return line(position.line).count
    }

    /// The range of the token a compiler location points at: a quoted scalar with its quotes, a
    /// key up to its `:`, a plain value up to a comment, a flow separator or the line's end.
    func tokenRange(_ location: SourceLocation) -> TextRange {
        tokenRange(line: location.line, column: location.column)
    }

    /// `tokenRange` at a 1-based line and scalar column.
    func tokenRange(line: Int, column: Int) -> TextRange {
        let row = line - 1, column = max(0, column - 1)
        let end = tokenEnd(line: row, from: column)
        return TextRange(start: position(line: row, scalarColumn: column), end: position(line: row, scalarColumn: end))
    }

    func tokenEnd(line row: Int, from column: Int) -> Int {
        let scalars = line(row)
        guard column < scalars.count else { return column }
        if scalars[column] == "\"" || scalars[column] == "'" {
            var i = column + 1
            while i < scalars.count {
                if scalars[i] == "\\" && scalars[column] == "\"" { i += 2; continue }
                if scalars[i] == scalars[column] { return i + 1 }
                i += 1
            }
            return scalars.count
        }
        let inFlow = flowDepth(scalars[..<column]) > 0
        var i = column
        while i < scalars.count {
            let c = scalars[i]
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            if c == ":" && (next == nil || next == " " || (inFlow && (next == "," || next == "}"))) { break }
            if c == "#" && i > column && scalars[i - 1] == " " { break }
            if inFlow && (c == "," || c == "}" || c == "]") { break }
            i += 1
        }
        while i > column && scalars[i - 1] == " " { i -= 1 }
        return i
    }

    /// How many `{`/`[` are open in a line prefix (outside quotes).
    func flowDepth(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var depth = 0
        var quote: Unicode.Scalar?
        var previous: Unicode.Scalar = " "
        for c in scalars {
            defer { previous = c }
            if let q = quote { if c == q { quote = nil }; continue }
            switch c {
            // A quote opens a scalar only where a token starts (`it's` is plain text).
            case "\"" where " [{,:".unicodeScalars.contains(previous), "'" where " [{,:".unicodeScalars.contains(previous): quote = c
            case "{", "[": depth += 1
            case "}", "]": depth = max(0, depth - 1)
            case "#": return depth
            default: break
            }
        }
        return depth
    }
}
