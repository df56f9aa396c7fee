import Foundation
import Testing

/// `../shared` next to the repository root, where the real-world samples and tools live (for a git
/// worktree such as `/work/wt/<name>`, the nearest ancestor that holds `shared/`). When it is missing,
/// tests that need it fail under CI (env `CI` set) and otherwise skip, saying so.
enum SharedFixtures {
    static let root: URL = {
        let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var dir = repoRoot.deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("realworld").path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// The bytes of `shared/<path>`, or nil after recording a failure (CI) or printing a skip message.
    static func bytes(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8]? {
        let url = root.appendingPathComponent(path)
        if let data = FileManager.default.contents(atPath: url.path) { return [UInt8](data) }
        missing(url.path, sourceLocation: sourceLocation)
        return nil
    }

    /// The path of `shared/<path>` if it exists, else nil after failing (CI) or printing a skip message.
    static func path(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let url = root.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) { return url.path }
        missing(url.path, sourceLocation: sourceLocation)
        return nil
    }

    private static func missing(_ path: String, sourceLocation: SourceLocation) {
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("missing shared fixture \(path) (CI is set, so this fails)", sourceLocation: sourceLocation)
        } else {
            print("SKIPPED: shared fixture \(path) is missing; this test checked nothing")
        }
    }
}
