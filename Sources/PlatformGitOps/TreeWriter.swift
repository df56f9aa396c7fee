import CLibGit2

/// Builds the tree of the next commit: the parent's tree with every entry under the managed paths
/// replaced by the managed files. Blobs and trees go into the object database only; the work tree
/// and the on-disk index are not touched here.
struct TreeWriter {
    let repository: GitRepository

    /// Writes the blobs and trees and returns the root tree id with what changed under the managed paths.
    func write(_ managed: ManagedTree, onto parent: GitPointer<OpaquePointer>?) throws -> (tree: GitObjectID, stats: ChangeStats) {
        let index = try TreeSnapshot.memoryIndex(reading: parent)
        let before = TreeSnapshot.entries(of: index).filter { managed.isManaged($0.key) }
        for path in before.keys.sorted() {
            try GitError.check(git_index_remove(index.pointer, path, 0))
        }
        var after: [String: TreeEntry] = [:]
        // Managed files are regular files: the compiler writes no executables, symlinks or submodules.
        for path in managed.files.keys.sorted() {
            let entry = TreeEntry(id: try writeBlob(managed.files[path] ?? []), mode: GIT_FILEMODE_BLOB.rawValue)
            try add(entry, at: path, to: index)
            after[path] = entry
        }
        var treeID = git_oid()
        try GitError.check(git_index_write_tree_to(&treeID, index.pointer, repository.pointer))
        return (GitObjectID(treeID), Self.stats(before: before, after: after))
    }

    private func writeBlob(_ bytes: [UInt8]) throws -> GitObjectID {
        var oid = git_oid()
        _ = try bytes.withUnsafeBytes { buffer in
            try GitError.check(git_blob_create_from_buffer(&oid, repository.pointer, buffer.baseAddress, buffer.count))
        }
        return GitObjectID(oid)
    }

    private func add(_ entry: TreeEntry, at path: String, to index: GitPointer<OpaquePointer>) throws {
        var indexEntry = git_index_entry()
        indexEntry.mode = entry.mode
        indexEntry.id = entry.id.oid
        try path.withCString { cPath in
            indexEntry.path = cPath
            try GitError.check(git_index_add(index.pointer, &indexEntry))
        }
    }

    /// Added, changed (bytes or mode) and removed paths, each sorted.
    static func stats(before: [String: TreeEntry], after: [String: TreeEntry]) -> ChangeStats {
        ChangeStats(
            added: after.keys.filter { before[$0] == nil }.sorted(),
            changed: after.keys.filter { before[$0] != nil && before[$0] != after[$0] }.sorted(),
            removed: before.keys.filter { after[$0] == nil }.sorted())
    }
}
