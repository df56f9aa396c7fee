import Foundation
@testable import PlatformGitOps
import Testing

/// A crash can stop a commit at two points; both leave a valid repository with the branch at its
/// old commit. The crash is simulated in process: `prepareCommit` is exactly the work done before
/// the ref moves (blobs, trees, commit object), so stopping after it is a crash between the two
/// steps; a lock file left behind is what a crash during the ref write leaves.
@Suite struct CrashSafetyTests {
    private func repositoryWithOneCommit(_ fixture: GitFixture) throws -> (GitRepository, GitObjectID, String) {
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        let head = try #require(try repository.commitTree(
            sampleTree(["clusters/a.yaml": "a\n"]), branch: "main", message: "one", author: author,
            committer: author, expectedHead: nil, time: fixedTime).commit)
        return (repository, head, path)
    }

    @Test func crashAfterWritingObjectsLeavesTheOldHead() throws {
        let fixture = try GitFixture()
        let (repository, head, path) = try repositoryWithOneCommit(fixture)
        let tree = sampleTree(["clusters/a.yaml": "a2\n", "clusters/b.yaml": "b\n"])
        let orphan = try #require(try repository.prepareCommit(
            tree, branch: "main", message: { _ in "two" }, author: author, committer: author,
            expectedHead: head, time: fixedTime))

        #expect(try repository.head(branch: "main") == head)
        let fsck = try fixture.git(["fsck", "--strict"], in: path)
        #expect(fsck.status == 0, "\(fsck.output)")
        #expect(fsck.output.contains("dangling commit \(orphan.commit.hex)"))
        #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")

        // The rerun after the crash writes the same objects again and completes.
        let rerun = try repository.commitTree(tree, branch: "main", message: "two", author: author,
                                              committer: author, expectedHead: head, time: fixedTime)
        #expect(rerun.commit == orphan.commit)
        #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")
    }

    @Test func lockFileLeftByACrashStopsTheCommitWithARetryableError() throws {
        let fixture = try GitFixture()
        let (repository, head, path) = try repositoryWithOneCommit(fixture)
        let lock = path + "/.git/refs/heads/main.lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))

        var thrown: GitError?
        do {
            _ = try repository.commitTree(sampleTree(["clusters/a.yaml": "a2\n"]), branch: "main", message: "two",
                                          author: author, committer: author, expectedHead: head, time: fixedTime)
        } catch let error as GitError { thrown = error }

        #expect(thrown?.isRetryable == true)
        #expect(thrown?.description.contains("main.lock") == true, "\(String(describing: thrown))")
        #expect(try repository.head(branch: "main") == head)
        try FileManager.default.removeItem(atPath: lock)
        #expect(try fixture.git(["fsck", "--strict"], in: path).status == 0)
    }
}
