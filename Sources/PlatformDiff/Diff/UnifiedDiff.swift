/// A unified diff of two texts (`diff -u` style, 3 lines of context), for golden checks.
package enum UnifiedDiff {
    /// The diff of `old` and `new` labelled `a/<path>` and `b/<path>`; "" when equal. A missing
    /// side is `/dev/null`. Lines are compared whole; the common head and tail are trimmed before
    /// the LCS table, so a small edit in a large file stays cheap; a table that would still exceed
    /// `maxCells` is replaced by a whole-file replacement.
    package static func render(path: String, old: String?, new: String?, context: Int = 3, maxCells: Int = 4_000_000) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var script: [(Character, String)] = a[..<prefix].map { (" ", $0) }
        script += x.count * y.count > maxCells ? x.map { ("-", $0) } + y.map { ("+", $0) } : lcsScript(x, y)
        script += a[(a.count - suffix)...].map { (" ", $0) }

        var out = "--- \(old == nil ? "/dev/null" : "a/\(path)")\n+++ \(new == nil ? "/dev/null" : "b/\(path)")\n"
        // Group edits into hunks that keep `context` unchanged lines around them.
        let edits = script.indices.filter { script[$0].0 != " " }
        var index = 0
        while index < edits.count {
            var end = index
            while end + 1 < edits.count, edits[end + 1] - edits[end] <= 2 * context { end += 1 }
            let start = max(edits[index] - context, 0), stop = min(edits[end] + context, script.count - 1)
            let before = script[..<start]
            let oldStart = before.filter { $0.0 != "+" }.count, newStart = before.filter { $0.0 != "-" }.count
            let hunk = script[start...stop]
            let oldCount = hunk.filter { $0.0 != "+" }.count, newCount = hunk.filter { $0.0 != "-" }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for (tag, line) in hunk { out += "\(tag)\(line)\n" }
            index = end + 1
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    private static func lines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() } else { parts[parts.count - 1] += "\n\\ No newline at end of file" }
        return parts
    }

    private static func lcsScript(_ x: [String], _ y: [String]) -> [(Character, String)] {
        var table = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var script: [(Character, String)] = []
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] { script.append((" ", x[i])); i += 1; j += 1 }
            else if i < x.count, j == y.count || table[i + 1][j] >= table[i][j + 1] { script.append(("-", x[i])); i += 1 }
            else { script.append(("+", y[j])); j += 1 }
        }
        return script
    }
}
