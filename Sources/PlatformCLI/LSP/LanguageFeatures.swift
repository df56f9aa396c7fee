import PlatformCore
import PlatformDiagnostics

/// Hover, completion, go to definition, find references and quick fixes on an open spec.
extension LanguageServer {
    func hover(at position: TextPosition, in document: Document) -> JSONValue {
        let analysis = document.analysis
        let column = analysis.text.scalarColumn(position)
        var markdown: String?
        var range: TextRange?
        if let (entry, _) = analysis.names.entry(at: position.line + 1, column: column, in: analysis.text) {
            let current = analysis.output?.platform != nil
            markdown = HoverContent.name(entry, output: current ? analysis.output : document.lastChecked)
            if !current && document.lastChecked != nil {
                markdown! += "\n\n_from the last version of the spec that got through the front end: the current text has errors_"
            }
            range = analysis.text.tokenRange(entry.location)
        } else if let (field, start, end) = key(at: position, in: analysis.text) {
            markdown = HoverContent.key(field)
            range = TextRange(start: analysis.text.position(line: position.line, scalarColumn: start),
                              end: analysis.text.position(line: position.line, scalarColumn: end))
        }
        guard let markdown else { return .null }
        var result: [String: JSONValue] = ["contents": ["kind": "markdown", "value": .string(markdown)]]
        if let range { result["range"] = range.json }
        return .object(result)
    }

    /// The key under the cursor, with the shape field it names and its scalar columns.
    private func key(at position: TextPosition, in text: DocumentText) -> (FieldShape, Int, Int)? {
        let line = text.line(position.line)
        let column = text.scalarColumn(position)
        // Walk to the start of the word under the cursor, then read the key that starts there.
        var start = min(column, line.count)
        while start > 0, Self.isKeyScalar(line[start - 1]) { start -= 1 }
        var end = start
        while end < line.count, Self.isKeyScalar(line[end]) { end += 1 }
        guard end > start, end < line.count, line[end] == ":" else { return nil }
        let cursor = YAMLCursor(text: text, line: position.line, column: start)
        let word = String(String.UnicodeScalarView(line[start..<end]))
        guard let field = ShapeLookup.field(word, at: cursor.path) ?? ShapeLookup.field(word, at: cursor.path + [.item]) else { return nil }
        return (field, start, end)
    }

    private static func isKeyScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" || c == "."
    }

    func completion(at position: TextPosition, in document: Document) -> JSONValue {
        let text = DocumentText(document.text, encoding: encoding)
        let cursor = YAMLCursor(text: text, line: position.line, column: text.scalarColumn(position))
        let items = CompletionItems.items(at: cursor, names: document.lastLoaded) { key in
            Self.siblingValue(key, in: text, line: position.line)
        }
        let prefix = cursor.prefix.lowercased()
        let range = TextRange(start: text.position(line: position.line, scalarColumn: cursor.prefixStart), end: position)
        let matching = items.filter { prefix.isEmpty || $0.label.lowercased().hasPrefix(prefix) }.map { item -> JSONValue in
            guard case var .object(object) = item.json else { return item.json }
            object["textEdit"] = ["range": range.json, "newText": .string(item.insertText)]
            return .object(object)
        }
        return ["isIncomplete": false, "items": .array(matching)]
    }

    /// The value of `key` in the mapping around `line`: on the line itself (a flow mapping), or on
    /// a line of the same block mapping above or below.
    static func siblingValue(_ key: String, in text: DocumentText, line row: Int) -> String? {
        func value(on r: Int) -> String? {
            let line = text.lineString(r)
            guard let found = line.range(of: key + ":") else { return nil }
            let before = line[..<found.lowerBound].last
            guard before == nil || before == " " || before == "{" || before == "," || before == "-" else { return nil }
            let rest = line[found.upperBound...].drop { $0 == " " }
            let word = rest.prefix { !",}] #".contains($0) }
            return word.isEmpty ? nil : String(word)
        }
        if let same = value(on: row) { return same }
        let indent = YAMLCursor.lead(text.line(row)).content
        for direction in [-1, 1] {
            var r = row + direction
            while r >= 0, r < text.lines.count {
                let (content, dashes) = YAMLCursor.lead(text.line(r))
                if content < text.line(r).count {
                    if content < indent || (direction == 1 && !dashes.isEmpty) {
                        if content == indent, let v = value(on: r) { return v }
                        break
                    }
                    if content == indent, let v = value(on: r) { return v }
                    if direction == -1 && !dashes.isEmpty { break }
                }
                r += direction
            }
        }
        return nil
    }

    func definition(at position: TextPosition, in document: Document) -> JSONValue {
        let analysis = document.analysis
        guard let (entry, _) = analysis.names
            .entry(at: position.line + 1, column: analysis.text.scalarColumn(position), in: analysis.text) else {
            return .null
        }
        return .array(analysis.names.definitions(of: entry).map { location($0, document) })
    }

    func references(at position: TextPosition, in document: Document, includeDeclaration: Bool) -> JSONValue {
        let analysis = document.analysis
        guard let (entry, _) = analysis.names
            .entry(at: position.line + 1, column: analysis.text.scalarColumn(position), in: analysis.text) else {
            return .null
        }
        let declarations = includeDeclaration ? analysis.names.definitions(of: entry) : []
        return .array((declarations + analysis.names.references(to: entry)).map { location($0, document) })
    }

    private func location(_ entry: NameIndex.Entry, _ document: Document) -> JSONValue {
        ["uri": .string(document.uri), "range": document.analysis.text.tokenRange(entry.location).json]
    }

    /// Where the word a fix replaces stands: a word the message quotes (`replica`, `serach`) written
    /// as a whole token on the diagnostic's line, at its mark or after it (a route's backend is
    /// reported at the entry, the name later on the line). Nil when the line does not show it.
    static func misspelt(_ d: Diagnostic, replacing replacement: String, in text: DocumentText) -> TextRange? {
        guard let at = d.location else { return nil }
        let line = text.line(at.line - 1)
        let quoted = d.message.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 && !$0.element.isEmpty
                && $0.element != Substring(replacement) }.map { Array($0.element.unicodeScalars) }
        func isWordScalar(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c)
            || "-_./".unicodeScalars.contains(c) }
        func occurrences(of word: [Unicode.Scalar]) -> [Int] {
            guard word.count <= line.count else { return [] }
            return (0...(line.count - word.count)).filter { start in
                Array(line[start..<(start + word.count)]) == word
                    && (start == 0 || !isWordScalar(line[start - 1]))
                    && (start + word.count == line.count || !isWordScalar(line[start + word.count]))
            }
        }
        let mark = at.column - 1
        func range(_ start: Int, _ count: Int) -> TextRange {
            TextRange(start: text.position(line: at.line - 1, scalarColumn: start),
                end: text.position(line: at.line - 1, scalarColumn: start + count))
        }
        // A quoted scalar's word starts one past its quote.
        for word in quoted {
            for start in occurrences(of: word) where start == mark || start == mark + 1 { return range(start, word.count) }
        }
        for word in quoted { if let start = occurrences(of: word).first(where: { $0 > mark }) { return range(start, word.count) } }
        return nil
    }

    /// Quick fixes for the diagnostics in `range` whose `help:` names the replacement.
    func codeActions(in document: Document, range: TextRange) -> JSONValue {
        let analysis = document.analysis
        let file = FileURI.path(of: document.uri) ?? document.uri
        var actions: [JSONValue] = []
        for d in analysis.diagnostics where (d.location?.file ?? file) == file {
            let marked = LSPDiagnostics.range(d, in: analysis.text)
            guard marked.overlaps(range), let replacement = LSPDiagnostics.replacement(d),
                  let target = Self.misspelt(d, replacing: replacement, in: analysis.text) else { continue }
            let edit: JSONValue = ["range": target.json, "newText": .string(replacement)]
            actions.append([
                "title": .string("replace with `\(replacement)`"),
                "kind": "quickfix",
                "isPreferred": true,
                "diagnostics": [LSPDiagnostics.json(d, range: marked, texts: { $0 == file ? analysis.text : nil })],
                "edit": ["changes": .object([document.uri: .array([edit])])],
            ])
        }
        return .array(actions)
    }
}
