import Foundation
import PlatformGitOps
import Testing

/// Managed paths are replaced wholesale; everything else in the branch is left as it was.
@Suite struct PruneTests {
    /// A repository whose `main` has a README.md committed by the git CLI.
    private func repositoryWithReadme(_ fixture: GitFixture) throws -> (GitRepository, String) {
        let path = fixture.path("gitops")
        _ = try fixture.gitOK(["init", "-q", "-b", "main", path], in: fixture.root.path)
        try "hello\n".write(toFile: path + "/README.md", atomically: true, encoding: .utf8)
        _ = try fixture.gitOK(["add", "README.md"], in: path)
        _ = try fixture.gitOK(["commit", "-q", "-m", "readme"], in: path)
        return (try GitRepository.openOrInit(path: path, initialBranch: "main"), path)
    }

    @Test func staleManagedFilesArePrunedAndOtherFilesKept() throws {
        let fixture = try GitFixture()
        let (repository, path) = try repositoryWithReadme(fixture)
        let first = try #require(try repository.commitTree(
            sampleTree(["clusters/a.yaml": "a\n", "clusters/old/stale.yaml": "s\n", "platform.lock.json": "{}\n"]),
            branch: "main", message: "first", author: author, committer: author,
            expectedHead: try repository.head(branch: "main"), time: fixedTime).commit)
        let outcome = try repository.commitTree(
            sampleTree(["clusters/a.yaml": "a2\n", "argocd/app.yaml": "app\n"]),
            branch: "main", message: "second", author: author, committer: author,
            expectedHead: first, time: fixedTime)

        guard case .committed(let second, let stats) = outcome else { Issue.record("no commit"); return }
        #expect(stats == ChangeStats(added: ["argocd/app.yaml"], changed: ["clusters/a.yaml"],
                                     removed: ["clusters/old/stale.yaml", "platform.lock.json"]))
        #expect(try fixture.gitOK(["ls-tree", "-r", "--name-only", second.hex], in: path)
            == "README.md\nargocd/app.yaml\nclusters/a.yaml")
        #expect(try fixture.gitOK(["log", "--format=%s"], in: path) == "second\nfirst\nreadme")
        #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")
        #expect(!FileManager.default.fileExists(atPath: path + "/clusters/old/stale.yaml"))
        #expect(try String(contentsOfFile: path + "/README.md", encoding: .utf8) == "hello\n")
        #expect(try fixture.git(["fsck", "--strict"], in: path).status == 0)
    }

    @Test func fileOutsideTheManagedPathsIsRejected() throws {
        let fixture = try GitFixture()
        let (repository, _) = try repositoryWithReadme(fixture)
        let head = try repository.head(branch: "main")
        #expect(throws: GitError.pathOutsideManagedPaths("README.md")) {
            try repository.commitTree(sampleTree(["README.md": "overwritten\n"]), branch: "main", message: "m",
                                      author: author, committer: author, expectedHead: head, time: fixedTime)
        }
        #expect(try repository.head(branch: "main") == head)
    }

    @Test func localEditsAreNeverOverwritten() throws {
        let fixture = try GitFixture()
        let (repository, path) = try repositoryWithReadme(fixture)
        let first = try #require(try repository.commitTree(
            sampleTree(["clusters/a.yaml": "a\n"]), branch: "main", message: "first", author: author,
            committer: author, expectedHead: try repository.head(branch: "main"), time: fixedTime).commit)
        try "edited by hand\n".write(toFile: path + "/clusters/a.yaml", atomically: true, encoding: .utf8)

        let outcome = try repository.commitTree(sampleTree(["clusters/a.yaml": "a2\n"]), branch: "main", message: "second",
                                                author: author, committer: author, expectedHead: first, time: fixedTime)

        // The commit stands; only the checked-out copy stays as the user left it.
        let second = try #require(try repository.head(branch: "main"))
        #expect(second != first)
        #expect(outcome == .committed(second, stats: ChangeStats(changed: ["clusters/a.yaml"], keptLocalEdits: ["clusters/a.yaml"])))
        #expect(try String(contentsOfFile: path + "/clusters/a.yaml", encoding: .utf8) == "edited by hand\n")
        #expect(try fixture.gitOK(["show", "main:clusters/a.yaml"], in: path) == "a2")
        // The advice in the warning works.
        _ = try fixture.gitOK(["checkout", "-f"], in: path)
        #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")
        #expect(try String(contentsOfFile: path + "/clusters/a.yaml", encoding: .utf8) == "a2\n")
    }
}
