import Foundation
import PlatformGitOps
import Testing

/// An update cut short (`kill -9` after the branch moved, before the index was written) leaves files
/// of the old commit and the old index. The next run must finish it: files that hold what
/// platformc wrote (the head's or its parent's version) follow the commit, hand edits are kept,
/// and the index records the commit for every path.
@Suite struct RecoveryTests {
    static let fileCount = 20

    static func tree(round: Int) -> ManagedTree {
        var files: [String: String] = [:]
        for index in 0..<fileCount { files["clusters/c\(index % 3)/file-\(index).yaml"] = "round: \(round)\n" }
        return ManagedTree(managedPaths: ["clusters"], files: files)
    }

    private func commit(_ repository: GitRepository, round: Int) throws -> CommitOutcome {
        try repository.commitTree(Self.tree(round: round), branch: "main", message: "round \(round)",
                                  author: author, committer: author, time: fixedTime)
    }

    /// Rounds 1 and 2 committed, then the state a crash in round 2's update leaves: index at round 1,
    /// the first half of the files at round 1, the rest at round 2.
    private func interruptedRepository(_ fixture: GitFixture) throws -> (GitRepository, String, [String]) {
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        _ = try commit(repository, round: 1)
        _ = try commit(repository, round: 2)
        let stale = Self.tree(round: 1).files.keys.sorted().prefix(Self.fileCount / 2).map { $0 }
        _ = try fixture.gitOK(["read-tree", "HEAD~1"], in: path)
        _ = try fixture.gitOK(["checkout-index", "-f", "--"] + stale, in: path)
        let status = try fixture.gitOK(["status", "--porcelain"], in: path)
        #expect(status.split(separator: "\n").count == Self.fileCount, "\(status)")
        return (repository, path, stale)
    }

    @Test func nextCommitFinishesAnUpdateLeftWithoutAJournal() throws {
        let fixture = try GitFixture()
        let (repository, path, _) = try interruptedRepository(fixture)

        let outcome = try commit(repository, round: 3)

        #expect(outcome.stats.keptLocalEdits == [])
        #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")
        for (file, text) in Self.tree(round: 3).files {
            #expect(try String(contentsOfFile: path + "/" + file, encoding: .utf8) == text)
        }
    }

    @Test func journalFinishesTheUpdateEvenWhenNothingChanges() throws {
        let fixture = try GitFixture()
        let (repository, path, _) = try interruptedRepository(fixture)
        let head = try #require(try repository.head(branch: "main"))
        let parent = try fixture.gitOK(["rev-parse", "HEAD~1"], in: path)
        let journal = path + "/.git/platformc-worktree-update"
        try "\(parent) \(head.hex)\n".write(toFile: journal, atomically: true, encoding: .utf8)

        #expect(try commit(repository, round: 2) == .unchanged(head))

        #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    @Test func handEditSurvivesTheRecoveryAndTheIndexMovesOn() throws {
        let fixture = try GitFixture()
        let (repository, path, stale) = try interruptedRepository(fixture)
        let edited = stale[0]
        try "mine\n".write(toFile: path + "/" + edited, atomically: false, encoding: .utf8)

        let outcome = try commit(repository, round: 3)

        #expect(outcome.stats.keptLocalEdits == [edited])
        #expect(try String(contentsOfFile: path + "/" + edited, encoding: .utf8) == "mine\n")
        #expect(try fixture.gitOK(["diff", "--cached", "--name-only"], in: path) == "")
        #expect(try fixture.git(["status", "--porcelain"], in: path).output == " M \(edited)\n")
        // `git commit -a` now commits the hand edit alone, not a revert of round 3.
        _ = try fixture.gitOK(["commit", "-q", "-a", "-m", "hand"], in: path)
        #expect(try fixture.gitOK(["diff", "--name-only", "HEAD~1", "HEAD"], in: path) == edited)
    }
}
