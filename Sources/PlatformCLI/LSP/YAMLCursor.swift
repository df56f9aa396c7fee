/// Where the cursor stands in the YAML text, worked out from indentation and flow brackets alone,
/// so it works while the document is half-typed and does not parse: the keys and list items
/// enclosing the cursor, and whether it is typing a key, a value, or a list item.
struct YAMLCursor: Equatable {
    enum Step: Equatable { case key(String), item }
    enum Role: Equatable {
        /// Typing a key of the mapping at `path`.
        case key
        /// Typing the value of `key` in the mapping at `path`.
        case value(key: String)
        /// Typing an item of the list at `path` (scalar or the first key of a mapping item).
        case item
    }

    /// Outermost first.
    var path: [Step]
    var role: Role
    /// What is typed so far (the word before the cursor).
    var prefix: String
    /// Scalar column where `prefix` starts.
    var prefixStart: Int

    init(path: [Step], role: Role, prefix: String, prefixStart: Int) {
        self.path = path
        self.role = role
        self.prefix = prefix
        self.prefixStart = prefixStart
    }

    init(text: DocumentText, line row: Int, column: Int) {
        let scalars = text.line(row)
        let before = Array(scalars[..<min(column, scalars.count)])
        // The cursor line: leading spaces and `- ` markers, then the flow/block scan of the rest.
        let (indent, dashes) = Self.lead(before)
        let local = Self.scanLine(Array(before[indent...]), offset: indent)
        var innerSteps: [Step] = Array(repeating: .item, count: dashes.count) + local.steps
        var role = local.role
        if !dashes.isEmpty, local.steps.isEmpty, role == .key { role = .item }
        // Ancestors: earlier lines with content to the left of the cursor line's content.
        var current = dashes.first ?? indent
        var dashSourced = !dashes.isEmpty
        var outer: [Step] = []
        var r = row - 1
        while r >= 0, current > 0 || dashSourced {
            let line = text.line(r)
            r -= 1
            let (lineIndent, lineDashes) = Self.lead(line)
            guard lineIndent < line.count, line[lineIndent] != "#" else { continue }
            let keyColumn = lineIndent
            let key = Self.containerKey(Array(line[keyColumn...]))
            if let key, keyColumn < current || (dashSourced && keyColumn == current && lineDashes.isEmpty) {
                outer.append(.key(key))
                for dash in lineDashes.reversed() where dash < current { _ = dash; outer.append(.item) }
                current = lineDashes.first ?? keyColumn
                dashSourced = !lineDashes.isEmpty
                continue
            }
            let enclosing = lineDashes.filter { $0 < current }
            if !enclosing.isEmpty {
                outer.append(contentsOf: Array(repeating: Step.item, count: enclosing.count))
                current = enclosing[0]
                dashSourced = true
            }
        }
        innerSteps = outer.reversed() + innerSteps
        self.init(path: innerSteps, role: role, prefix: local.prefix, prefixStart: local.prefixStart)
    }

    /// Leading spaces and the columns of `- ` markers: for `  - - a`, the content starts at 6
    /// and the dashes stand at 2 and 4.
    static func lead(_ line: [Unicode.Scalar]) -> (content: Int, dashes: [Int]) {
        var i = 0
        var dashes: [Int] = []
        while i < line.count {
            if line[i] == " " { i += 1; continue }
            if line[i] == "-", i + 1 == line.count || line[i + 1] == " " { dashes.append(i); i += 1; continue }
            break
        }
        return (i, dashes)
    }

    /// The key of a `key:` line whose value is on the lines below (nothing but a comment after it),
    /// or whose value is a scalar (a key line all the same).
    static func containerKey(_ content: [Unicode.Scalar]) -> String? {
        let scan = scanLine(content, offset: 0)
        guard scan.steps.isEmpty, case let .value(key) = scan.role else {
            if let first = scan.steps.first, case let .key(key) = first { return key }
            return nil
        }
        return key
    }

    struct LineScan {
        var steps: [Step] = []
        var role: Role = .key
        var prefix = ""
        var prefixStart = 0
    }

    /// Scans the content of one line up to the cursor: keys followed by `:`, flow mappings and
    /// lists opened and not closed, and the word being typed.
    static func scanLine(_ content: [Unicode.Scalar], offset: Int) -> LineScan {
        struct Frame { var isList: Bool; var key: String?; var steps: Int }
        var frames = [Frame(isList: false, key: nil, steps: 0)]
        var steps: [Step] = []
        var token: [Unicode.Scalar] = []
        var tokenStart = 0
        var quote: Unicode.Scalar?
        var i = 0
        func restart(_ at: Int) { token = []; tokenStart = at }
        while i < content.count {
            let c = content[i]
            if let q = quote {
                if c == q { quote = nil } else { token.append(c) }
                i += 1
                continue
            }
            switch c {
            case "\"" where token.isEmpty, "'" where token.isEmpty:
                quote = c
                tokenStart = i + 1
            case "#" where token.isEmpty || (i > 0 && content[i - 1] == " "):
                i = content.count
                continue
            case ":" where i + 1 == content.count || content[i + 1] == " "
                || (frames.count > 1 && ",}]".unicodeScalars.contains(content[i + 1])):
                frames[frames.count - 1].key = String(String.UnicodeScalarView(token)).trimmingSpaces
                restart(i + 1)
            case "{", "[":
                var top = frames[frames.count - 1]
                var added = 0
                if top.isList { steps.append(.item); added += 1 }
                else if let key = top.key { steps.append(.key(key)); added += 1 }
                top.key = nil
                frames[frames.count - 1] = top
                frames.append(Frame(isList: c == "[", key: nil, steps: added))
                restart(i + 1)
            case "}", "]":
                if frames.count > 1 {
                    let closed = frames.removeLast()
                    steps.removeLast(min(closed.steps, steps.count))
                }
                restart(i + 1)
            case ",":
                if frames.count > 1 { frames[frames.count - 1].key = nil }
                restart(i + 1)
            default:
                if token.isEmpty && c == " " { tokenStart = i + 1 } else { token.append(c) }
            }
            i += 1
        }
        var scan = LineScan()
        scan.steps = steps
        let top = frames[frames.count - 1]
        if let key = top.key { scan.role = .value(key: key) } else { scan.role = top.isList ? .item : .key }
        let typed = String(String.UnicodeScalarView(token))
        scan.prefix = typed
        scan.prefixStart = offset + tokenStart
        return scan
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
