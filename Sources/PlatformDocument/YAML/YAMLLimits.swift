/// The limits every YAML text from a pull request is held to, the spec (`YAMLLoader`) and
/// templates (`ManifestValue.parse`) alike: size, entries and depth are checked on the text before
/// libyaml's recursive composer runs; nodes and scalar bytes while the tree is built, with aliases
/// expanded, so neither a long list nor an alias bomb can grow memory past the file's own size.
package enum YAMLLimits {
    /// A text larger than this (16 MiB) is refused before it is decoded. The largest synthetic
    /// platform of the benchmarks is under 2 MiB; readers need not read more than this + 1 byte.
    /// Measured (debug build): a 16 MiB one-string spec is refused in 37 s at 260 MB, a 60 MB one
    /// took 546 s at 770 MB, so the bound also keeps a hostile spec from holding CI for minutes.
    package static let maxBytes = 16 << 20
    /// Deeper nesting than this is refused before the recursive composer sees it.
    package static let maxDepth = 200
    /// More entries than this (lines with content plus items separated by commas in flow
    /// collections) are refused before the composer builds its tree. The largest platform has ~40,000.
    package static let maxEntries = 200_000
    /// The tree may not hold more nodes than this (keys, values and items, aliases expanded).
    package static let maxNodes = 200_000
    /// Aliases may add at most this much scalar text (4 MiB) to what the file itself holds: a
    /// shared system prompt used by a hundred agents fits, a 1 MiB string aliased a hundred times
    /// (which grew to 7.7 GB downstream) does not.
    package static let maxAliasedBytes = 4 << 20

    /// Where a pre-check on the text failed (1-based line and column).
    package struct Position: Hashable, Sendable {
        package var line: Int
        package var column: Int
    }

    /// The first place the text has more than `maxEntries` entries (`YAMLTextScan`).
    package static func entriesExceeded(_ text: String) -> Position? { YAMLTextScan(text).entriesExceeded }

    /// Nesting deeper than `maxDepth`: flow brackets (`YAMLTextScan`), or block indentation (then
    /// `indentation` is the number of spaces).
    package static func depthExceeded(_ text: String) -> (Position, indentation: Int?)? {
        depthExceeded(text, flow: YAMLTextScan(text).flowDepthExceeded)
    }

    /// `depthExceeded` with the flow depth of a scan already made.
    package static func depthExceeded(_ text: String, flow: Position?) -> (Position, indentation: Int?)? {
        depthExceeded(flow: flow, indentation: Indentation(text))
    }

    /// `depthExceeded` with the flow depth and the indentation of scans already made.
    package static func depthExceeded(flow: Position?, indentation: Indentation) -> (Position, indentation: Int?)? {
        if let flow { return (flow, nil) }
        return indentation.tooDeep.map { ($0, $0.column - 1) }
    }

    /// The leading spaces of every line (as `lines(of:)` splits them), found in one pass over the
    /// bytes instead of splitting the text into lines: where the first tab follows them (the
    /// loader's tab check) and the first line indented more than `maxDepth * 4` spaces.
    package struct Indentation: Sendable {
        /// The first tab right after a line's spaces (the column is theirs plus one).
        package private(set) var tab: Position?
        /// The first line with more than `maxDepth * 4` spaces; the column is theirs plus one.
        package private(set) var tooDeep: Position?

        package init(_ text: String) {
            let limit = YAMLLimits.maxDepth * 4
            var tab: Position?, tooDeep: Position?
            text.withUTF8Bytes { bytes in
                var line = 1, start = 0
                while start <= bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
                    let spaces = end - start
                    if tab == nil, end < bytes.count, bytes[end] == UInt8(ascii: "\t") {
                        tab = Position(line: line, column: spaces + 1)
                    }
                    // The line ends at an LF that does not follow a CR.
                    var next = end
                    while next < bytes.count, bytes[next] != UInt8(ascii: "\n") || (next > 0 && bytes[next - 1] == UInt8(ascii: "\r")) {
                        next += 1
                    }
                    if tooDeep == nil, spaces > limit {
                        // Counted as Characters, as `lines(of:)`'s readers did: a space followed
                        // by a combining mark is no space (possible only before a non-ASCII byte).
                        let counted = end < bytes.count && bytes[end] >= 0x80
                            ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<next]), as: UTF8.self).prefix { $0 == " " }.count
                            : spaces
                        if counted > limit { tooDeep = Position(line: line, column: counted + 1) }
                    }
                    if tab != nil, tooDeep != nil { return }
                    guard next < bytes.count else { return }
                    start = next + 1
                    line += 1
                }
            }
            self.tab = tab
            self.tooDeep = tooDeep
        }
    }

    /// True when the text may define an anchor (`&name` where a node may start, outside quotes
    /// and comments: `YAMLTextScan`), so that a blown budget is worded as alias expansion only
    /// when aliases can exist.
    package static func mayHaveAnchors(_ text: String) -> Bool { YAMLTextScan(text).mayHaveAnchors }

    /// Counts nodes and scalar bytes while a tree is built with aliases expanded.
    package struct ExpansionBudget: Sendable {
        /// What a blown budget says, for the spec and templates alike.
        package func message(_ exceeded: Exceeded, document: String) -> String {
            switch (exceeded, aliasesPossible) {
            case (.nodes, true): return "expanding aliases produces more than \(YAMLLimits.maxNodes) nodes"
            case (.nodes, false): return "\(document) has more than \(YAMLLimits.maxNodes) nodes (keys, values and list items)"
            case (.bytes,
                _): return "expanding aliases produces more than \(YAMLLimits.maxAliasedBytes >> 20) MiB of text beyond the file's own"
            }
        }

        package enum Exceeded: Sendable { case nodes, bytes }
        private var nodes = 0
        private var bytes = 0
        private let maxBytes: Int
        private let text: String

        /// Scalars may add up to the text's own size plus `maxAliasedBytes`.
        package init(text: String) {
            maxBytes = text.utf8.count + YAMLLimits.maxAliasedBytes
            self.text = text
        }

        /// Whether the text may hold aliases at all: the wording of a blown budget depends on it
        /// (scanned only then, so a document within its budget costs no extra pass).
        package var aliasesPossible: Bool { YAMLLimits.mayHaveAnchors(text) }

        /// Counts one node (and its text, for a scalar); non-nil once a bound is passed.
        package mutating func spend(scalarBytes: Int = 0) -> Exceeded? {
            nodes += 1
            bytes += scalarBytes
            if nodes > YAMLLimits.maxNodes { return .nodes }
            return bytes > maxBytes ? .bytes : nil
        }
    }

    /// The lines of `text`, exactly as `text.split(separator: "\n", omittingEmptySubsequences: false)`
    /// gives them, found on the UTF-8 bytes: splitting by Character breaks graphemes across the
    /// whole spec, a tenth of loading it. A line ends at every LF that does not follow a CR (CR LF
    /// is one Character, which is not "\n"; any other LF is a Character of its own).
    package static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        forEachLine(of: text) { lines.append($0); return true }
        return lines
    }

    /// The lines of `lines(of:)` one at a time, until `body` returns false.
    package static func forEachLine(of text: String, _ body: (Substring) -> Bool) {
        var start = text.startIndex
        var previous: UInt8 = 0
        var index = text.utf8.startIndex
        while index != text.utf8.endIndex {
            let byte = text.utf8[index]
            let next = text.utf8.index(after: index)
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                guard body(text[start..<index]) else { return }
                start = next
            }
            previous = byte
            index = next
        }
        _ = body(text[start...])
    }
}
