import Foundation
import PlatformDiagnostics
import Yams

/// Bytes → `SpecNode`, reporting every problem of the text itself (encoding, tabs, syntax, documents,
/// duplicate keys, alias bombs) as a located diagnostic instead of a crash or a silent choice.
package struct YAMLLoader {
    /// The limits are `YAMLLimits`', shared with templates; these names are the loader's own.
    package static let maxExpandedNodes = YAMLLimits.maxNodes
    package static let maxDepth = YAMLLimits.maxDepth
    package static let maxSpecBytes = YAMLLimits.maxBytes
    package static let maxEntries = YAMLLimits.maxEntries

    package let file: String

    package init(file: String) { self.file = file }

    package func load(_ bytes: [UInt8], into diagnostics: inout DiagnosticBag) -> SpecNode? {
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
        // A NUL is the byte 0 in UTF-8 (no byte of a longer sequence is): looked for only when there.
        if bytes.contains(0), let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: nul)
            diagnostics.error(SpecCodes.yamlSyntax, "the spec contains a NUL character", at: location(ofScalarOffset: offset, in: text))
            return nil
        }
        // First of the checks on the text: one scan of the bytes (`YAMLTextScan`, the rules the
        // templates' checks use too), where the others split lines.
        let scan = YAMLTextScan(text)
        guard checkEntries(scan, into: &diagnostics) else { return nil }
        if text.allSatisfy({ $0.isWhitespace }) || holdsOnlyComments(text) {
            diagnostics.error(SpecCodes.emptyFile, "the spec is empty", at: SourceLocation(file: file, line: 1, column: 1),
                              help: "start from the bundled platform.yaml, or run `platformc schema` for the full reference")
            return nil
        }
        // One pass over the lines' indentation for both checks.
        let indentation = YAMLLimits.Indentation(text)
        guard checkIndentation(indentation, into: &diagnostics),
              checkDepth(flow: scan.flowDepthExceeded, indentation: indentation, into: &diagnostics) else {
            return nil
        }

        let root: Node
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let first = try parser.nextRoot() else {
                diagnostics.error(SpecCodes.emptyFile, "the spec is empty", at: SourceLocation(file: file, line: 1, column: 1))
                return nil
            }
            if let second = try parser.nextRoot() {
                diagnostics.error(SpecCodes.multipleDocuments, "the spec holds more than one YAML document",
                                  at: locationOfSecondDocument(text) ?? second.mark.map(location)
                                      ?? SourceLocation(file: file, line: 1, column: 1),
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
        var budget = YAMLLimits.ExpansionBudget(text: text)
        return convert(root, budget: &budget, into: &diagnostics)
    }

    // MARK: Node conversion

    private func convert(_ node: Node, budget: inout YAMLLimits.ExpansionBudget, into diagnostics: inout DiagnosticBag) -> SpecNode? {
        if let exceeded = budget.spend(scalarBytes: node.scalar?.string.utf8.count ?? 0) {
            let aliasBomb = exceeded == .bytes || budget.aliasesPossible
            diagnostics.error(aliasBomb ? SpecCodes.aliasBomb : SpecCodes.tooManyNodes, budget.message(exceeded, document: "the spec"),
                              at: node.mark.map(location) ?? origin,
                              help: aliasBomb ? "aliases are for small shared fragments; write the values out or restructure the spec"
                                              : "a platform spec has a few thousand entries; check that this is the right file")
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

    // MARK: Pre-checks on the text

    /// YAML forbids tabs in indentation; libyaml's own message ("found character that cannot start
    /// any token") hides the cause, so find the first one ourselves.
    private func checkIndentation(_ indentation: YAMLLimits.Indentation, into diagnostics: inout DiagnosticBag) -> Bool {
        guard let tab = indentation.tab else { return true }
        diagnostics.error(SpecCodes.tabIndentation, "tab character used for indentation",
                          at: SourceLocation(file: file, line: tab.line, column: tab.column),
                          help: "indent with spaces; YAML does not allow tabs in indentation")
        return false
    }

    /// Refuses absurd nesting (flow brackets or block indentation) before the recursive composer runs.
    private func checkDepth(flow: YAMLLimits.Position?, indentation: YAMLLimits.Indentation,
        into diagnostics: inout DiagnosticBag) -> Bool {
        guard let (at, indentation) = YAMLLimits.depthExceeded(flow: flow, indentation: indentation) else { return true }
        diagnostics
            .error(SpecCodes.tooDeep,
                "the spec nests deeper than \(Self.maxDepth) levels" + (indentation.map { " (indentation of \($0) spaces)" } ?? ""),
                          at: SourceLocation(file: file, line: at.line, column: at.column))
        return false
    }

    /// Entries (see `YAMLLimits.maxEntries`), counted by the scan outside comments and quotes.
    private func checkEntries(_ scan: YAMLTextScan, into diagnostics: inout DiagnosticBag) -> Bool {
        guard let at = scan.entriesExceeded else { return true }
        diagnostics.error(SpecCodes.tooLarge, "the spec has more than \(Self.maxEntries) entries (lines and flow items)",
                          at: SourceLocation(file: file, line: at.line, column: at.column),
                          help: "a platform spec has a few thousand entries; check that this is the right file")
        return false
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
        var only = true
        YAMLLimits.forEachLine(of: text) { line in
            only = line.drop { $0 == " " }.hasPrefix("#") || line.allSatisfy(\.isWhitespace)
            return only
        }
        return only
    }

    /// The lines of `text` (`YAMLLimits.lines(of:)`, which the depth pre-scan also reads).
    static func lines(of text: String) -> [Substring] { YAMLLimits.lines(of: text) }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    private func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xF0 && lead < 0xF5
                ? 4 : 0
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
