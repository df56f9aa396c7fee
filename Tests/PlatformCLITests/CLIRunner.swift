import Foundation
import PlatformConcurrency

/// Runs the built `platformc` binary, as users and CI do, and captures what it prints.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repoRoot =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `platformc` executable beside the test bundle in the build folder.
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("platformc")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return repoRoot.appendingPathComponent(".build/debug/platformc")
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> Result {
        try runExecutable(binary, arguments, in: directory, environment: environment)
    }

    /// Runs any executable the same way (the action tests run bash).
    static func runExecutable(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
        environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = environment ?? ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return finish(process, out, err)
    }

    /// Waits for `process`, reading both pipes on their own threads (a full pipe would block the
    /// child) with read(2) retried on EINTR (Foundation's `readDataToEndOfFile` traps on it).
    private static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> Result {
        @Sendable func readAll(_ handle: FileHandle) -> Data {
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(handle.fileDescriptor, &buffer, buffer.count)
                if n > 0 { data.append(contentsOf: buffer[0..<n]) } else if n == 0 || errno != EINTR { return data }
            }
        }
        let errors = err.fileHandleForReading
        let stderr = Background { readAll(errors) }
        let stdout = readAll(out.fileHandleForReading)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr.value, as: UTF8.self))
    }

    /// Runs `git` for verification only (the product itself never shells out to git).
    static func git(_ arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return finish(process, out, err)
    }

    /// Every file under `dir` with its size, to prove a failed run wrote nothing.
    static func listing(_ dir: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: dir.path)
        var out: [String] = []
        while let path = walker?.nextObject() as? String {
            let size = (try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(path).path)[.size] as? Int) ?? -1
            out.append("\(path) \(size)")
        }
        return out.sorted()
    }

    /// A fresh temporary folder holding a copy of `spec` as platform.yaml.
    static func workspace(spec: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try spec.write(to: dir.appendingPathComponent("platform.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    static var bundledSpec: String {
        try! String(contentsOf: repoRoot.appendingPathComponent("platform.yaml"), encoding: .utf8)
    }
}
