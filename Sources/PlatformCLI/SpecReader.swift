import Foundation

/// Reads the spec file for the pure pipeline, refusing what is not a regular readable file.
enum SpecFile {
    static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IOFailure("cannot read `\(path)`: no such file")
        }
        guard !isDirectory.boolValue else { throw IOFailure("cannot read `\(path)`: it is a directory, not a spec file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw IOFailure("cannot read `\(path)`: permission denied") }
        defer { try? handle.close() }
        let data = (try? handle.readToEnd()) ?? Data()
        return [UInt8](data)
    }

    /// The folder relative paths in the spec resolve against.
    static func folder(of path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
    }
}
