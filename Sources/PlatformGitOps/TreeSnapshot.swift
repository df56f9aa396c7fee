import CLibGit2

/// One file-like entry of a tree: its blob (or submodule commit) id and git file mode.
struct TreeEntry: Equatable {
    let id: GitObjectID
    let mode: UInt32

    /// Regular and executable files; symlinks and submodules are not content we read or write.
    var isFile: Bool { mode == GIT_FILEMODE_BLOB.rawValue || mode == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue }
}

/// Every entry of a tree, flattened to full paths, read through an in-memory index (never the
/// repository's on-disk index, which belongs to whoever uses the work tree).
struct TreeSnapshot {
    let entries: [String: TreeEntry]

    init(repository: GitRepository, tree: GitPointer<OpaquePointer>?) throws {
        let index = try Self.memoryIndex(reading: tree)
        entries = Self.entries(of: index)
    }

    /// A fresh index that lives only in memory, loaded with `tree` when given.
    static func memoryIndex(reading tree: GitPointer<OpaquePointer>?) throws -> GitPointer<OpaquePointer> {
        let index = try GitPointer<OpaquePointer>(create: { git_index_new($0) }, free: git_index_free)
        if let tree { try GitError.check(git_index_read_tree(index.pointer, tree.pointer)) }
        return index
    }

    /// The stage-0 entries of an index by path.
    static func entries(of index: GitPointer<OpaquePointer>) -> [String: TreeEntry] {
        var entries: [String: TreeEntry] = [:]
        for position in 0..<git_index_entrycount(index.pointer) {
            guard let entry = git_index_get_byindex(index.pointer, position),
                  let path = entry.pointee.path else { continue }
            entries[String(cString: path)] = TreeEntry(id: GitObjectID(entry.pointee.id), mode: entry.pointee.mode)
        }
        return entries
    }
}
