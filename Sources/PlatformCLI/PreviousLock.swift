import Foundation
import PlatformCore
import PlatformDiagnostics
import PlatformGitOps

/// The previous placement the compile keeps where it still holds (issue 17, finding 7), read at
/// the edge: `platform.lock.json` of the GitOps branch's head (`commit`, `diff`) or a lock file
/// named on the command line (`compile --previous-lock`).
enum PreviousLock {
    /// A lock file is small; a larger file is not one.
    static let maxBytes = 16 << 20

    /// The placement of a lock file named on the command line; a file that is no lock is a usage error.
    static func read(file path: String) throws -> LockPlacement {
        let bytes = try SpecFile.read(path, limit: maxBytes + 1)
        guard bytes.count <= maxBytes, let placement = parse(bytes) else {
            throw IOFailure("`\(path)` is not a platform.lock.json with a `placement` (use the lock file platformc wrote)")
        }
        return placement
    }

    /// The placement of the lock at the head of `branch`, when platformc owns it there; nil when
    /// the branch, the lock or its placement is missing (placement then starts afresh).
    static func read(repository: GitRepository, branch: String) -> LockPlacement? {
        guard let head = try? repository.head(branch: branch),
              let owned = try? repository.ownedPaths(at: head, legacy: GitOpsPaths.legacy), owned.contains(LockFile.path),
              let bytes = try? repository.files(at: head, within: [LockFile.path])[LockFile.path],
              bytes.count <= maxBytes else { return nil }
        return parse(bytes)
    }

    /// The placement of the lock among a tree's files (a diff base), when it has one.
    static func read(files: [String: String]) -> LockPlacement? {
        files[LockFile.path].flatMap { parse(Array($0.utf8)) }
    }

    private static func parse(_ bytes: [UInt8]) -> LockPlacement? {
        LockPlacement(lockText: String(decoding: bytes, as: UTF8.self))
    }
}
