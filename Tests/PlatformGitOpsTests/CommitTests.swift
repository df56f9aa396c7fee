import Foundation
import PlatformGitOps
import Testing

@Suite struct CommitTests {
    @Test func firstCommitIsReadableByTheGitCLI() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        let outcome = try repository.commitTree(
            sampleTree(["clusters/prod/kustomization.yaml": "resources: []\n", "platform.lock.json": "{}\n"]),
            branch: "main", message: "platformc: compile acme-ai", author: author, committer: author,
            expectedHead: nil, time: fixedTime)

        #expect(outcome == .committed(try #require(try repository.head(branch: "main")), stats: ChangeStats(
            added: ["clusters/prod/kustomization.yaml", "platform.lock.json"])))
        #expect(try fixture.gitOK(["log", "--format=%s|%an|%ae|%at"], in: path)
            == "platformc: compile acme-ai|platformc|platformc@example.com|1767225600")
        let stat = try fixture.gitOK(["show", "--stat", "--format=", "HEAD"], in: path)
        #expect(stat.contains("clusters/prod/kustomization.yaml | 1 +"))
        #expect(stat.contains("platform.lock.json               | 1 +"))
        #expect(stat.contains("2 files changed, 2 insertions(+)"))
        #expect(try fixture.git(["fsck", "--strict"], in: path).status == 0)
        #expect(try fixture.gitOK(["reflog", "--format=%gs", "main"], in: path)
            == "commit (initial): platformc: compile acme-ai")
        // HEAD is the branch, so the work tree and index follow the commit.
        #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")
        #expect(try String(contentsOfFile: path + "/platform.lock.json", encoding: .utf8) == "{}\n")
    }

    @Test func commitToABranchOtherThanHEADLeavesTheWorkTreeAlone() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        _ = try repository.commitTree(
            sampleTree(["clusters/a.yaml": "a\n"]), branch: "deploy", message: "m", author: author,
            committer: author, expectedHead: nil, time: fixedTime)
        #expect(try fixture.gitOK(["ls-tree", "-r", "--name-only", "deploy"], in: path) == "clusters/a.yaml")
        #expect(!FileManager.default.fileExists(atPath: path + "/clusters"))
        #expect(!FileManager.default.fileExists(atPath: path + "/.git/index"))
        #expect(try repository.head(branch: "main") == nil)
    }

    @Test func fixedTimeGivesTheSameCommitIdInEveryRepository() throws {
        let fixture = try GitFixture()
        var ids: [GitObjectID] = []
        for name in ["one", "two"] {
            let repository = try GitRepository.initBare(path: fixture.path(name))
            let outcome = try repository.commitTree(
                sampleTree(["argocd/app.yaml": "kind: Application\n"]), branch: "main", message: "m",
                author: author, committer: author, expectedHead: nil, time: fixedTime)
            ids.append(try #require(outcome.commit))
        }
        #expect(ids[0] == ids[1])
        // The id `git commit-tree` computes for the same tree, identities, time (+0000) and message.
        #expect(ids[0].hex == "f3e6b14268e78d9f2b8c370fd5f68e0850990a4e")
    }

    @Test func recommittingTheSameTreeMakesNoCommit() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        let tree = sampleTree(["clusters/a.yaml": "a: 1\n"])
        let first = try #require(try repository.commitTree(
            tree, branch: "main", message: "one", author: author, committer: author,
            expectedHead: nil, time: fixedTime).commit)
        let second = try repository.commitTree(
            tree, branch: "main", message: "two", author: author, committer: author,
            expectedHead: first, time: fixedTime.addingTimeInterval(60))

        #expect(second == .unchanged(first))
        #expect(try repository.head(branch: "main") == first)
        #expect(try fixture.gitOK(["rev-list", "--count", "main"], in: path) == "1")
    }

    @Test func emptyTreeOnANewBranchMakesNoCommit() throws {
        let fixture = try GitFixture()
        let repository = try GitRepository.initBare(path: fixture.path("bare"))
        let outcome = try repository.commitTree(
            sampleTree([:]), branch: "main", message: "m", author: author, committer: author,
            expectedHead: nil, time: fixedTime)
        #expect(outcome == .unchanged(nil))
        #expect(try repository.head(branch: "main") == nil)
    }

    @Test func filesReadsBackWhatWasCommitted() throws {
        let fixture = try GitFixture()
        let repository = try GitRepository.initBare(path: fixture.path("bare"))
        let files = ["clusters/a/x.yaml": "x\n", "clusters/b/y.yaml": "y\n", "platform.lock.json": "{}\n"]
        let commit = try #require(try repository.commitTree(
            sampleTree(files), branch: "main", message: "m", author: author, committer: author,
            expectedHead: nil, time: fixedTime).commit)

        #expect(try repository.files(at: commit) == files.mapValues(bytes))
        #expect(try repository.files(at: commit, under: "clusters/a") == ["clusters/a/x.yaml": bytes("x\n")])
        #expect(try repository.files(at: commit, under: "platform.lock.json") == ["platform.lock.json": bytes("{}\n")])
    }

    @Test func signatureFromEnvironmentNeedsNameAndEmail() {
        let environment = ["GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@x", "GIT_COMMITTER_NAME": "C"]
        #expect(GitSignature.fromEnvironment(environment, role: .author) == GitSignature(name: "A", email: "a@x"))
        #expect(GitSignature.fromEnvironment(environment, role: .committer) == nil)
    }
}
