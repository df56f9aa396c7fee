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
        if let flow { return (flow, nil) }
        var lineNumber = 0
        for l in lines(of: text) {
            lineNumber += 1
            let indent = l.prefix { $0 == " " }.count
            if indent > maxDepth * 4 { return (Position(line: lineNumber, column: indent + 1), indent) }
        }
        return nil
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
}
