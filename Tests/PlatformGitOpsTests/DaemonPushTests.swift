import Foundation
import PlatformGitOps
import Testing

/// Pushes over the network transport (`git daemon` on localhost), where the server, not libgit2,
/// decides: a pre-receive hook that declines shows up as `GitError.pushRejected` with its reason.
@Suite struct DaemonPushTests {
    /// A `git daemon` serving `base` on a free port, stopped when the server goes away.
    private final class Daemon {
        let process = Process()
        let url: String

        init?(base: String, fixture: GitFixture) throws {
            let port = Int.random(in: 30_000...39_999)
            // The daemon itself, not the `git` wrapper: the wrapper would outlive our signal.
            let execPath = try fixture.gitOK(["--exec-path"], in: base)
            process.executableURL = URL(fileURLWithPath: execPath + "/git-daemon")
            process.arguments = ["--reuseaddr", "--enable=receive-pack", "--export-all",
                                 "--base-path=\(base)", "--listen=127.0.0.1", "--port=\(port)", base]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            url = "git://127.0.0.1:\(port)"
            for _ in 0..<50 where process.isRunning {
                if try fixture.git(["ls-remote", url + "/remote.git"], in: base).status == 0 { return }
                usleep(100_000)
            }
            stop()
            return nil
        }

        /// SIGKILL: git-daemon does not exit on SIGTERM.
        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        deinit { stop() }
    }

    private func setUp(_ fixture: GitFixture, declining: Bool) throws -> (GitRepository, Daemon?) {
        let repository = try GitRepository.openOrInit(path: fixture.path("gitops"), initialBranch: "main")
        _ = try repository.commitTree(sampleTree(["clusters/a.yaml": "a\n"]), branch: "main", message: "one",
                                      author: author, committer: author, expectedHead: nil, time: fixedTime)
        let base = fixture.path("served")
        _ = try GitRepository.initBare(path: base + "/remote.git")
        if declining {
            let hook = base + "/remote.git/hooks/pre-receive"
            try "#!/bin/sh\necho 'policy: no pushes today' >&2\nexit 1\n".write(toFile: hook, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        }
        let daemon = try Daemon(base: base, fixture: fixture)
        if daemon == nil { print("skipped: `git daemon` did not start; network push not tested") }
        return (repository, daemon)
    }

    @Test func pushOverTheNetworkTransport() throws {
        let fixture = try GitFixture()
        let (repository, daemon) = try setUp(fixture, declining: false)
        guard let daemon else { return }
        try repository.push(remote: daemon.url + "/remote.git", branch: "main", environment: [:])
        #expect(try fixture.gitOK(["rev-parse", "main"], in: fixture.path("served/remote.git"))
            == (try repository.head(branch: "main"))?.hex)
    }

    @Test func serverHookRejectionIsReportedWithItsReason() throws {
        let fixture = try GitFixture()
        let (repository, daemon) = try setUp(fixture, declining: true)
        guard let daemon else { return }
        let remote = daemon.url + "/remote.git"
        #expect(throws: GitError.pushRejected(remote: remote, branch: "main", reason: "pre-receive hook declined")) {
            try repository.push(remote: remote, branch: "main", environment: [:])
        }
        #expect(try fixture.git(["rev-parse", "--verify", "-q", "main"], in: fixture.path("served/remote.git")).status != 0)
    }
}
