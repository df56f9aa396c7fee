import Foundation
import PlatformCore

/// Reads the spec file for the pure pipeline, refusing what is not a regular readable file.
enum SpecFile {
    /// At most `limit` bytes are read, when given: for a spec, one byte past the loader's limit is
    /// enough for it to refuse the file (E1009), so a runaway file costs neither time nor memory.
    /// Opened with O_NONBLOCK and checked with fstat, so a FIFO or device is refused, not waited on.
    static func read(_ path: String, limit: Int? = nil) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw IOFailure("cannot read `\(path)`: \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)).lowercased())")
        }
        defer { close(fd) }
        switch ContainedFiles.readRegular(fd, limit: limit ?? Int.max / 2, truncate: true) {
        case let .success(bytes): return bytes
        case .failure(.notRegular(kind: "a folder")): throw IOFailure("cannot read `\(path)`: it is a directory, not a spec file")
        case let .failure(.notRegular(kind)): throw IOFailure("cannot read `\(path)`: it is \(kind), not a regular file")
        case .failure: throw IOFailure("cannot read `\(path)`")
        }
    }

    /// The folder relative paths in the spec resolve against.
    static func folder(of path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
    }
}
