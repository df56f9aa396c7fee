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

    /// The binary under test names the commit it was built from: HEAD, unless commits came after
    /// its last build (`swift test --skip-build` after a commit), then what HEAD was at that build.
    @Test func versionNamesTheBuildRevision() throws {
        let r = try CLIRunner.run(["--version"])
        #expect(r.status == 0)
        var revision = "unknown"   // a source tarball
        var why = "no .git: a source tarball"
        if FileManager.default.fileExists(atPath: CLIRunner.repoRoot.appendingPathComponent(".git").path) {
            (revision, why) = try Self.revisionAtBuild(checkout: CLIRunner.repoRoot, builtAt: Self.lastBuild(of: CLIRunner.binary))
        }
        #expect(r.stdout == "0.1.0 (revision \(revision))\n", "expected \(revision): \(why)")
    }

    /// When `binary` was last linked: a new revision changes the generated source, so a build that
    /// records it relinks. (llbuild's `build.db` would be later still, but `swift test --skip-build`
    /// writes it too.) A build that kept an old revision and relinked nothing is not caught here.
    static func lastBuild(of binary: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: binary.resolvingSymlinksInPath().path)[.modificationDate] as? Date)
    }

    /// The commit HEAD was at when `builtAt`, from HEAD's reflog (`HEAD@{@<seconds>}`,
    /// gitrevisions(7)), and why: HEAD itself when nothing moved it since.
    static func revisionAtBuild(checkout: URL, builtAt: Date) throws -> (commit: String, why: String) {
        let head = try CLIRunner.git(["rev-parse", "HEAD"], in: checkout)
        #expect(head.status == 0, "\(head.stderr)")
        let now = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let seconds = Int(builtAt.timeIntervalSince1970.rounded(.down))
        let then = try CLIRunner.git(["rev-parse", "--verify", "--quiet", "HEAD@{@\(seconds)}"], in: checkout)
        let atBuild = then.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard then.status == 0, !atBuild.isEmpty, atBuild != now else { return (now, "HEAD, unmoved since the last build") }
        return (atBuild, "HEAD was at \(atBuild) when the binary was last built (\(builtAt)); it is at \(now) now: "
                    + "tests ran with --skip-build after a commit")
    }

    /// The expectation itself, on a scratch repository with commits at fixed times.
    @Test func theRevisionExpectedIsHeadAtTheBuild() throws {
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-revision-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: repo) }
        func git(_ arguments: [String], at date: String = "2026-01-01T00:00:00+0000") throws -> String {
            let r = try CLIRunner.runExecutable(URL(fileURLWithPath: "/usr/bin/env"),
                                                ["GIT_COMMITTER_DATE=\(date)", "GIT_AUTHOR_DATE=\(date)", "git", "-c", "user.name=T",
                                                 "-c", "user.email=t@example.com", "-c", "core.logAllRefUpdates=true"] + arguments,
                                                in: repo)
            #expect(r.status == 0, "git \(arguments): \(r.stderr)")
            return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try git(["init", "-q", "-b", "main"])
        _ = try git(["commit", "-q", "--allow-empty", "-m", "one"], at: "2026-01-01T00:00:00+0000")
        let first = try git(["rev-parse", "HEAD"])
        _ = try git(["commit", "-q", "--allow-empty", "-m", "two"], at: "2026-01-03T00:00:00+0000")
        let second = try git(["rev-parse", "HEAD"])
        let day = 86_400.0, start = Date(timeIntervalSince1970: 1_767_225_600)   // 2026-01-01T00:00:00Z
        #expect(try Self.revisionAtBuild(checkout: repo, builtAt: start.addingTimeInterval(day)).commit == first)
        #expect(try Self.revisionAtBuild(checkout: repo, builtAt: start.addingTimeInterval(3 * day)).commit == second)
    }
}
