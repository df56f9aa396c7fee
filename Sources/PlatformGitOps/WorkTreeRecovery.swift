import CLibGit2
import Foundation

/// Repairs what an interrupted work-tree update left: the branch already heads the new commit, but
/// some files still hold the old commit's bytes and the index the old tree (a `kill -9` between the
/// ref move and the index write). Every later update would see those paths as local edits.
///
/// platformc knows what it wrote: a journal file in the git folder names the commits of an update
/// while it runs, and without one (a crash of an older version) the branch's own history does: a
/// path holding what the parent commit or its parent holds there is platformc's, not the user's.
struct WorkTreeJournal {
    let path: String

    init(repository: GitRepository) {
        path = String(cString: git_repository_path(repository.pointer)) + "platformc-worktree-update"
    }

    /// The update that did not finish: the commit the work tree came from (nil: an empty branch).
    func interrupted() -> (from: GitObjectID?, to: GitObjectID)? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let ids = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard ids.count == 2, let to = GitObjectID(hex: ids[1]) else { return nil }
        return (GitObjectID(hex: ids[0]), to)
    }

    /// Written before the first file changes; `end` removes it once the index is written.
    func begin(from: GitObjectID?, to: GitObjectID) throws {
        let text = "\(from?.hex ?? "-") \(to.hex)\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw GitError.libgit2(code: -1, klass: Int32(GIT_ERROR_OS.rawValue), message: "could not write `\(path)`")
        }
    }

    func end() { unlink(path) }
}

extension GitRepository {
    /// The update from `parent` to `commit` widened to every path that differs between `base` (the
    /// commit an interrupted update came from; default the parent's parent) and `parent`, with
    /// the versions of `base`, `parent` and `commit` counted as platformc's at each path. Nil when
    /// the wider update holds entries `WorkTreeUpdate` does not handle.
    func recoveringUpdate(
        _ update: WorkTreeUpdate, parent: GitObjectID?, commit: GitObjectID, base: GitObjectID??
    ) throws -> WorkTreeUpdate? {
        let baseCommit = try base ?? parent.flatMap { try firstParent(of: $0) }
        let older = try snapshot(of: baseCommit)
        let current = try snapshot(of: parent)
        let next = try snapshot(of: commit)
        var changes = update.changes
        var paths = Set(changes.map(\.path))
        for path in Set(older.keys).union(current.keys) where older[path] != current[path] && !paths.contains(path) {
            // Only content platformc holds in memory can be rewritten; it only wrote managed files.
            if next[path] != nil && update.files[path] == nil { continue }
            changes.append(FileChange(path: path, old: current[path], new: next[path]))
            paths.insert(path)
        }
        changes.sort { $0.path < $1.path }
        guard WorkTreeUpdate.handles(changes) else { return nil }
        var wider = WorkTreeUpdate(repository: self, changes: changes, files: update.files)
        for path in paths {
            wider.earlierVersions[path] = [older[path], current[path], next[path]]
            wider.interruptedWrites[path] = current[path]?.id  // the update cut short was writing the head
        }
        return wider
    }

    private func snapshot(of commit: GitObjectID?) throws -> [String: TreeEntry] {
        guard let commit else { return [:] }
        return try TreeSnapshot(repository: self, tree: tree(of: commit)).entries
    }

    func firstParent(of commit: GitObjectID) throws -> GitObjectID? {
        var oid = commit.oid
        let object = try GitPointer<OpaquePointer>(
            create: { git_commit_lookup($0, pointer, &oid) }, free: git_commit_free)
        guard git_commit_parentcount(object.pointer) > 0, let id = git_commit_parent_id(object.pointer, 0) else { return nil }
        return GitObjectID(id.pointee)
    }
}
