/// PlatformGitOps: the compiler's rendered tree, committed to a GitOps repository through libgit2.
///
/// 1. `GitRepository.openOrInit` finds or creates the repository (never searching parent folders).
/// 2. `commitTree` builds the new tree in memory from the branch's current tree: everything under
///    the managed paths is replaced by the given files, everything else is kept. Objects are written
///    first, the branch moves last by compare-and-swap, so a crash leaves the old or the new commit
///    and a concurrent writer gets `GitError.concurrentUpdate` instead of a lost commit.
/// 3. `push` sends the branch to a remote by path, `file://`, https or ssh URL.
///
/// The module knows nothing of Kubernetes; it moves bytes at paths. Every libgit2 call returns
/// through `GitError.check` and every libgit2 object is owned by a `GitPointer`.
import CLibGit2
import Foundation

/// A git repository on disk, bare or with a work tree.
package final class GitRepository {
    let handle: GitPointer<OpaquePointer>
    /// The path the repository was opened or created at.
    package let path: String

    var pointer: OpaquePointer { handle.pointer }

    init(handle: GitPointer<OpaquePointer>, path: String) {
        self.handle = handle
        self.path = path
    }

    /// True for a repository without a work tree.
    package var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// Opens the repository at exactly `path` (parent folders are not searched, so a GitOps folder
    /// inside another checkout is never mistaken for it).
    package static func open(path: String) throws -> GitRepository {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GitError.pathNotFound(path: path)
        }
        guard isDirectory.boolValue else { throw GitError.notADirectory(path: path) }
        do {
            let handle = try GitPointer<OpaquePointer>(
                create: { git_repository_open_ext($0, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil) },
                free: git_repository_free)
            return GitRepository(handle: handle, path: path)
        } catch let error as GitError where error.libgit2Code == GIT_ENOTFOUND.rawValue {
            throw GitError.notARepository(path: path)
        }
    }

    /// Opens the repository at `path`, or creates a non-bare one whose first branch is
    /// `initialBranch` when `path` is missing or an empty directory. A non-empty directory that is
    /// not a repository, or a file, is an error: we never adopt a folder that holds other content.
    package static func openOrInit(path: String, initialBranch: String) throws -> GitRepository {
        try validateBranchName(initialBranch)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return try create(path: path, bare: false, initialBranch: initialBranch)
        }
        guard isDirectory.boolValue else { throw GitError.notADirectory(path: path) }
        do {
            return try open(path: path)
        } catch GitError.notARepository {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]
            guard contents.isEmpty else { throw GitError.notARepository(path: path) }
            return try create(path: path, bare: false, initialBranch: initialBranch)
        }
    }

    /// Creates a bare repository (a push target) at `path`, creating missing folders.
    package static func initBare(path: String, initialBranch: String = "main") throws -> GitRepository {
        try validateBranchName(initialBranch)
        return try create(path: path, bare: true, initialBranch: initialBranch)
    }

    private static func create(path: String, bare: Bool, initialBranch: String) throws -> GitRepository {
        LibGit2.initialize()
        var options = git_repository_init_options()
        try GitError.check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)))
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
            | (bare ? GIT_REPOSITORY_INIT_BARE.rawValue : 0)
        let handle = try initialBranch.withCString { head in
            options.initial_head = head
            return try GitPointer<OpaquePointer>(
                create: { git_repository_init_ext($0, path, &options) }, free: git_repository_free)
        }
        return GitRepository(handle: handle, path: path)
    }

    /// Throws `invalidBranchName` unless `refs/heads/<name>` is a valid reference name.
    static func validateBranchName(_ name: String) throws {
        LibGit2.initialize()
        var valid: Int32 = 0
        try GitError.check(git_reference_name_is_valid(&valid, "refs/heads/" + name))
        guard valid == 1, !name.hasPrefix("-") else { throw GitError.invalidBranchName(name) }
    }

    /// The commit at the tip of `branch`; nil when the branch has no commit yet.
    package func head(branch: String) throws -> GitObjectID? {
        try Self.validateBranchName(branch)
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, "refs/heads/" + branch)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(result)
        return GitObjectID(oid)
    }

    /// The files of `commit` (path → bytes), limited to `prefix` (a folder or a file) when given.
    package func files(at commit: GitObjectID, under prefix: String? = nil) throws -> [String: [UInt8]] {
        let snapshot = try TreeSnapshot(repository: self, tree: try tree(of: commit))
        var files: [String: [UInt8]] = [:]
        for (path, entry) in snapshot.entries where entry.isFile {
            if let prefix, path != prefix, !path.hasPrefix(prefix + "/") { continue }
            files[path] = try blobBytes(entry.id)
        }
        return files
    }

    /// The root tree of a commit.
    func tree(of commit: GitObjectID) throws -> GitPointer<OpaquePointer> {
        var oid = commit.oid
        let object = try GitPointer<OpaquePointer>(
            create: { git_commit_lookup($0, pointer, &oid) }, free: git_commit_free)
        return try GitPointer(create: { git_commit_tree($0, object.pointer) }, free: git_tree_free)
    }

    /// The bytes of a blob.
    func blobBytes(_ id: GitObjectID) throws -> [UInt8] {
        var oid = id.oid
        let blob = try GitPointer<OpaquePointer>(
            create: { git_blob_lookup($0, pointer, &oid) }, free: git_blob_free)
        let size = Int(git_blob_rawsize(blob.pointer))
        guard size > 0, let raw = git_blob_rawcontent(blob.pointer) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }
}
