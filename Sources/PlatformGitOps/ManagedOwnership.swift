import CLibGit2

/// Which paths of a branch platformc owns: the ones its own last commit recorded in the
/// `Platformc-Managed-Paths` trailer. A commit replaces only those (or paths new to the branch),
/// so a spec cannot point `gitops.path` at hand-written files and have a commit delete them, and
/// `platformc diff` reads its base only from them.
package enum ManagedOwnership {
    /// The trailer that records a commit's managed paths, space-separated.
    package static let trailer = "Platformc-Managed-Paths"
    /// How far back the first-parent history is searched for platformc's last commit.
    static let searchDepth = 1_000

    /// What a commit of platformc before the trailer existed managed, recognised by a file only
    /// platformc writes. This library does not know that file's format: the caller says how to
    /// recognise it (the CLI reads its lock file with the lock codec).
    package struct LegacyLayout: Sendable, Equatable {
        /// The paths such a commit managed.
        package var paths: [String]
        /// The file that marks such a commit.
        package var marker: String
        /// True when the marker's bytes are platformc's own.
        package var isOwn: @Sendable ([UInt8]) -> Bool

        package init(paths: [String], marker: String, isOwn: @escaping @Sendable ([UInt8]) -> Bool) {
            (self.paths, self.marker, self.isOwn) = (paths, marker, isOwn)
        }

        /// Layouts that name the same paths and marker recognise it the same way.
        package static func == (a: Self, b: Self) -> Bool { a.paths == b.paths && a.marker == b.marker }
    }

    /// How a commit treats managed paths that already exist in the branch.
    package enum Takeover: Sendable, Equatable {
        /// No check and no trailer (library callers that own the whole branch).
        case unchecked
        /// Records the trailer; refuses (`GitError.unownedPath`) a managed path that exists in
        /// the branch but no earlier platformc commit recorded.
        case ownedOnly
        /// Records the trailer and takes over existing paths (the CLI's `--adopt-path`).
        case adopt
    }

    /// `message` with the trailer naming `paths` appended last (a message may hold an earlier,
    /// injected line of the same name; readers take the last one).
    static func record(_ paths: [String], in message: String) -> String {
        let text = message.hasSuffix("\n") ? message : message + "\n"
        return text + "\(trailer): \(paths.joined(separator: " "))\n"
    }

    /// The paths named by the last trailer line of `message`; nil without one. Invalid paths are dropped.
    static func recorded(in message: String) -> [String]? {
        let prefix = trailer + ": "
        guard let line = message.split(separator: "\n").last(where: { $0.hasPrefix(prefix) }) else { return nil }
        return line.dropFirst(prefix.count).split(separator: " ").map(String.init).filter { (try? RepositoryPath.validate($0)) != nil }
    }

    /// True when `path` is one of `owned` or lies below one.
    static func covers(_ owned: [String], _ path: String) -> Bool {
        owned.contains { path == $0 || path.hasPrefix($0 + "/") }
    }
}

extension GitRepository {
    /// The paths platformc owned at `commit`: the trailer of the nearest commit in its
    /// first-parent history that has one; for a branch last written by a platformc without the
    /// trailer (`legacy`'s marker, platformc's own, at `commit`), that layout's paths; else none.
    package func ownedPaths(at commit: GitObjectID?, legacy: ManagedOwnership.LegacyLayout? = nil) throws -> [String] {
        guard var current = commit else { return [] }
        for _ in 0..<ManagedOwnership.searchDepth {
            var oid = current.oid
            let object = try GitPointer<OpaquePointer>(create: { git_commit_lookup($0, pointer, &oid) }, free: git_commit_free)
            if let message = git_commit_message(object.pointer),
               let paths = ManagedOwnership.recorded(in: String(cString: message)) { return paths }
            guard git_commit_parentcount(object.pointer) > 0, let parent = git_commit_parent_id(object.pointer, 0) else { break }
            current = GitObjectID(parent.pointee)
        }
        guard let legacy, let marker = try files(at: commit!, under: legacy.marker)[legacy.marker] else { return [] }
        return legacy.isOwn(marker) ? legacy.paths : []
    }

    /// Throws `GitError.unownedPath` for the first managed path of `tree` (in path order) that
    /// exists in `parentTree` without being owned at `parent`.
    func checkOwnership(_ tree: ManagedTree, parent: GitObjectID?, parentTree: GitPointer<OpaquePointer>?) throws {
        guard tree.takeover == .ownedOnly, let parentTree else { return }
        var owned: [String]?
        for path in tree.managedPaths.sorted() {
            var entry: OpaquePointer?
            let found = git_tree_entry_bypath(&entry, parentTree.pointer, path)
            if found == GIT_ENOTFOUND.rawValue { continue }
            try GitError.check(found)
            git_tree_entry_free(entry)
            if owned == nil { owned = try ownedPaths(at: parent, legacy: tree.legacy) }
            if !ManagedOwnership.covers(owned ?? [], path) { throw GitError.unownedPath(path) }
        }
    }
}

extension GitRepository {
    /// The files of `commit` (path → bytes) that lie in one of `paths` (folders or files); no
    /// other blob is read.
    package func files(at commit: GitObjectID, within paths: [String]) throws -> [String: [UInt8]] {
        guard !paths.isEmpty else { return [:] }
        let snapshot = try TreeSnapshot(repository: self, tree: try tree(of: commit))
        var files: [String: [UInt8]] = [:]
        for (path, entry) in snapshot.entries where entry.isFile && ManagedOwnership.covers(paths, path) {
            files[path] = try blobBytes(entry.id)
        }
        return files
    }
}
