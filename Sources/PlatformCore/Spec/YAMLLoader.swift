import Foundation
import PlatformDiagnostics
import Yams

/// Bytes → `SpecNode`, reporting every problem of the text itself (encoding, tabs, syntax, documents,
/// duplicate keys, alias bombs) as a located diagnostic instead of a crash or a silent choice.
public struct YAMLLoader {
    /// Aliases may be used, but expanding them may not copy more nodes than this ("billion laughs").
    /// Only copies count: the document's own nodes are bounded by `maxEntries` and were already
    /// built by the parser, so counting them too refused large alias-free specs with a false
    /// "expanding aliases" message (a generated platform of 5,000 models).
    public static let maxExpandedNodes = 200_000
    /// Deeper nesting than this is refused before the recursive composer sees it.
    public static let maxDepth = 200
    /// A spec larger than this (64 MiB) is refused before it is decoded: the largest synthetic
    /// platform of the benchmarks is under 2 MiB, so this only stops runaway or wrong files, fast
    /// and with bounded memory. Readers need not read more than `maxSpecBytes + 1` bytes.
    public static let maxSpecBytes = 64 << 20
    /// More entries than this (lines with content plus items separated by commas in flow collections)
    /// are refused before the composer builds its tree: a list of a million items would otherwise
    /// cost seconds and hundreds of megabytes before the node budget above could stop it. The
    /// largest synthetic platform has about 40,000.
    public static let maxEntries = 200_000

    public let file: String

    public init(file: String) { self.file = file }

    public func load(_ bytes: [UInt8], into diagnostics: inout DiagnosticBag) -> SpecNode? {
        guard bytes.count <= Self.maxSpecBytes else {
            diagnostics.error(SpecCodes.tooLarge, "the spec is larger than \(Self.maxSpecBytes >> 20) MiB",
                              at: SourceLocation(file: file, line: 1, column: 1),
                              help: "a platform spec is a few hundred kilobytes at most; check that this is the right file")
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes)
            diagnostics.error(SpecCodes.notUTF8, "the spec is not valid UTF-8 (invalid byte at offset \(offset))",
                              at: locationOfByte(offset, in: bytes), help: "save the file as UTF-8")
            return nil
        }
        if let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: nul)
            diagnostics.error(SpecCodes.yamlSyntax, "the spec contains a NUL character", at: location(ofScalarOffset: offset, in: text))
            return nil
        }
        // First of the checks on the text: one pass over the bytes, where the others split lines.
        guard checkEntries(text, into: &diagnostics) else { return nil }
        if text.allSatisfy({ $0.isWhitespace }) || holdsOnlyComments(text) {
            diagnostics.error(SpecCodes.emptyFile, "the spec is empty", at: SourceLocation(file: file, line: 1, column: 1),
                              help: "start from the bundled platform.yaml, or run `platformc schema` for the full reference")
            return nil
        }
        guard checkIndentation(text, into: &diagnostics), checkDepth(text, into: &diagnostics) else { return nil }

        let root: Node
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let first = try parser.nextRoot() else {
                diagnostics.error(SpecCodes.emptyFile, "the spec is empty", at: SourceLocation(file: file, line: 1, column: 1))
                return nil
            }
            if let second = try parser.nextRoot() {
                diagnostics.error(SpecCodes.multipleDocuments, "the spec holds more than one YAML document",
                                  at: locationOfSecondDocument(text) ?? second.mark.map(location) ?? SourceLocation(file: file, line: 1, column: 1),
                                  help: "a platform is one document: remove the `---` and merge the sections")
                return nil
            }
            root = first
        } catch let error as YamlError {
            diagnostics.report(diagnostic(for: error))
            return nil
        } catch {
            diagnostics.error(SpecCodes.yamlSyntax, "cannot parse the spec: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        var budget = ExpansionBudget(remaining: Self.maxExpandedNodes)
        return convert(root, budget: &budget, into: &diagnostics)
    }

    // MARK: Node conversion

    private func convert(_ node: Node, budget: inout ExpansionBudget, into diagnostics: inout DiagnosticBag) -> SpecNode? {
        guard budget.admit(node.mark) else {
            diagnostics.error(SpecCodes.aliasBomb,
                              "expanding aliases produces more than \(Self.maxExpandedNodes) nodes",
                              at: SourceLocation(file: file, line: max(1, budget.frontier.line), column: max(1, budget.frontier.column)),
                              help: "aliases are for small shared fragments; write the values out or restructure the spec")
            return nil
        }
        switch node {
        case let .scalar(s):
            let quoted = s.style == .singleQuoted || s.style == .doubleQuoted || s.style == .literal || s.style == .folded
            return .scalar(SpecScalar(text: s.string, quoted: quoted, location: s.mark.map(location) ?? origin))
        case let .mapping(m):
            var pairs: [SpecPair] = []
            var seen: [String: SourceLocation] = [:]
            for (k, v) in m {
                guard let keyNode = convert(k, budget: &budget, into: &diagnostics) else { return nil }
                guard let key = keyNode.scalar else {
                    diagnostics.error(SpecCodes.wrongType, "a mapping key must be a string, not \(keyNode.kindName)", at: keyNode.location)
                    continue
                }
                guard let value = convert(v, budget: &budget, into: &diagnostics) else { return nil }
                if let first = seen[key.text] {
                    diagnostics.error(SpecCodes.duplicateKey, "duplicate key `\(key.text)` in mapping", at: key.location,
                                      notes: [DiagnosticNote("first defined here", at: first)],
                                      help: "remove one of the two; YAML keeps only one of them")
                    continue
                }
                seen[key.text] = key.location
                pairs.append(SpecPair(key: key, value: value))
            }
            return .mapping(pairs, m.mark.map(location) ?? origin)
        case let .sequence(s):
            var items: [SpecNode] = []
            items.reserveCapacity(s.count)
            for item in s {
                guard let converted = convert(item, budget: &budget, into: &diagnostics) else { return nil }
                items.append(converted)
            }
            return .sequence(items, s.mark.map(location) ?? origin)
        }
    }

    /// Charges only the nodes an alias expansion copies. The composer hands back the anchored node
    /// itself for an alias, so a copy carries a position before the furthest one converted so far,
    /// while the document's own nodes arrive in increasing position order.
    struct ExpansionBudget {
        var remaining: Int
        /// The furthest position converted: where the expansion being charged is used.
        private(set) var frontier = (line: 0, column: 0)

        init(remaining: Int) { self.remaining = remaining }

        mutating func admit(_ mark: Mark?) -> Bool {
            if let mark, (mark.line, mark.column) >= frontier {
                frontier = (mark.line, mark.column)
                return true
            }
            remaining -= 1
            return remaining >= 0
        }
    }

    // MARK: Pre-checks on the text

    /// YAML forbids tabs in indentation; libyaml's own message ("found character that cannot start
    /// any token") hides the cause, so find the first one ourselves.
    private func checkIndentation(_ text: String, into diagnostics: inout DiagnosticBag) -> Bool {
        var lineNumber = 0
        for line in Self.lines(of: text) {
            lineNumber += 1
            var column = 0
            for ch in line.unicodeScalars {
                column += 1
                if ch == " " { continue }
                if ch == "\t" {
                    diagnostics.error(SpecCodes.tabIndentation, "tab character used for indentation",
                                      at: SourceLocation(file: file, line: lineNumber, column: column),
                                      help: "indent with spaces; YAML does not allow tabs in indentation")
                    return false
                }
                break
            }
        }
        return true
    }

    /// Refuses absurd nesting (flow brackets or block indentation) before the recursive composer runs.
    private func checkDepth(_ text: String, into diagnostics: inout DiagnosticBag) -> Bool {
        var depth = 0, line = 1, column = 0
        var quote: Unicode.Scalar?
        var comment = false
        for ch in text.unicodeScalars {
            column += 1
            if ch == "\n" { line += 1; column = 0; comment = false; if quote == "'" || quote == "\"" { continue }; continue }
            if comment { continue }
            if let q = quote { if ch == q { quote = nil }; continue }
            switch ch {
            case "#": comment = true
            case "\"", "'": if depth > 0 { quote = ch }
            case "[", "{":
                depth += 1
                if depth > Self.maxDepth {
                    diagnostics.error(SpecCodes.tooDeep, "the spec nests deeper than \(Self.maxDepth) levels",
                                      at: SourceLocation(file: file, line: line, column: column))
                    return false
                }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        var lineNumber = 0
        for l in Self.lines(of: text) {
            lineNumber += 1
            let indent = l.prefix { $0 == " " }.count
            if indent > Self.maxDepth * 4 {
                diagnostics.error(SpecCodes.tooDeep, "the spec nests deeper than \(Self.maxDepth) levels (indentation of \(indent) spaces)",
                                  at: SourceLocation(file: file, line: lineNumber, column: indent + 1))
                return false
            }
        }
        return true
    }

    /// Refuses a text with more than `maxEntries` entries, located where the count passes it.
    private func checkEntries(_ text: String, into diagnostics: inout DiagnosticBag) -> Bool {
        let counted = Self.countEntries(text, stoppingAbove: Self.maxEntries)
        guard counted.entries > Self.maxEntries else { return true }
        diagnostics.error(SpecCodes.tooLarge, "the spec has more than \(Self.maxEntries) entries (lines and flow items)",
                          at: SourceLocation(file: file, line: counted.line, column: max(1, counted.column)),
                          help: "a platform spec has a few thousand entries; check that this is the right file")
        return false
    }

    /// Counts entries (see `maxEntries`) in one pass over the bytes, ignoring comments and quotes;
    /// stops where the count first passes `limit` and says where that is. `platformc generate`
    /// counts its own output with this, so it never prints a spec the loader refuses.
    public static func countEntries(_ text: String, stoppingAbove limit: Int = .max) -> (entries: Int, line: Int, column: Int) {
        var entries = 0, line = 1, column = 0
        var lineHasContent = false, comment = false
        var quote: UInt8?
        for byte in text.utf8 {
            column += 1
            if byte == UInt8(ascii: "\n") {
                if lineHasContent { entries += 1 }
                line += 1; column = 0; lineHasContent = false; comment = false
            } else if comment {
                continue
            } else if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "#") && (column == 1 || !lineHasContent) {
                comment = true
            } else if byte != UInt8(ascii: " ") {
                lineHasContent = true
                if byte == UInt8(ascii: ",") { entries += 1 }
                if byte == UInt8(ascii: "\"") { quote = byte }
            }
            if entries > limit { return (entries, line, column) }
        }
        return (entries, line, column)
    }

    // MARK: Errors and positions

    private var origin: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    private func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = problem
            if let context { message += " (\(context.text))" }
            return Diagnostic(.error, SpecCodes.yamlSyntax, "invalid YAML: \(message)", at: location(mark))
        case let .reader(problem, offset, _, _):
            return Diagnostic(.error, SpecCodes.notUTF8, "cannot read the spec: \(problem)",
                              at: offset.map { SourceLocation(file: file, line: 1, column: $0 + 1) } ?? origin)
        default:
            return Diagnostic(.error, SpecCodes.yamlSyntax, "invalid YAML: \(error)", at: origin)
        }
    }

    private func locationOfSecondDocument(_ text: String) -> SourceLocation? {
        var lineNumber = 0
        var sawContent = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.hasPrefix("---") {
                if sawContent { return SourceLocation(file: file, line: lineNumber, column: 1) }
                continue
            }
            let trimmed = line.drop { $0 == " " }
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") && !line.hasPrefix("%") { sawContent = true }
        }
        return nil
    }

    /// True when every line is blank or a comment; stops at the first line of content.
    private func holdsOnlyComments(_ text: String) -> Bool {
        Self.lines(of: text).allSatisfy { $0.drop { $0 == " " }.hasPrefix("#") || $0.allSatisfy(\.isWhitespace) }
    }

    /// The lines of `text`, exactly as `text.split(separator: "\n", omittingEmptySubsequences: false)`
    /// gives them, found on the UTF-8 bytes: splitting by Character breaks graphemes across the
    /// whole spec, a tenth of loading it. A line ends at every LF that does not follow a CR (CR LF
    /// is one Character, which is not "\n"; any other LF is a Character of its own).
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var previous: UInt8 = 0
        var index = text.utf8.startIndex
        while index != text.utf8.endIndex {
            let byte = text.utf8[index]
            let next = text.utf8.index(after: index)
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                lines.append(text[start..<index])
                start = next
            }
            previous = byte
            index = next
        }
        lines.append(text[start...])
        return lines
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    private func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xF0 && lead < 0xF5 ? 4 : 0
            guard length > 0, i + length <= bytes.count,
                  String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return i }
            i += length
        }
        return i
    }

    private func locationOfByte(_ offset: Int, in bytes: [UInt8]) -> SourceLocation {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
        return SourceLocation(file: file, line: line, column: offset - lineStart + 1)
    }

    private func location(ofScalarOffset offset: Int, in text: String) -> SourceLocation {
        var line = 1, column = 1, i = 0
        for ch in text.unicodeScalars {
            if i == offset { break }
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
