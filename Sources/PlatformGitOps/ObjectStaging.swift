import CLibGit2

/// A second handle on the repository whose new objects collect in memory (a libgit2 mempack
/// backend) and reach the disk as one packfile, instead of one loose file per blob: a first
/// commit of 31,000 files otherwise costs 31,000 temporary files, renames and fan-out folders.
///
/// Crash safety is unchanged: `writePack` returns only after the pack and its index are renamed
/// into place, and the branch moves after that. A kill before leaves at most a `tmp_pack_*`
/// file and no reference to anything in it.
final class ObjectStaging {
    let repository: GitRepository
    private let odb: GitPointer<OpaquePointer>

    init(for main: GitRepository) throws {
        let staging = try GitRepository.openObjectStore(gitDirectory: String(cString: git_repository_path(main.pointer)))
        repository = staging
        odb = try GitPointer(create: { git_repository_odb($0, staging.pointer) }, free: git_odb_free)
        var backend: OpaquePointer?
        try GitError.check(git_mempack_new(&backend))
        // Highest priority: writes land here; reads fall through to the disk backends. The odb
        // owns the backend from here on and frees it with the handle.
        try GitError.check(git_odb_add_backend(odb.pointer, backend, 999))
    }

    /// Writes every object reachable from `commit` but not from `parent` as one pack.
    func writePack(commit: GitObjectID, parent: GitObjectID?) throws {
        let builder = try GitPointer<OpaquePointer>(
            create: { git_packbuilder_new($0, repository.pointer) }, free: git_packbuilder_free)
        let walk = try GitPointer<OpaquePointer>(
            create: { git_revwalk_new($0, repository.pointer) }, free: git_revwalk_free)
        var tip = commit.oid
        try GitError.check(git_revwalk_push(walk.pointer, &tip))
        if var hidden = parent?.oid { try GitError.check(git_revwalk_hide(walk.pointer, &hidden)) }
        try GitError.check(git_packbuilder_insert_walk(builder.pointer, walk.pointer))
        git_packbuilder_set_threads(builder.pointer, 0) // 0: one thread per core
        let folder = String(cString: git_repository_path(repository.pointer)) + "objects/pack"
        try GitError.check(git_packbuilder_write(builder.pointer, folder, 0, nil, nil))
    }
}

extension GitRepository {
    /// Opens the object store at a `.git` folder (or a bare repository) for writing objects only.
    static func openObjectStore(gitDirectory: String) throws -> GitRepository {
        let handle = try GitPointer<OpaquePointer>(
            create: { git_repository_open_ext($0, gitDirectory, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil) },
            free: git_repository_free)
        return GitRepository(handle: handle, path: gitDirectory)
    }

    /// Makes objects written through another handle (a new pack) visible to this one.
    func refreshObjects() throws {
        let odb = try GitPointer<OpaquePointer>(create: { git_repository_odb($0, pointer) }, free: git_odb_free)
        try GitError.check(git_odb_refresh(odb.pointer))
    }
}
