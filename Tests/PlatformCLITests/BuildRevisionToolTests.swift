import Foundation
import Testing

/// The tool behind `platformc --version`'s revision (Plugins/BuildRevision) reads the commit from the
/// files git keeps, whatever their layout: a loose ref, `packed-refs` only, a worktree's `.git`
/// file and `commondir`, a detached HEAD; and says "unknown" where there is no `.git` (a tarball).
@Suite struct BuildRevisionToolTests {
    /// The tool SwiftPM built for the plugin, beside the platformc binary.
    static var tool: URL? {
        let folder = CLIRunner.binary.deletingLastPathComponent()
        return ["BuildRevisionTool-tool", "BuildRevisionTool"].map { folder.appendingPathComponent($0) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func revision(of package: URL, scratch: URL) throws -> String {
        let tool = try #require(Self.tool, "BuildRevisionTool was not built beside platformc")
        let output = scratch.appendingPathComponent("BuildRevision-\(UUID().uuidString).swift")
        let r = try CLIRunner.runExecutable(tool, [output.path, package.path])
        #expect(r.status == 0, "\(r.stderr)")
        let source = try String(contentsOf: output, encoding: .utf8)
        let line = try #require(source.split(separator: "\n").first { $0.contains("static let commit") })
        return String(line.split(separator: "\"")[1])
    }

    @Test func everyLayoutGitLeaves() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-revision-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let repo = scratch.appendingPathComponent("repo")
        func git(_ arguments: [String], in folder: URL = repo) throws -> String {
            let r = try CLIRunner.git(["-c", "user.name=T", "-c", "user.email=t@example.com"] + arguments, in: folder)
            #expect(r.status == 0, "git \(arguments): \(r.stderr)")
            return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try git(["init", "-q", "-b", "main", repo.path], in: scratch)
        try "a\n".write(to: repo.appendingPathComponent("a"), atomically: false, encoding: .utf8)
        _ = try git(["add", "a"])
        _ = try git(["commit", "-q", "-m", "one"])
        let first = try git(["rev-parse", "HEAD"])
        #expect(try Self.revision(of: repo, scratch: scratch) == first)

        _ = try git(["pack-refs", "--all"])   // the loose ref is gone, only packed-refs names it
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git/refs/heads/main").path))
        #expect(try Self.revision(of: repo, scratch: scratch) == first)

        let worktree = scratch.appendingPathComponent("worktree")
        _ = try git(["worktree", "add", "-q", "-b", "other", worktree.path])
        _ = try git(["commit", "-q", "--allow-empty", "-m", "two"], in: worktree)
        let second = try git(["rev-parse", "HEAD"], in: worktree)
        #expect(second != first)
        #expect(try Self.revision(of: worktree, scratch: scratch) == second)
        #expect(try Self.revision(of: repo, scratch: scratch) == first)

        _ = try git(["checkout", "-q", "--detach", first], in: worktree)
        #expect(try Self.revision(of: worktree, scratch: scratch) == first)

        let tarball = scratch.appendingPathComponent("tarball")
        try FileManager.default.createDirectory(at: tarball, withIntermediateDirectories: true)
        #expect(try Self.revision(of: tarball, scratch: scratch) == "unknown")
    }

    /// The binary under test names the commit this checkout is at (a worktree: `.git` is a file).
    @Test func versionNamesTheBuildRevision() throws {
        let r = try CLIRunner.run(["--version"])
        #expect(r.status == 0)
        var revision = "unknown"   // a source tarball
        if FileManager.default.fileExists(atPath: CLIRunner.repoRoot.appendingPathComponent(".git").path) {
            let head = try CLIRunner.git(["rev-parse", "HEAD"], in: CLIRunner.repoRoot)
            #expect(head.status == 0)
            revision = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(r.stdout == "0.1.0 (revision \(revision))\n")
    }
}
