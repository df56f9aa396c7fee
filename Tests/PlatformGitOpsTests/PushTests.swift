import Foundation
import CLibGit2
@testable import PlatformGitOps
import Testing

@Suite struct PushTests {
    /// A work repository with one platformc commit on `main` and an empty bare remote.
    private func setUp(_ fixture: GitFixture) throws -> (GitRepository, GitObjectID, String) {
        let repository = try GitRepository.openOrInit(path: fixture.path("gitops"), initialBranch: "main")
        let head = try #require(try repository.commitTree(
            sampleTree(["clusters/prod/a.yaml": "a\n", "platform.lock.json": "{}\n"]), branch: "main",
            message: "one", author: author, committer: author, expectedHead: nil, time: fixedTime).commit)
        let remote = fixture.path("remote.git")
        _ = try GitRepository.initBare(path: remote)
        return (repository, head, remote)
    }

    @Test(arguments: [false, true])
    func pushedBranchClonesBackWithTheSameFiles(asFileURL: Bool) throws {
        let fixture = try GitFixture()
        let (repository, head, remote) = try setUp(fixture)
        try repository.push(remote: asFileURL ? "file://" + remote : remote, branch: "main", environment: [:])

        #expect(try fixture.gitOK(["rev-parse", "main"], in: remote) == head.hex)
        _ = try fixture.gitOK(["clone", "-q", "-b", "main", remote, fixture.path("clone")], in: fixture.root.path)
        let clone = fixture.path("clone")
        #expect(try String(contentsOfFile: clone + "/clusters/prod/a.yaml", encoding: .utf8) == "a\n")
        #expect(try String(contentsOfFile: clone + "/platform.lock.json", encoding: .utf8) == "{}\n")
        #expect(try fixture.gitOK(["ls-files"], in: clone) == "clusters/prod/a.yaml\nplatform.lock.json")
        #expect(try fixture.git(["fsck", "--strict"], in: remote).status == 0)
    }

    @Test func fastForwardPushMovesTheRemoteBranch() throws {
        let fixture = try GitFixture()
        let (repository, head, remote) = try setUp(fixture)
        try repository.push(remote: remote, branch: "main", environment: [:])
        let next = try #require(try repository.commitTree(
            sampleTree(["clusters/prod/a.yaml": "a2\n"]), branch: "main", message: "two",
            author: author, committer: author, expectedHead: head, time: fixedTime).commit)
        try repository.push(remote: remote, branch: "main", environment: [:])
        #expect(try fixture.gitOK(["rev-parse", "main"], in: remote) == next.hex)
    }

    @Test func pushOverCommitsWeDoNotHaveIsNonFastForward() throws {
        let fixture = try GitFixture()
        let (repository, head, remote) = try setUp(fixture)
        try repository.push(remote: remote, branch: "main", environment: [:])
        // Someone else pushes a commit from their own clone.
        let other = fixture.path("other")
        _ = try fixture.gitOK(["clone", "-q", remote, other], in: fixture.root.path)
        try "theirs\n".write(toFile: other + "/NOTES.md", atomically: true, encoding: .utf8)
        _ = try fixture.gitOK(["add", "NOTES.md"], in: other)
        _ = try fixture.gitOK(["commit", "-q", "-m", "theirs"], in: other)
        _ = try fixture.gitOK(["push", "-q", "origin", "main"], in: other)
        let theirs = try fixture.gitOK(["rev-parse", "main"], in: remote)

        _ = try repository.commitTree(sampleTree(["clusters/prod/a.yaml": "ours\n"]), branch: "main",
                                      message: "ours", author: author, committer: author,
                                      expectedHead: head, time: fixedTime)
        #expect(throws: GitError.nonFastForward(remote: remote, branch: "main")) {
            try repository.push(remote: remote, branch: "main", environment: [:])
        }
        #expect(try fixture.gitOK(["rev-parse", "main"], in: remote) == theirs)
    }

    @Test func pushToAMissingRemoteFails() throws {
        let fixture = try GitFixture()
        let (repository, _, _) = try setUp(fixture)
        #expect(throws: GitError.self) {
            try repository.push(remote: fixture.path("nowhere.git"), branch: "main", environment: [:])
        }
    }

    @Test func pushingABranchWithoutCommitsSaysSo() throws {
        let fixture = try GitFixture()
        let (repository, _, remote) = try setUp(fixture)
        #expect(throws: GitError.branchNotFound("deploy")) {
            try repository.push(remote: remote, branch: "deploy", environment: [:])
        }
    }

    @Test func credentialsComeFromTheEnvironmentOncePerKind() {
        let https = GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue
        let ssh = GIT_CREDENTIAL_SSH_KEY.rawValue
        #expect(CredentialChoice.select(allowed: https, usernameFromURL: nil,
                                        environment: ["GIT_USERNAME": "u", "GIT_PASSWORD": "p"], offered: [])
            == .userPassword(username: "u", password: "p", source: "`GIT_USERNAME`/`GIT_PASSWORD`"))
        #expect(CredentialChoice.select(allowed: https, usernameFromURL: nil,
                                        environment: ["GITHUB_TOKEN": "t"], offered: [])
            == .userPassword(username: "x-access-token", password: "t", source: "`GITHUB_TOKEN`"))
        #expect(CredentialChoice.select(allowed: https, usernameFromURL: nil,
                                        environment: ["GITHUB_TOKEN": "t"], offered: .userPassword) == nil)
        #expect(CredentialChoice.select(allowed: https, usernameFromURL: nil, environment: [:], offered: []) == nil)
        #expect(CredentialChoice.select(allowed: ssh, usernameFromURL: "deploy", environment: [:], offered: [])
            == .sshAgent(username: "deploy"))
        #expect(CredentialChoice.select(allowed: ssh, usernameFromURL: nil, environment: [:], offered: .sshAgent) == nil)
    }

    @Test func remoteCredentialsAreRedactedInMessages() {
        #expect(GitRepository.redacted("https://bot:s3cret@github.com/acme/gitops.git")
            == "https://github.com/acme/gitops.git")
        #expect(GitRepository.redacted("git@github.com:acme/gitops.git") == "git@github.com:acme/gitops.git")
        #expect(GitRepository.redacted("/srv/git/gitops.git") == "/srv/git/gitops.git")
        #expect(GitRepository.redacted("https://ghp_token@github.com/acme/gitops.git") == "https://github.com/acme/gitops.git")
        #expect(GitRepository.redacted("ssh://git:pw@host/gitops.git") == "ssh://host/gitops.git")
    }

    @Test func urlsAreToldFromPaths() {
        #expect(RemoteURL("git@github.com:acme/gitops.git")?.scheme == .scpLike)
        #expect(RemoteURL("https://github.com/acme/gitops.git")?.scheme == .https)
        #expect(RemoteURL("file:///srv/gitops.git")?.scheme == .file)
        #expect(RemoteURL("ftp://host/x")?.isSupported == false)
        #expect(RemoteURL("./gitops") == nil)
        #expect(RemoteURL("../a:b") == nil)
        #expect(RemoteURL("https://:pw@host/x")?.hasPassword == true)
        #expect(RemoteURL("https://TOKEN@host/x")?.hasUserInfo == true)
        #expect(RemoteURL("git@host:x")?.hasPassword == false)
    }

    /// A password in the URL is refused before any connection and never echoed.
    @Test func passwordInTheRemoteURLIsRefused() throws {
        let fixture = try GitFixture()
        let (repository, _, remote) = try setUp(fixture)
        #expect(throws: GitError.credentialInURL(remote: "file://" + remote)) {
            try repository.push(remote: "file://bot:s3cret@" + remote, branch: "main", environment: [:])
        }
        #expect(!GitError.credentialInURL(remote: "file://" + remote).description.contains("s3cret"))
    }
}
