import Foundation
import PlatformGitOps
import Testing

/// A real crash: a child process (this test binary, running only `childCommitsUntilKilled`)
/// commits in a loop and is killed with SIGKILL at an arbitrary moment. Whatever the moment, the
/// repository must pass `git fsck --strict` and the branch must head a complete commit: one whose
/// files all come from the same round, at or after the last commit the child reported.
@Suite(.serialized) struct KilledWriterTests {
    static let repositoryVariable = "PLATFORMC_GITOPS_CRASH_REPOSITORY"
    /// Each child starts its rounds here, so no child recommits a tree an earlier one left.
    static let firstRoundVariable = "PLATFORMC_GITOPS_CRASH_FIRST_ROUND"
    static let fileCount = 300

    static func tree(round: Int) -> ManagedTree {
        var files: [String: String] = [:]
        for index in 0..<fileCount { files["clusters/c\(index % 7)/file-\(index).yaml"] = "round: \(round)\n" }
        return ManagedTree(managedPaths: ["clusters"], files: files)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[repositoryVariable] != nil))
    func childCommitsUntilKilled() throws {
        let environment = ProcessInfo.processInfo.environment
        let repository = try GitRepository.open(path: environment[Self.repositoryVariable]!)
        for round in Int(environment[Self.firstRoundVariable] ?? "1")!... {
            let outcome = try repository.commitTree(Self.tree(round: round), branch: "main", message: "round \(round)",
                                                    author: author, committer: author)
            print("COMMITTED \(outcome.commit?.hex ?? "-")")
            fflush(nil)  // every output stream: Glibc's `stdout` is a mutable global, which Swift 6 refuses to read
        }
    }

    @Test func killedWriterLeavesAValidRepository() throws {
        // The child is this test binary run again; that needs the binary itself (Linux), not a host.
        guard ProcessInfo.processInfo.arguments[0].hasSuffix(".xctest") else {
            print("skipped: killedWriterLeavesAValidRepository — the test binary cannot be rerun as a child here")
            return
        }
        let fixture = try GitFixture()
        let path = fixture.path("gitops.git")
        _ = try GitRepository.initBare(path: path)
        // Kills spread over the next commit (about 200 ms in a debug build): while blobs are written, while the
        // commit object is written, around the ref move, after it.
        for (kill, delay) in [0, 40, 80, 120, 160, 200].enumerated() {
            let reported = try runChildAndKill(repository: path, firstRound: 1000 * (kill + 1),
                                               afterCommits: 2, thenMilliseconds: delay)
            let lock = path + "/refs/heads/main.lock"
            if FileManager.default.fileExists(atPath: lock) {
                print("killed while holding the ref lock; removing \(lock) as a user would")
                try FileManager.default.removeItem(atPath: lock)
            }
            let fsck = try fixture.git(["fsck", "--strict"], in: path)
            #expect(fsck.status == 0, "\(fsck.output)")
            let repository = try GitRepository.open(path: path)
            let head = try #require(try repository.head(branch: "main"))
            #expect(try fixture.git(["merge-base", "--is-ancestor", reported, head.hex], in: path).status == 0)
            let subject = try fixture.gitOK(["log", "-1", "--format=%s", head.hex], in: path)
            let round = try #require(Int(subject.dropFirst("round ".count)))
            print("killed after \(delay) ms: branch at \(subject), last reported \(reported == head.hex ? "is the head" : "is behind it")")
            #expect(try repository.files(at: head) == Self.tree(round: round).files.mapValues(bytes))
        }
    }

    /// The same kills in a repository with a work tree: whatever the moment, the next commit
    /// finishes what the killed one left (`WorkTreeRecovery`), keeps nothing, and leaves `git
    /// status` clean and the files at the new round.
    @Test func killedWriterInAWorkTreeIsRecoveredByTheNextCommit() throws {
        guard ProcessInfo.processInfo.arguments[0].hasSuffix(".xctest") else {
            print("skipped: killedWriterInAWorkTreeIsRecoveredByTheNextCommit — the test binary cannot be rerun as a child here")
            return
        }
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        _ = try GitRepository.openOrInit(path: path, initialBranch: "main")
        for (kill, delay) in [0, 30, 60, 90, 120, 150].enumerated() {
            _ = try runChildAndKill(repository: path, firstRound: 1000 * (kill + 1), afterCommits: 2, thenMilliseconds: delay)
            for lock in [path + "/.git/refs/heads/main.lock", path + "/.git/index.lock"]
            where FileManager.default.fileExists(atPath: lock) {
                try FileManager.default.removeItem(atPath: lock)
            }
            let dirty = try fixture.gitOK(["status", "--porcelain"], in: path).split(separator: "\n").count
            let round = 1000 * (kill + 1) + 900
            let repository = try GitRepository.open(path: path)
            let outcome = try repository.commitTree(Self.tree(round: round), branch: "main", message: "round \(round)",
                                                    author: author, committer: author)
            print("killed after \(delay) ms: \(dirty) paths left modified; the next commit recovered them")
            #expect(outcome.commit != nil)
            #expect(outcome.stats.keptLocalEdits == [])
            #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")
            let head = try #require(try repository.head(branch: "main"))
            #expect(try repository.files(at: head) == Self.tree(round: round).files.mapValues(bytes))
        }
    }

    /// Starts the child, waits until it has reported `afterCommits` commits, waits a little more and
    /// kills it; returns the last commit it reported.
    private func runChildAndKill(repository: String, firstRound: Int, afterCommits: Int, thenMilliseconds: Int) throws -> String {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        child.arguments = ["--testing-library", "swift-testing", "--filter", "childCommitsUntilKilled"]
        child.environment = ProcessInfo.processInfo.environment.merging(
            [Self.repositoryVariable: repository, Self.firstRoundVariable: String(firstRound)]) { $1 }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while text.components(separatedBy: "COMMITTED ").count <= afterCommits, Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        usleep(UInt32(thenMilliseconds * 1000))
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        text += String(decoding: GitFixture.readAll(output.fileHandleForReading), as: UTF8.self)
        let commits = text.split(separator: "\n").filter { $0.hasPrefix("COMMITTED ") }
        return String(try #require(commits.last).dropFirst("COMMITTED ".count))
    }
}
