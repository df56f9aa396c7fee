import Foundation
import PlatformConcurrency
@testable import PlatformGitOps
import Testing

/// The branch moves by compare-and-swap: a writer that read an old head never erases a newer commit.
@Suite struct ConcurrencyTests {
    @Test func staleExpectedHeadIsRefusedAndTheBranchStays() throws {
        let fixture = try GitFixture()
        let repository = try GitRepository.initBare(path: fixture.path("bare"))
        let first = try #require(try repository.commitTree(
            sampleTree(["clusters/a": "1"]), branch: "main", message: "1", author: author, committer: author,
            expectedHead: nil, time: fixedTime).commit)
        let second = try #require(try repository.commitTree(
            sampleTree(["clusters/a": "2"]), branch: "main", message: "2", author: author, committer: author,
            expectedHead: first, time: fixedTime).commit)

        let error = GitError.concurrentUpdate(branch: "main", expected: first, actual: second)
        #expect(throws: error) {
            try repository.commitTree(sampleTree(["clusters/a": "3"]), branch: "main", message: "3",
                                      author: author, committer: author, expectedHead: first, time: fixedTime)
        }
        #expect(error.isRetryable)
        #expect(throws: GitError.concurrentUpdate(branch: "main", expected: nil, actual: second)) {
            try repository.commitTree(sampleTree(["clusters/a": "3"]), branch: "main", message: "3",
                                      author: author, committer: author, expectedHead: nil, time: fixedTime)
        }
        #expect(try repository.head(branch: "main") == second)
    }

    /// Both writers pass the head check, then race to move the ref: exactly one wins.
    @Test func refMovedBetweenPrepareAndPublishIsDetected() throws {
        let fixture = try GitFixture()
        let path = fixture.path("bare")
        let first = try #require(try GitRepository.initBare(path: path).commitTree(
            sampleTree(["clusters/a": "1"]), branch: "main", message: "1", author: author, committer: author,
            expectedHead: nil, time: fixedTime).commit)
        let one = try GitRepository.open(path: path), two = try GitRepository.open(path: path)
        let a = try #require(try one.prepareCommit(sampleTree(["clusters/a": "A"]), branch: "main", message: { _ in "A" },
                             author: author, committer: author, expectedHead: first, time: fixedTime))
        let b = try #require(try two.prepareCommit(sampleTree(["clusters/a": "B"]), branch: "main", message: { _ in "B" },
                             author: author, committer: author, expectedHead: first, time: fixedTime))
        try one.publish(a)
        #expect(throws: GitError.concurrentUpdate(branch: "main", expected: first, actual: a.commit)) {
            try two.publish(b)
        }
        #expect(try one.head(branch: "main") == a.commit)
    }

    /// Two threads, each with its own handle and its own managed folder, commit 50 times each with
    /// retries: all 100 commits end up in the history, none is lost. (Measured: a few percent of the
    /// attempts hit `concurrentUpdate` or the ref lock and were retried.)
    @Test func racingWritersLoseNoCommit() throws {
        let fixture = try GitFixture()
        let path = fixture.path("bare")
        _ = try GitRepository.initBare(path: path)
        let rounds = 50
        // Real threads (`Background` starts its own): a dispatch queue may run both writers one
        // after the other on 2 cores.
        let writers = ["left", "right"].map { writer in
            Background { () -> Result<[GitObjectID?], Error> in
                Result {
                    let repository = try GitRepository.open(path: path)
                    return try (1...rounds).map { round in
                        let tree = ManagedTree(managedPaths: [writer], files: ["\(writer)/round": "\(round)\n"])
                        return try repository.commitTree(
                            tree, branch: "main", message: "\(writer) \(round)", author: author,
                            committer: author, time: fixedTime, attempts: 100).commit
                    }
                }
            }
        }
        var results = (commits: [GitObjectID](), errors: [String]())
        for writer in writers {
            switch writer.value {
            case .success(let commits):
                for commit in commits {
                    if let commit { results.commits.append(commit) } else { results.errors.append("unchanged") }
                }
            case .failure(let error): results.errors.append("\(error)")
            }
        }

        #expect(results.errors.isEmpty, "\(results.errors)")
        #expect(results.commits.count == 2 * rounds)
        let history = Set(try fixture.gitOK(["rev-list", "main"], in: path).split(separator: "\n").map(String.init))
        #expect(history == Set(results.commits.map(\.hex)))
        #expect(try fixture.gitOK(["show", "main:left/round"], in: path) == "\(rounds)")
        #expect(try fixture.gitOK(["show", "main:right/round"], in: path) == "\(rounds)")
        #expect(try fixture.git(["fsck", "--strict"], in: path).status == 0)
    }
}
