import Foundation
import PlatformCore

/// Reads a file named on the command line (the spec, a previous lock, `kubectl` output) for the
/// pure pipeline, with the contained reader's rules except containment (the user chose the path,
/// so a link is followed): only a regular readable file, and never more than a bound.
enum SpecFile {
    /// At most `limit` bytes are read. For a spec, one byte past the loader's limit is enough
    /// for it to refuse the file (E1009), so a runaway file costs neither time nor memory; with
    /// `refusingLarger`, a larger file is an error instead (inputs whose reader has no limit of
    /// its own). Opened with O_NONBLOCK and checked with fstat, so a FIFO or device is refused,
    /// not waited on.
    static func read(_ path: String, limit: Int, refusingLarger: Bool = false) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw IOFailure("cannot read `\(path)`: \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)).lowercased())")
        }
        defer { close(fd) }
        switch ContainedFiles.readRegular(fd, limit: limit, truncate: !refusingLarger) {
        case let .success(bytes): return bytes
        case .failure(.notRegular(kind: "a folder")): throw IOFailure("cannot read `\(path)`: it is a directory, not a spec file")
        case let .failure(.notRegular(kind)): throw IOFailure("cannot read `\(path)`: it is \(kind), not a regular file")
        case let .failure(.tooLarge(limit)): throw IOFailure("cannot read `\(path)`: it is larger than "
            + "\(ContainedFiles.ReadProblem.size(limit))")
        case .failure: throw IOFailure("cannot read `\(path)`")
        }
    }

    /// `kubectl get nodes|resourceslices` output (`inventory`, `init --from-nodes`): its JSON
    /// reader has no size limit, so the file has one. 256 MiB, 16× a YAML document's bound
    /// (`YAMLLimits.maxBytes`): a memory bound against a wrong file, not a measured size.
    static let maxInventoryBytes = 256 << 20

    /// The folder relative paths in the spec resolve against.
    static func folder(of path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
    }
}
