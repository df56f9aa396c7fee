import Foundation
import Testing

/// Compilation writes only its output folder, and compiling, committing and diffing the same spec a
/// second time changes nothing.
@Suite struct PurityTests {
    let git = ["GIT_AUTHOR_NAME": "CI Bot", "GIT_AUTHOR_EMAIL": "ci@example.com",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]

    /// Every path under `dir` with its size, inode and modification time.
    func listing(_ dir: URL, excluding excluded: String? = nil) -> [String] {
        let walker = FileManager.default.enumerator(atPath: dir.path)
        var out: [String] = []
        while let path = walker?.nextObject() as? String {
            if let excluded, path == excluded || path.hasPrefix(excluded + "/") { continue }
            let attributes = (try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(path).path)) ?? [:]
            let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let inode = (attributes[.systemFileNumber] as? Int) ?? -1
            out.append("\(path) \(attributes[.size] as? Int ?? -1) \(inode) \(mtime)")
        }
        return out.sorted()
    }

    /// Sets every file under `dir` to a modification time in 2001, which no write can produce now:
    /// a file rewritten in place (same bytes) or replaced shows as changed whatever the clock's resolution.
    func backdate(_ dir: URL) throws {
        let walker = FileManager.default.enumerator(atPath: dir.path)
        while let path = walker?.nextObject() as? String {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)],
                                                  ofItemAtPath: dir.appendingPathComponent(path).path)
        }
    }

    /// HOME and TMPDIR point at empty folders that must stay empty; the workspace changes only under out/.
    @Test func compileWritesOnlyTheOutputFolder() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        let home = dir.appendingPathComponent("home"), tmp = dir.appendingPathComponent("tmp")
        defer { try? FileManager.default.removeItem(at: dir) }
        for folder in [home, tmp] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false) }
        // A copy: a templates folder linked out of the spec's repository is refused (E8021).
        try FileManager.default
            .copyItem(at: CLIRunner.repoRoot.appendingPathComponent("templates"), to: dir.appendingPathComponent("templates"))
        try backdate(dir)  // a write of the same bytes, or a file created and removed in `home`/`tmp`, now shows
        let before = listing(dir)
        let templatesBefore = listing(CLIRunner.repoRoot.appendingPathComponent("templates"))
        let env = git.merging(["HOME": home.path, "TMPDIR": tmp.path]) { $1 }
        for arguments in [["check"], ["compile", "--out", "out"], ["diff", "--base", "dir:out"]] {
            let r = try CLIRunner.run(arguments, in: dir, environment: env)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
        }
        #expect(listing(dir, excluding: "out") == before)
        #expect(listing(CLIRunner.repoRoot.appendingPathComponent("templates")) == templatesBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }

    @Test func secondCompileRewritesNothing() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["compile", "--out", "out"], in: dir).status == 0)
        try backdate(dir.appendingPathComponent("out"))
        let first = listing(dir.appendingPathComponent("out"))
        #expect(first.count > 50)
        #expect(try CLIRunner.run(["compile", "--out", "out"], in: dir).status == 0)
        #expect(listing(dir.appendingPathComponent("out")) == first)
    }

    @Test func secondCommitAndDiffAreNoOps() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["commit"], in: dir, environment: git).status == 0)
        let repo = dir.appendingPathComponent("gitops")
        let refs = try CLIRunner.git(["show-ref"], in: repo).stdout
        let files = listing(repo, excluding: ".git")  // the work tree; .git is judged by its refs
        let second = try CLIRunner.run(["commit"], in: dir, environment: git)
        #expect(second.status == 0)
        #expect(second.stdout.hasSuffix("is up to date; no commit\n"))
        let diff = try CLIRunner.run(["diff", "--exit-code"], in: dir, environment: git)
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
        #expect(try CLIRunner.git(["show-ref"], in: repo).stdout == refs)
        #expect(listing(repo, excluding: ".git") == files)
        #expect(try CLIRunner.git(["status", "--porcelain"], in: repo).stdout == "")
    }
}
