import Foundation
import PlatformCore
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

    /// The product's own unified diff (one implementation), expected on the `a/` side.
    static func unifiedDiff(_ a: String, _ b: String) -> String {
        UnifiedDiff.render(path: "golden", old: a, new: b)
    }

    /// Subdirectories of a case folder, sorted.
    static func cases(_ folder: String) -> [String] {
        let dir = casesDir.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }
}
