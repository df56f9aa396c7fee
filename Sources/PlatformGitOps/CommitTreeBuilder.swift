import CLibGit2
import Foundation
import PlatformConcurrency

/// A managed path whose entry differs between the parent commit and the new one: what the parent
/// held there and what the new commit holds (nil: nothing).
struct FileChange {
    let path: String
    let old: TreeEntry?
    let new: TreeEntry?
}

/// Builds the tree of the next commit: the parent's tree with every entry under the managed paths
/// replaced by the managed files. Blobs and trees go into the staging object store only; the work
/// tree and the on-disk index are not touched here.
struct CommitTreeBuilder {
    let staging: ObjectStaging

    struct Output {
        let tree: GitObjectID
        /// Every managed path whose entry changes, sorted by path.
        let changes: [FileChange]

        var stats: ChangeStats {
            ChangeStats(
                added: changes.filter { $0.old == nil }.map(\.path),
                changed: changes.filter { $0.old != nil && $0.new != nil }.map(\.path),
                removed: changes.filter { $0.new == nil }.map(\.path))
        }
    }

    /// Writes the blobs and trees; returns the root tree id and what changed under the managed paths.
    ///
    /// Every file is hashed in memory first; a file whose blob id equals the parent's entry is
    /// neither staged nor re-added (its object is already reachable from the parent), so a recommit
    /// that changes a few files stages a few blobs, not one per file. The parent's tree is loaded
    /// into an in-memory index, whose tree cache lets `git_index_write_tree_to` rebuild only the
    /// folders on the changed paths.
    func write(_ managed: ManagedTree, onto parent: GitPointer<OpaquePointer>?) throws -> Output {
        let index = try TreeSnapshot.memoryIndex(reading: parent)
        let files = Array(managed.files)
        let ids = Self.blobIDs(files.map(\.value))
        var changes: [FileChange] = []
        var kept = 0 // files also in the parent, changed or not
        // Managed files are regular files: the compiler writes no executables, symlinks or submodules.
        let mode = GIT_FILEMODE_BLOB.rawValue
        for ((path, bytes), id) in zip(files, ids) {
            let old = git_index_get_bypath(index.pointer, path, 0)?.pointee
            if old != nil { kept += 1 }
            if let old, old.mode == mode, old.id.equals(id) { continue }
            try staging.stageBlob(bytes, id: id)
            changes.append(FileChange(path: path, old: old.map(TreeEntry.init), new: TreeEntry(id: GitObjectID(id), mode: mode)))
        }
        // The parent's managed entries that no file replaces. Counting first spares building a
        // String for each of the parent's entries when nothing was removed (the usual case).
        if Self.managedEntryCount(index.pointer, managed) > kept {
            for position in 0..<git_index_entrycount(index.pointer) {
                guard let entry = git_index_get_byindex(index.pointer, position), let cPath = entry.pointee.path else { continue }
                let path = String(cString: cPath)
                if managed.isManaged(path), managed.files[path] == nil {
                    changes.append(FileChange(path: path, old: TreeEntry(entry.pointee), new: nil))
                }
            }
        }
        changes.sort { $0.path < $1.path }
        // Removals first: a path that turns from folder into file (or back) must not collide.
        for change in changes where change.new == nil {
            try GitError.check(git_index_remove(index.pointer, change.path, 0))
        }
        for change in changes {
            if let entry = change.new { try add(entry, at: change.path, to: index) }
        }
        var treeID = git_oid()
        try GitError.check(git_index_write_tree_to(&treeID, index.pointer, staging.repository.pointer))
        return Output(tree: GitObjectID(treeID), changes: changes)
    }

    /// The blob id of each file, hashed on all cores from the String's own UTF-8 storage.
    private static func blobIDs(_ files: [String]) -> [git_oid] {
        files.concurrentRuns(of: 1024) { run in
            run.map { file in
                var (text, id) = (file, git_oid())
                // git_odb_hash fails only for an invalid type; GIT_OBJECT_BLOB is valid.
                _ = text.withUTF8 { git_odb_hash(&id, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
                return id
            }
        }.flatMap { $0 }
    }

    /// How many entries of `index` lie under the managed paths, as `ManagedTree.isManaged` decides;
    /// ASCII paths are compared as bytes, without making a String of each.
    private static func managedEntryCount(_ index: OpaquePointer, _ managed: ManagedTree) -> Int {
        let prefixes = managed.managedPaths.map { Array($0.utf8) }
        var count = 0
        for position in 0..<git_index_entrycount(index) {
            guard let cPath = git_index_get_byindex(index, position)?.pointee.path else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(cPath).assumingMemoryBound(to: UInt8.self), count: strlen(cPath))
            if bytes.contains(where: { $0 >= 0x80 }) {
                if managed.isManaged(String(cString: cPath)) { count += 1 }
            } else if prefixes.contains(where: { prefix in
                bytes.starts(with: prefix) && (bytes.count == prefix.count || bytes[prefix.count] == UInt8(ascii: "/"))
            }) {
                count += 1
            }
        }
        return count
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
}

extension git_oid {
    func equals(_ other: git_oid) -> Bool {
        var (a, b) = (self, other)
        return git_oid_equal(&a, &b) == 1
    }
}

extension TreeEntry {
    init(_ entry: git_index_entry) {
        self.init(id: GitObjectID(entry.id), mode: entry.mode)
    }
}
