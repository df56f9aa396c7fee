import Foundation
import Testing

/// Issue #14, findings 10, 12 and the git parts of 13, tried against the real binary as an attacker
/// (a spec edited in a pull request) or a crash would: where the commit goes, what a URL in the spec
/// may carry, what a crashed commit leaves, and which flags could inject lines into the message.
/// Real repositories in temporary folders; remotes are bare repositories reached by `file://`.
@Suite struct GitRepoRedTeamTests {
    /// A scratch folder: `spec/platform.yaml` (the bundled platform) and whatever a test adds.
    final class Scratch {
        let root: URL
        let environment: [String: String]

        init(repository: String? = nil) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-redteam-git-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("spec"), withIntermediateDirectories: true)
            var spec = CLIRunner.bundledSpec
            if let repository { spec = spec.replacingOccurrences(of: "repository: ./gitops", with: "repository: \(repository)") }
            try spec.write(to: root.appendingPathComponent("spec/platform.yaml"), atomically: true, encoding: .utf8)
            environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": root.path,
                           "XDG_CACHE_HOME": root.appendingPathComponent("cache").path, "GIT_CONFIG_NOSYSTEM": "1",
                           "GIT_AUTHOR_NAME": "CI Bot", "GIT_AUTHOR_EMAIL": "ci@example.com"]
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

        func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CLIRunner.Result {
            try CLIRunner.run(arguments, in: root, environment: environment.merging(extra) { $1 })
        }

        @discardableResult
        func git(_ arguments: [String], in relative: String) throws -> String {
            let result = try CLIRunner.git(arguments, in: root.appendingPathComponent(relative))
            #expect(result.status == 0, "git \(arguments): \(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// A repository with one hand-written commit, the victim of a misdirected commit.
        func victim(_ relative: String) throws -> String {
            try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
            try git(["init", "-q", "-b", "main"], in: relative)
            try "hand-written\n".write(toFile: path(relative + "/README.md"), atomically: true, encoding: .utf8)
            try git(["add", "README.md"], in: relative)
            try git(["-c", "user.name=V", "-c", "user.email=v@example.com", "commit", "-q", "-m", "mine"], in: relative)
            return try git(["rev-parse", "HEAD"], in: relative)
        }

        func edit(_ old: String, _ new: String) throws {
            let url = root.appendingPathComponent("spec/platform.yaml")
            let text = try String(contentsOf: url, encoding: .utf8)
            precondition(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        }

        /// Every entry below the root, for "nothing was created" checks.
        func listing() -> Set<String> {
            Set(FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
        }
    }

    // MARK: Finding 10: where the commit goes

    @Test func specCannotCommitIntoAnUnrelatedRepository() throws {
        let scratch = try Scratch(repository: "../victimrepo")
        let before = try scratch.victim("victimrepo")
        let r = try scratch.run(["commit", "spec/platform.yaml"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("spec/platform.yaml:9:15: error[E1080]: `gitops.repository` `../victimrepo` resolves to "))
        #expect(r.stderr.contains("help: the spec may only name a repository inside its own; pass --repo on the command line"))
        #expect(try scratch.git(["rev-parse", "HEAD"], in: "victimrepo") == before)
        #expect(try scratch.git(["status", "--porcelain"], in: "victimrepo") == "")
        // `check` in the pull request says so too.
        let check = try scratch.run(["check", "spec/platform.yaml"])
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix("spec/platform.yaml:9:15: error[E1080]: `gitops.repository` `../victimrepo` resolves to "))
        // The command line is trusted: the same repository named with --repo is committed to.
        let trusted = try scratch.run(["commit", "spec/platform.yaml", "--repo", "victimrepo"])
        #expect(trusted.status == 0, "\(trusted.stderr)")
    }

    /// The PR diff reads the base from the same repository `commit` would write: never one the
    /// spec names outside its own repository (its objects would be printed in the PR comment).
    @Test func diffNeverReadsAnUnrelatedRepositoryTheSpecNames() throws {
        let scratch = try Scratch(repository: "../victimrepo")
        _ = try scratch.victim("victimrepo")
        let r = try scratch.run(["diff", "spec/platform.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("spec/platform.yaml:9:15: error[E1080]: `gitops.repository` `../victimrepo` resolves to "))
        #expect(r.stdout.isEmpty)
        // Named on the command line, the same repository is read.
        let trusted = try scratch.run(["diff", "spec/platform.yaml", "--repo", "victimrepo"])
        #expect(trusted.status == 0, "\(trusted.stderr)")
        // A base that is not read from the repository needs none.
        let folder = try scratch.run(["diff", "spec/platform.yaml", "--base", "spec:spec/platform.yaml"])
        #expect(folder.status == 0, "\(folder.stderr)")
    }

    @Test func symlinkOutOfTheSpecRepositoryIsFollowedAndRefused() throws {
        let scratch = try Scratch()
        let before = try scratch.victim("victimrepo")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("spec/gitops"), withDestinationPath: "../victimrepo")
        let r = try scratch.run(["commit", "spec/platform.yaml"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("spec/platform.yaml:9:15: error[E1080]: `gitops.repository` `./gitops` resolves to `"))
        #expect(try scratch.git(["rev-parse", "HEAD"], in: "victimrepo") == before)
    }

    /// Inside the git work tree that holds the spec, a path above the spec's folder is fine.
    @Test func repositoryInsideTheSpecsOwnWorkTreeIsAllowed() throws {
        let scratch = try Scratch(repository: "../gitops")
        try scratch.git(["init", "-q"], in: "")
        let r = try scratch.run(["commit", "spec/platform.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try scratch.git(["status", "--porcelain"], in: "gitops") == "")
    }

    @Test(arguments: ["https://ghp_R3dT3amT0kenR3dT3amT0kenR3dT3am01@github.com/org/repo.git",
                      "https://x-access-token:R3dT3amT0kenR3dT3am@github.com/org/repo.git",
                      "ssh://git:R3dT3amT0kenR3dT3am@github.com/org/repo.git"])
    func credentialInTheSpecsURLIsRefusedAndNeverPrinted(url: String) throws {
        let scratch = try Scratch(repository: url)
        let before = scratch.listing()
        for format in ["text", "json", "github"] {
            let r = try scratch.run(["commit", "spec/platform.yaml", "--diagnostics", format])
            #expect(r.status == 1)
            #expect(r.stderr.contains("E1081") || r.stderr.contains("E6001"), "\(r.stderr)")
            #expect(!(r.stdout + r.stderr).contains("R3dT3am"), "the credential was printed: \(r.stderr)")
        }
        let text = try scratch.run(["commit", "spec/platform.yaml"])
        if text.stderr.contains("E1081") {
            #expect(text.stderr.hasPrefix("spec/platform.yaml:9:15: error[E1081]: `gitops.repository` carries a credential in its URL"))
        }
        #expect(scratch.listing() == before, "nothing may be created (no `https:` folder, no cache)")
    }

    @Test func urlIsARemoteClonedCommittedAndPushedNeverAFolder() throws {
        let scratch = try Scratch()
        try scratch.edit("repository: ./gitops", "repository: file://" + scratch.path("remote.git"))
        try scratch.git(["init", "-q", "--bare", "-b", "main", "remote.git"], in: "")

        let first = try scratch.run(["commit", "spec/platform.yaml", "--push"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("pushed main to file://"))
        let pushed = try scratch.git(["rev-parse", "main"], in: "remote.git")
        #expect(try scratch.git(["ls-tree", "-r", "--name-only", "main", "clusters/prod-use1/kustomization.yaml"], in: "remote.git")
            == "clusters/prod-use1/kustomization.yaml")
        // The copy lives in the cache, nowhere near the spec; no folder is named after the URL.
        #expect(FileManager.default.fileExists(atPath: scratch.path("cache/platformc/remotes")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("spec")) == ["platform.yaml"])
        #expect(!FileManager.default.fileExists(atPath: scratch.path("file:")))

        // Someone else pushes; the next commit starts from the remote's branch and fast-forwards it.
        try scratch.git(["clone", "-q", "remote.git", "other"], in: "")
        try "theirs\n".write(toFile: scratch.path("other/NOTES.md"), atomically: true, encoding: .utf8)
        try scratch.git(["add", "NOTES.md"], in: "other")
        try scratch.git(["-c", "user.name=O", "-c", "user.email=o@example.com", "commit", "-q", "-m", "theirs"], in: "other")
        try scratch.git(["push", "-q", "origin", "main"], in: "other")
        try scratch.edit("replicas: { min: 2, max: 4 }", "replicas: { min: 2, max: 5 }")
        let second = try scratch.run(["commit", "spec/platform.yaml", "--push"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try scratch.git(["log", "--format=%s", "main"], in: "remote.git")
            == "platformc: compile acme-ai\ntheirs\nplatformc: compile acme-ai")
        #expect(try scratch.git(["cat-file", "-t", "\(pushed)"], in: "remote.git") == "commit")
        #expect(try scratch.git(["fsck", "--strict"], in: "remote.git").isEmpty)
    }

    // MARK: Finding 12: recovery after a crash

    /// What a `kill -9` between the branch move and the index write leaves (the index and half the
    /// changed files at the old commit) no longer blocks every later commit and its push.
    @Test func commitAfterAKilledUpdateRecoversAndPushes() throws {
        let scratch = try Scratch()
        try scratch.git(["init", "-q", "--bare", "-b", "main", "remote.git"], in: "")
        #expect(try scratch.run(["commit", "spec/platform.yaml"]).status == 0)
        try scratch.edit("replicas: { min: 2, max: 4 }", "replicas: { min: 2, max: 5 }")
        #expect(try scratch.run(["commit", "spec/platform.yaml"]).status == 0)
        let changed = try scratch.git(["diff", "--name-only", "HEAD~1", "HEAD"], in: "spec/gitops").split(separator: "\n").map(String.init)
        #expect(changed.count >= 2)
        try scratch.git(["read-tree", "HEAD~1"], in: "spec/gitops")
        try scratch.git(["checkout-index", "-f", "--"] + changed.prefix(changed.count / 2), in: "spec/gitops")
        #expect(!(try scratch.git(["status", "--porcelain"], in: "spec/gitops")).isEmpty)

        try scratch.edit("replicas: { min: 2, max: 5 }", "replicas: { min: 2, max: 6 }")
        let r = try scratch.run(["commit", "spec/platform.yaml", "--push", "--remote", "file://" + scratch.path("remote.git")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("error[") && !r.stderr.contains("platformc: error") && !r.stderr.contains("kept"), "\(r.stderr)")
        #expect(try scratch.git(["status", "--porcelain"], in: "spec/gitops") == "")
        #expect(try scratch.git(["rev-parse", "main"], in: "remote.git") == (try scratch.git(["rev-parse", "HEAD"], in: "spec/gitops")))
    }

    @Test func handEditIsKeptAndTheIndexFollowsTheCommit() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["commit", "spec/platform.yaml"]).status == 0)
        try scratch.edit("replicas: { min: 2, max: 4 }", "replicas: { min: 2, max: 5 }")
        #expect(try scratch.run(["commit", "spec/platform.yaml"]).status == 0)
        let file = try #require(try scratch.git(["diff", "--name-only", "HEAD~1", "HEAD"], in: "spec/gitops").split(separator: "\n").first
            .map(String.init))
        try "edited by hand\n".write(toFile: scratch.path("spec/gitops/" + file), atomically: false, encoding: .utf8)

        try scratch.edit("replicas: { min: 2, max: 5 }", "replicas: { min: 2, max: 6 }")
        let r = try scratch.run(["commit", "spec/platform.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("platformc: warning: kept 1 locally edited path of the work tree (\(file))"), "\(r.stderr)")
        #expect(try String(contentsOfFile: scratch.path("spec/gitops/" + file), encoding: .utf8) == "edited by hand\n")
        #expect(try scratch.git(["diff", "--cached", "--name-only"], in: "spec/gitops") == "")
        #expect(try scratch.git(["status", "--porcelain"], in: "spec/gitops") == "M \(file)")
    }

    // MARK: Finding 13: flags that reach the message or libgit2

    @Test func specCommitCannotInjectTrailers() throws {
        let scratch = try Scratch()
        for bad in ["abc\nTrailer: x", "abc", "HEAD", "a b c d", String(repeating: "a", count: 65), "abcg"] {
            let r = try scratch.run(["commit", "spec/platform.yaml", "--spec-commit", bad])
            #expect(r.status == 2)
            #expect(r.stderr == "platformc: error: `--spec-commit` must be a commit id: 4 to 64 hexadecimal digits\n")
        }
        let message = try scratch.run(["commit", "spec/platform.yaml", "--message", "deploy\n\nPlatform-Spec-Digest: sha256:0"])
        #expect(message.status == 2)
        #expect(message.stderr.contains("`--message` is the subject line"))
        let identity = try scratch.run(["commit", "spec/platform.yaml", "--author-name", "a>\nx", "--author-email", "a@b"])
        #expect(identity.status == 2)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("spec/gitops")))

        let good = try scratch.run(["commit", "spec/platform.yaml", "--spec-commit", "0123abcdEF"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try scratch
            .git(["log", "-1", "--format=%(trailers:key=Platform-Spec-Commit,valueonly)"], in: "spec/gitops") == "0123abcdEF")
    }

    @Test func emptyRepoIsAUsageError() throws {
        let scratch = try Scratch()
        let before = scratch.listing()
        let r = try scratch.run(["commit", "spec/platform.yaml", "--repo", ""])
        #expect(r.status == 2)
        #expect(r.stderr == "platformc: error: `--repo` is empty; give the GitOps repository's path or URL\n")
        #expect(scratch.listing() == before)
    }

    @Test func passwordInAFlagURLIsRefusedAndNeverPrinted() throws {
        let scratch = try Scratch()
        try scratch.git(["init", "-q", "--bare", "-b", "main", "remote.git"], in: "")
        let url = "file://bot:R3dT3amPassw0rd@" + scratch.path("remote.git")
        let repo = try scratch.run(["commit", "spec/platform.yaml", "--repo", url])
        #expect(repo.status == 2)
        #expect(repo.stderr.hasPrefix("platformc: error: credential in URL"))
        let push = try scratch.run(["commit", "spec/platform.yaml", "--push", "--remote", url])
        #expect(push.status == 2)
        #expect(push.stderr.hasPrefix("platformc: error: credential in URL"))
        #expect(!(repo.stdout + repo.stderr + push.stdout + push.stderr).contains("R3dT3am"))
        #expect(try CLIRunner.git(["rev-parse", "--verify", "-q", "main"], in: scratch.root.appendingPathComponent("remote.git"))
            .status != 0)
    }
}
