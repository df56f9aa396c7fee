import CLibGit2

/// Builds the tree of the next commit: the parent's tree with every entry under the managed paths
/// replaced by the managed files. Blobs and trees go into the object database only; the work tree
/// and the on-disk index are not touched here.
struct TreeWriter {
    let repository: GitRepository

    /// Writes the blobs and trees and returns the root tree id with what changed under the managed paths.
    ///
    /// Every file is hashed in memory first; a file whose blob id equals the parent's entry is
    /// neither written nor re-added (its object is already reachable from the parent), so a
    /// recommit that changes a few files writes a few blobs, not one per file.
    func write(_ managed: ManagedTree, onto parent: GitPointer<OpaquePointer>?) throws -> (tree: GitObjectID, stats: ChangeStats) {
        let index = try TreeSnapshot.memoryIndex(reading: parent)
        let before = TreeSnapshot.entries(of: index).filter { managed.isManaged($0.key) }
        let objects = try ObjectWriter(repository: repository)
        var after: [String: TreeEntry] = [:]
        var upserts: [(path: String, entry: TreeEntry)] = []
        // Managed files are regular files: the compiler writes no executables, symlinks or submodules.
        for path in managed.files.keys.sorted() {
            let bytes = managed.files[path] ?? []
            let entry = TreeEntry(id: try objects.hashBlob(bytes), mode: GIT_FILEMODE_BLOB.rawValue)
            after[path] = entry
            if before[path] == entry { continue }
            try objects.writeBlob(bytes)
            upserts.append((path, entry))
        }
        // Removals first: a path that turns from folder into file (or back) must not collide.
        for path in before.keys.sorted() where after[path] == nil {
            try GitError.check(git_index_remove(index.pointer, path, 0))
        }
        for (path, entry) in upserts { try add(entry, at: path, to: index) }
        var treeID = git_oid()
        try GitError.check(git_index_write_tree_to(&treeID, index.pointer, repository.pointer))
        return (GitObjectID(treeID), Self.stats(before: before, after: after))
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
