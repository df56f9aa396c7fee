import Foundation
import Testing

/// Paths and tools of `../shared` (DESIGN.md, schemas, validate-manifests) for tests.
///
/// Tests needing them call `requireShared()`: with `CI` set a missing folder fails the test; without
/// it the test prints that it skipped and returns.
enum SharedTools {
    /// The repository root, from this file's path (Tests/PlatformCoreTests/Support/SharedTools.swift).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `$PLATFORMC_SHARED` when set, else `repoRoot/../shared`; a worktree nested one folder
    /// deeper (`work/wt/<name>`) falls back to `repoRoot/../../shared`.
    static var sharedDir: URL {
        if let override = ProcessInfo.processInfo.environment["PLATFORMC_SHARED"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let sibling = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
        if exists(sibling.appendingPathComponent("tools")) { return sibling }
        let uncle = repoRoot.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
        return exists(uncle.appendingPathComponent("tools")) ? uncle : sibling
    }

    static var isCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// The shared folder, or nil after recording a failure (CI) or printing a skip message.
    static func requireShared(_ test: String = #function, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let dir = sharedDir
        if exists(dir.appendingPathComponent("tools/validate-manifests")) { return dir }
        return unavailable("\(dir.path) is missing", test: test, sourceLocation: sourceLocation)
    }

    /// True when `python3 -c "import <modules>"` works; otherwise fails (CI) or prints a skip.
    static func requirePython(modules: [String], _ test: String = #function,
                              sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let result = run(["python3", "-c", "import " + modules.joined(separator: ", ")])
        if result.exitCode == 0 { return true }
        _ = unavailable("python3 with \(modules.joined(separator: ", ")) is missing", test: test, sourceLocation: sourceLocation)
        return false
    }

    /// True when `kubectl` runs; otherwise fails (CI) or prints a skip.
    static func requireKubectl(_ test: String = #function, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if run(["kubectl", "version", "--client"]).exitCode == 0 { return true }
        _ = unavailable("kubectl is missing", test: test, sourceLocation: sourceLocation)
        return false
    }

    /// `python3 ../shared/tools/validate-manifests --k8s-version 1.34 <directory>`.
    static func validateManifests(directory: URL, shared: URL = sharedDir) -> (exitCode: Int32, output: String) {
        run(["python3", shared.appendingPathComponent("tools/validate-manifests").path,
             "--k8s-version", "1.34", directory.path])
    }

    /// `kubectl kustomize <directory>`.
    static func kustomizeBuild(_ directory: URL) -> (exitCode: Int32, output: String) {
        run(["kubectl", "kustomize", directory.path])
    }

    /// Runs a command found on PATH; stdout and stderr together.
    static func run(_ arguments: [String], in directory: URL? = nil) -> (exitCode: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(arguments[0]): \(error)") }
        let data = readAll(pipe.fileHandleForReading)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Reads a pipe to its end with read(2), retrying on EINTR: Foundation's
    /// `readDataToEndOfFile` traps when a signal interrupts it while tests run processes in parallel.
    static func readAll(_ handle: FileHandle) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(handle.fileDescriptor, &buffer, buffer.count)
            if n > 0 { data.append(contentsOf: buffer[0..<n]) } else if n == 0 || errno != EINTR { return data }
        }
    }

    /// A fresh empty temporary folder.
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("platformc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → contents) under `directory`.
    static func write(_ files: [String: String], under directory: URL) throws {
        for (path, contents) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }

    private static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    private static func unavailable(_ reason: String, test: String, sourceLocation: SourceLocation) -> URL? {
        if isCI {
            Issue.record("\(reason) (required when CI is set)", sourceLocation: sourceLocation)
        } else {
            print("SKIPPED \(test): \(reason)")
        }
        return nil
    }
}
