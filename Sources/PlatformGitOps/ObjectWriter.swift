import CLibGit2

/// Hashes and writes blobs through the repository's object database.
struct ObjectWriter {
    let odb: GitPointer<OpaquePointer>

    init(repository: GitRepository) throws {
        odb = try GitPointer(create: { git_repository_odb($0, repository.pointer) }, free: git_odb_free)
    }

    /// The blob id of `bytes`, computed in memory (nothing is read or written).
    func hashBlob(_ bytes: [UInt8]) throws -> GitObjectID {
        var oid = git_oid()
        try bytes.withUnsafeBytes { buffer in
            try GitError.check(git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB))
        }
        return GitObjectID(oid)
    }

    /// Stores `bytes` as a blob (libgit2 skips objects the database already holds).
    func writeBlob(_ bytes: [UInt8]) throws {
        var oid = git_oid()
        try bytes.withUnsafeBytes { buffer in
            try GitError.check(git_odb_write(&oid, odb.pointer, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB))
        }
    }
}
