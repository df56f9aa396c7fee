/// The one pre-scan of a YAML text, shared by the limits' checks (`YAMLLimits`: entries, flow
/// depth, whether anchors may exist), so they all tell structure from content by the same rules,
/// the ones YAML itself uses (YAML 1.2 §6.6 comments, §7.3 flow scalars, §8.1 block scalars):
///
/// - `#` starts a comment only at a line's start or after a space or tab (`a#b` is a scalar);
/// - a quote opens a quoted scalar only where a scalar may start (a line's start, after `- `,
///   `? `, `: `, `[`, `{` or `,`), so `5"` or `it's` is plain text; `"` ends at an unescaped `"`,
///   `'` at a `'` not doubled; both may span lines;
/// - the lines of a block scalar (`|`, `>` ending a line) more indented than that line are text.
///
/// So a stray quote or a `#` inside a scalar cannot hide the rest of a file from the bounds.
/// One pass over the UTF-8 bytes; columns count Unicode scalars, as libyaml's marks do.
package struct YAMLTextScan {
    /// Where the text first has more than `YAMLLimits.maxEntries` entries (lines with content,
    /// plus commas outside quotes and comments).
    package private(set) var entriesExceeded: YAMLLimits.Position?
    /// Where flow brackets first nest deeper than `YAMLLimits.maxDepth`.
    package private(set) var flowDepthExceeded: YAMLLimits.Position?
    /// Whether an anchor (`&name` where a node may start) occurs outside quotes and comments.
    package private(set) var mayHaveAnchors = false

    package init(_ text: String) {
        var text = text
        text.withUTF8 { scan($0) }
    }

    private enum Quote { case none, double, single }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        var entries = 0, depth = 0, line = 1, column = 0
        var lineHasContent = false, comment = false, quote = Quote.none, escaped = false
        var previous: UInt8 = newline          // the byte before, on this line (newline at its start)
        var lastToken: UInt8?                  // the last byte on this line outside quotes that is not a space
        var indent = 0, countingIndent = true  // leading spaces of this line
        var blockIndicator = false             // this line so far ends in `|` or `>` (with indicators)
        var blockParent: Int?                  // inside a block scalar: the indentation of its indicator's line
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte & 0xC0 != 0x80 { column += 1 }
            if byte == newline {
                if lineHasContent { entries += 1 }
                if blockIndicator && quote == .none { blockParent = indent }
                line += 1; column = 0; lineHasContent = false; comment = false
                previous = newline; lastToken = nil; indent = 0; countingIndent = true; blockIndicator = false
                if entries > YAMLLimits.maxEntries, entriesExceeded == nil { entriesExceeded = YAMLLimits.Position(line: line, column: 1) }
                continue
            }
            if countingIndent {
                if byte == space { indent += 1; continue }
                countingIndent = false
                if let parent = blockParent {
                    if indent > parent {
                        // A line of the block scalar: content, nothing structural, up to its end.
                        lineHasContent = byte != tab && byte != UInt8(ascii: "\r")
                        while index < bytes.count, bytes[index] != newline { index += 1 }
                        continue
                    }
                    blockParent = nil
                }
            }
            defer { previous = byte }
            if comment { continue }
            switch quote {
            case .double:
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    quote = .none
                }
                continue
            case .single:
                if byte == UInt8(ascii: "'") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "'") { index += 1; column += 1 } else { quote = .none }
                }
                continue
            case .none:
                break
            }
            let afterSpace = previous == space || previous == tab || previous == newline
            if byte == UInt8(ascii: "#") && afterSpace {
                comment = true
                continue
            }
            if byte == space || byte == tab { continue }
            lineHasContent = true
            // Asked only of the few bytes it matters for (most bytes are plain text).
            var nodeStart: Bool { Self.startsNode(previous: previous, lastToken: lastToken, afterSpace: afterSpace, inFlow: depth > 0) }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if nodeStart { quote = byte == UInt8(ascii: "\"") ? .double : .single }
            case UInt8(ascii: ","):
                entries += 1
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > YAMLLimits.maxDepth, flowDepthExceeded == nil {
                    flowDepthExceeded = YAMLLimits.Position(line: line, column: column)
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "&"):
                if nodeStart, index < bytes.count, bytes[index] != space, bytes[index] != newline { mayHaveAnchors = true }
            default:
                break
            }
            // `|` or `>` where a node starts, then only chomping/indentation indicators.
            if depth == 0 && (byte == UInt8(ascii: "|") || byte == UInt8(ascii: ">")) && nodeStart {
                blockIndicator = true
            } else if blockIndicator && !(byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || (byte >= 0x31 && byte <= 0x39)) {
                blockIndicator = false
            }
            if quote == .none { lastToken = byte }
            if entries > YAMLLimits.maxEntries, entriesExceeded == nil {
                entriesExceeded = YAMLLimits.Position(line: line, column: max(1, column))
            }
        }
    }

    /// Whether a node (a quoted scalar, an anchor, a block scalar) may start at this byte: right
    /// after `[`, `{` or `,`, after `:` in a flow collection, or after white space that follows a
    /// line's start or an indicator (`-`, `?`, `:`, `,`, `[`, `{`).
    private static func startsNode(previous: UInt8, lastToken: UInt8?, afterSpace: Bool, inFlow: Bool) -> Bool {
        if previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") { return true }
        if inFlow && previous == UInt8(ascii: ":") { return true }
        guard afterSpace else { return false }
        switch lastToken {
        case nil, UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "{"): return true
        default: return false
        }
    }
}
