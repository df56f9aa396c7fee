import Foundation
import PlatformCore

/// Reads the spec file for the pure pipeline, refusing what is not a regular readable file.
enum SpecFile {
    /// At most `limit` bytes are read, when given: for a spec, one byte past the loader's limit is
    /// enough for it to refuse the file (E1009), so a runaway file costs neither time nor memory.
    static func read(_ path: String, limit: Int? = nil) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IOFailure("cannot read `\(path)`: no such file")
        }
        guard !isDirectory.boolValue else { throw IOFailure("cannot read `\(path)`: it is a directory, not a spec file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw IOFailure("cannot read `\(path)`: permission denied") }
        defer { try? handle.close() }
        let data = limit.map { try? handle.read(upToCount: $0) } ?? (try? handle.readToEnd())
        return [UInt8]((data ?? nil) ?? Data())
    }

    /// The folder relative paths in the spec resolve against.
    static func folder(of path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
    }
}
