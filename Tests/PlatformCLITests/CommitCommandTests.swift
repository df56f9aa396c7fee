import Foundation
import Testing

/// `platformc commit` against real repositories in temporary folders, read back with the git CLI.
@Suite struct CommitCommandTests {
    let identity = ["GIT_AUTHOR_NAME": "CI Bot", "GIT_AUTHOR_EMAIL": "ci@example.com",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]

    @Test func commitTwiceMakesOneCommitThatGitReads() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        let first = try CLIRunner.run(["commit"], in: dir, environment: identity)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("committed"))
        let second = try CLIRunner.run(["commit"], in: dir, environment: identity)
        #expect(second.status == 0)
        #expect(second.stdout.hasSuffix("is up to date; no commit\n"))

        let repo = dir.appendingPathComponent("gitops")
        let log = try CLIRunner.git(["log", "--format=%an <%ae>|%s"], in: repo)
        #expect(log.stdout == "CI Bot <ci@example.com>|platformc: compile acme-ai\n")
        let body = try CLIRunner.git(["log", "-1", "--format=%B"], in: repo).stdout
        #expect(body.contains("Platformc-Version: 0.1.0\n"))
        #expect(body.range(of: #"Platform-Spec-Digest: sha256:[0-9a-f]{64}\n"#, options: .regularExpression) != nil)
        #expect(try CLIRunner.git(["fsck", "--strict"], in: repo).status == 0)
        #expect(try CLIRunner.git(["status", "--porcelain"], in: repo).stdout == "")
        let files = try CLIRunner.git(["ls-files"], in: repo).stdout
        #expect(files.contains("clusters/prod-use1/kustomization.yaml\n"))
        #expect(files.contains("clusters/prod-use1/search/resourcequota-gpu-quota.yaml\n"))
    }

    /// The message counts what the commit changes, as the git CLI sees it and as the command prints it.
    @Test func messageCountsTheChangedFiles() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        #expect(try CLIRunner.run(["commit"], in: dir, environment: identity).status == 0)
        let spec = CLIRunner.bundledSpec.replacingOccurrences(of: "replicas: { min: 2, max: 4 }", with: "replicas: { min: 2, max: 5 }")
        #expect(spec != CLIRunner.bundledSpec)
        try spec.write(to: dir.appendingPathComponent("platform.yaml"), atomically: true, encoding: .utf8)
        let second = try CLIRunner.run(["commit"], in: dir, environment: identity)
        #expect(second.status == 0, "\(second.stderr)")

        let repo = dir.appendingPathComponent("gitops")
        let status = try CLIRunner.git(["diff", "--name-status", "HEAD~1", "HEAD"], in: repo).stdout.split(separator: "\n")
        let counts = ["A", "M", "D"].map { kind in status.filter { $0.hasPrefix(kind + "\t") }.count }
        #expect(counts[1] > 0)
        let line = "\(counts[0]) added, \(counts[1]) changed, \(counts[2]) removed"
        #expect(try CLIRunner.git(["log", "-1", "--format=%B"], in: repo).stdout.contains("Objects: \(line).\n"))
        #expect(second.stdout.hasSuffix(": \(line)\n"))
        #expect(try CLIRunner.git(["status", "--porcelain"], in: repo).stdout == "")
    }

    /// PLATFORMC_PROFILE=1 adds one JSON line of timings to stderr; without it stderr stays silent.
    @Test func profileLineOnlyWhenAsked() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        let plain = try CLIRunner.run(["commit"], in: dir, environment: identity)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stderr.contains("commitSeconds"))

        let spec = CLIRunner.bundledSpec.replacingOccurrences(of: "replicas: { min: 2, max: 4 }", with: "replicas: { min: 2, max: 5 }")
        try spec.write(to: dir.appendingPathComponent("platform.yaml"), atomically: true, encoding: .utf8)
        var environment = identity
        environment["PLATFORMC_PROFILE"] = "1"
        let profiled = try CLIRunner.run(["commit"], in: dir, environment: environment)
        #expect(profiled.status == 0, "\(profiled.stderr)")
        #expect(profiled.stdout.contains("committed"))
        let line = try #require(profiled.stderr.split(separator: "\n").last { $0.hasPrefix("{") })
        let timings = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Double])
        #expect(Set(timings.keys) == ["compileSeconds", "commitSeconds"])
        #expect(timings.values.allSatisfy { $0 >= 0 })
    }

    @Test func specErrorsWriteNothing() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec.replacingOccurrences(of: "kind: Platform", with: "kind: Cluster"))
        let r = try CLIRunner.run(["commit"], in: dir, environment: identity)
        #expect(r.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("gitops").path))
        let c = try CLIRunner.run(["compile", "--out", "out"], in: dir)
        #expect(c.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func refusesToInventAnIdentityInCI() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        let r = try CLIRunner.run(["commit"], in: dir, environment: ["CI": "true", "PATH": identity["PATH"]!])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no commit identity"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("gitops").path))
    }

    @Test func outputFolderThatIsAFileIsAnIOError() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        try "x".write(to: dir.appendingPathComponent("out"), atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["compile", "--out", "out"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.hasSuffix("\nplatformc: error: output `out` exists and is not a directory\n"))   // after the bundled W2401s
    }
}
