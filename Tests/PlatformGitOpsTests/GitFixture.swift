import Foundation
import PlatformGitOps

/// A scratch folder with helpers to inspect repositories through the git CLI, the independent
/// witness of what libgit2 wrote.
final class GitFixture {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("platformc-gitops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Runs git in `directory`; returns stdout and stderr together with the exit status.
    @discardableResult
    func git(_ arguments: [String], in directory: String) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = root.path  // no user config leaks into the test
        environment["GIT_AUTHOR_NAME"] = "CLI"
        environment["GIT_AUTHOR_EMAIL"] = "cli@example.com"
        environment["GIT_COMMITTER_NAME"] = "CLI"
        environment["GIT_COMMITTER_EMAIL"] = "cli@example.com"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = Self.readAll(out.fileHandleForReading)
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    /// Reads a pipe to its end with read(2), retrying on EINTR (Foundation's
    /// `readDataToEndOfFile` traps when a signal interrupts it).
    static func readAll(_ handle: FileHandle) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(handle.fileDescriptor, &buffer, buffer.count)
            if n > 0 { data.append(contentsOf: buffer[0..<n]) } else if n == 0 || errno != EINTR { return data }
        }
    }

    /// git output, trimmed; throws when git exits non-zero.
    func gitOK(_ arguments: [String], in directory: String) throws -> String {
        let (output, status) = try git(arguments, in: directory)
        guard status == 0 else { throw FixtureError.gitFailed(arguments, output) }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    enum FixtureError: Error { case gitFailed([String], String) }
}

let author = GitSignature(name: "platformc", email: "platformc@example.com")
let fixedTime = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The managed tree most tests commit.
func sampleTree(_ files: [String: String]) -> ManagedTree {
    ManagedTree(managedPaths: ["clusters", "argocd", "platform.lock.json"], files: files)
}

extension CommitOutcome {
    /// The new commit, or nil when nothing was committed.
    var commit: GitObjectID? {
        if case .committed(let id, _) = self { return id }
        return nil
    }
}
