/// The content the compiler owns in a GitOps branch: the managed paths and every file under them.
///
/// Committing a `ManagedTree` replaces everything under `managedPaths` with `files` (files that
/// are no longer produced are pruned) and keeps everything else in the branch untouched.
package struct ManagedTree: Equatable, Sendable {
    /// Repository-relative directories or files the compiler owns, e.g. `["clusters", "argocd",
    /// "platform.lock.json"]`.
    package var managedPaths: [String]
    /// Repository-relative path → file text (written as its UTF-8 bytes); every path must lie
    /// under a managed path. Text, as the compiler renders it: hashing and writing read the
    /// String's own UTF-8 storage, sparing a byte-array copy of every file on each commit.
    package var files: [String: String]
    /// Whether existing paths of the branch may be replaced, and whether the commit records its
    /// managed paths (`ManagedOwnership`).
    package var takeover: ManagedOwnership.Takeover = .unchecked
    /// How to recognise a branch last written by a platformc that recorded no managed paths.
    package var legacy: ManagedOwnership.LegacyLayout?

    package init(managedPaths: [String], files: [String: String]) {
        self.managedPaths = managedPaths
        self.files = files
    }

    /// True when `path` is a managed path or lies below one.
    func isManaged(_ path: String) -> Bool {
        managedPaths.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// Checks every managed path and file path before anything is written; the error reported is
    /// the first in the sorted order of the paths.
    ///
    /// One pass over the files in any order with cheap checks; only when one fails are the paths
    /// sorted and checked one by one as before, to report that first error.
    func validate() throws {
        for path in managedPaths {
            try RepositoryPath.validate(path)
            // A managed path replaces whole what it names: never git's own files.
            if path.split(separator: "/").contains(where: { $0.lowercased().hasPrefix(".git") }) {
                throw GitError.invalidPath(path, reason: "a managed path must not name git metadata")
            }
        }
        let folderPrefixes = managedPaths.map { $0 + "/" }
        var folders: Set<Substring> = [] // every folder that holds a file
        var clean = true
        for path in files.keys {
            guard RepositoryPath.isPlainlyValid(path),
                  managedPaths.contains(path) || folderPrefixes.contains(where: { path.hasPrefix($0) })
            else { clean = false; break }
            var folder = Substring(path)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                if !folders.insert(folder).inserted { break }
            }
        }
        if clean, !folders.contains(where: { files[String($0)] != nil }) { return }
        try validateOneByOne()
    }

    private func validateOneByOne() throws {
        for path in files.keys.sorted() {
            try RepositoryPath.validate(path)
            guard isManaged(path) else { throw GitError.pathOutsideManagedPaths(path) }
            // A tree cannot hold `a` as a file and `a/b` below it.
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if files[String(folder)] != nil {
                    throw GitError.invalidPath(path, reason: "`\(folder)` is also a file")
                }
            }
        }
    }
}

/// Which files under the managed paths a commit added, changed and removed (sorted paths).
package struct ChangeStats: Equatable, Sendable {
    package var added: [String]
    package var changed: [String]
    package var removed: [String]
    /// Changed paths of the checked-out work tree that held a local edit: the edit was kept, the
    /// index records the commit's version, so the edit shows as an unstaged change.
    package var keptLocalEdits: [String]

    package init(added: [String] = [], changed: [String] = [], removed: [String] = [], keptLocalEdits: [String] = []) {
        self.added = added
        self.changed = changed
        self.removed = removed
        self.keptLocalEdits = keptLocalEdits
    }
}

/// What `GitRepository.commitTree` did.
package enum CommitOutcome: Equatable, Sendable {
    /// The tree already matched the branch: no commit was made. Carries the branch head
    /// (nil for a branch without commits and nothing to write).
    case unchanged(GitObjectID?)
    /// A new commit now heads the branch.
    case committed(GitObjectID, stats: ChangeStats)
}

/// Rules for paths written into a tree: git would store some of these, but a checkout of them
/// escapes the work tree, collides with `.git` or cannot be represented on disk.
enum RepositoryPath {
    /// True when `path` passes `validate` by a plain look at its bytes: ASCII, no control
    /// characters or backslash, no empty, `.`, `..` or `.git` component. False says nothing;
    /// `validate` then decides.
    static func isPlainlyValid(_ path: String) -> Bool {
        path.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.isEmpty, bytes[0] != UInt8(ascii: "/") else { return false }
            var start = 0
            for i in 0...bytes.count {
                let byte = i < bytes.count ? bytes[i] : UInt8(ascii: "/")
                if byte < 0x20 || byte >= 0x7f || byte == UInt8(ascii: "\\") { return false }
                guard byte == UInt8(ascii: "/") else { continue }
                let component = bytes[start..<i]
                if component.isEmpty || component.allSatisfy({ $0 == UInt8(ascii: ".") }) && component.count <= 2 { return false }
                if component.count == 4, component.map({ $0 | 0x20 }).elementsEqual(".git".utf8) { return false }
                start = i + 1
            }
            return true
        } ?? false
    }

    static func validate(_ path: String) throws {
        func reject(_ reason: String) -> GitError { .invalidPath(path, reason: reason) }
        if path.isEmpty { throw reject("the path is empty") }
        if path.hasPrefix("/") { throw reject("absolute paths are not allowed") }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            throw reject("control characters are not allowed")
        }
        if path.contains("\\") { throw reject("backslashes are not allowed") }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "": throw reject("empty path components are not allowed")
            case ".", "..": throw reject("`.` and `..` components are not allowed")
            default:
                if component.lowercased() == ".git" { throw reject("`.git` components are not allowed") }
            }
        }
    }
}
