import Foundation
import Testing

/// Golden files: a mismatch fails with a unified diff; `UPDATE_GOLDEN=1` rewrites the expectation;
/// a missing expectation is written and still fails, so it is always read before it is committed.
enum Golden {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let casesDir = repoRoot.appendingPathComponent("Tests/Cases")
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, against url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if expected == actual { return }
        if updating || expected == nil {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if updating { return }
            Issue.record("wrote missing golden file \(url.path); review it and run again", sourceLocation: sourceLocation)
            return
        }
        Issue.record("golden mismatch for \(url.path) (UPDATE_GOLDEN=1 rewrites it):\n\(unifiedDiff(expected ?? "", actual))",
                     sourceLocation: sourceLocation)
    }

    /// A small line diff for failure messages (LCS; golden files are short).
    static func unifiedDiff(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        var lcs = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out = "--- expected\n+++ actual\n"
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] { out += "  \(x[i])\n"; i += 1; j += 1 }
            else if j < y.count, i == x.count || lcs[i][j + 1] >= lcs[i + 1][j] { out += "+ \(y[j])\n"; j += 1 }
            else { out += "- \(x[i])\n"; i += 1 }
        }
        return out
    }

    /// Subdirectories of a case folder, sorted.
    static func cases(_ folder: String) -> [String] {
        let dir = casesDir.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }
}
