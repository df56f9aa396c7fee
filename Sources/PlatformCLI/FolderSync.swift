import Foundation
import PlatformCore

/// Writes a rendered tree into a folder through `ContainedFolder`: unchanged files are not
/// touched, and stale `.yaml` files (of earlier runs, no longer in the tree) are removed, only
/// inside the managed folders.
///
/// Folders are written on all cores, each by one thread; a folder this run created holds no file
/// to compare with, so its files are written without trying to read them first. Managed folders
/// that did not exist before this run are not searched for stale files.
enum FolderSync {
    /// What a sync changed.
    struct Changes: Equatable {
        var written = 0
        var removed = 0
        var total: Int { written + removed }
    }

    /// Returns how many files were written or removed. `managed`: the folders (relative to
    /// `folder`) whose stale files are removed; by default the tree's top-level folders.
    static func write(_ tree: RenderedTree, to folder: String, managed: [String]? = nil) throws -> Int {
        try sync(tree, to: folder, managed: managed).total
    }

    /// Writes the files of `tree` that differ, then removes the stale `.yaml` files of `managed`
    /// and the regular files at `stale` (paths the caller found and the tree lacks: `golden
    /// update` removes every such file, whatever its name).
    static func sync(_ tree: RenderedTree, to folder: String, managed: [String]? = nil, stale: [String] = []) throws -> Changes {
        let sink = try ContainedFolder(folder)
        var byFolder: [String: [String]] = [:]
        for path in tree.files.keys {
            // Every path is checked before anything is written.
            guard ContainedFolder.isPlain(path) else { _ = try ContainedFolder.segments(path); continue }
            let slash = path.lastIndex(of: "/")
            byFolder[slash.map { String(path[..<$0]) } ?? "", default: []].append(path)
        }
        let tops = Set(byFolder.keys.filter { !$0.isEmpty }.map { String($0.prefix { $0 != "/" }) })
        let pruned = (managed ?? Array(tops))
            .filter { root in byFolder.keys.contains { $0 == root || $0.hasPrefix(root + "/") } }
            .sorted { $0.precedesInByteOrder($1) }
        let prunedBefore = try pruned.filter { try sink.withFolder($0, create: false) { _ in true } == true }

        let folders = byFolder.keys.sorted { $0.precedesInByteOrder($1) }
        let written = folders.concurrentMap { [byFolder] relative in
            Result { try writeFolder(relative, files: byFolder[relative] ?? [], tree: tree, sink: sink) }
        }
        var changes = Changes()
        for result in written { changes.written += try result.get() }  // the first failure in path order
        for root in prunedBefore {
            changes.removed += try sink.pruneStale(under: root) { tree.files[$0] != nil }
        }
        for path in stale.sorted(by: { $0.precedesInByteOrder($1) }) where tree.files[path] == nil {
            if try sink.removeFile(path) { changes.removed += 1 }
        }
        return changes
    }

    /// Writes the files of one folder (paths relative to the root) that differ from what is there.
    private static func writeFolder(_ relative: String, files: [String], tree: RenderedTree, sink: ContainedFolder) throws -> Int {
        try sink.withFolder(relative, create: true) { folder in
            var changes = 0
            for path in files.sorted(by: { $0.precedesInByteOrder($1) }) {
                var contents = tree.files[path] ?? ""
                let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
                try contents.withUTF8 { bytes in
                    if !folder.created, sink.holds(name, in: folder, bytes) { return }
                    try sink.write(name, in: folder, bytes)
                    changes += 1
                }
            }
            return changes
        } ?? 0
    }
}
