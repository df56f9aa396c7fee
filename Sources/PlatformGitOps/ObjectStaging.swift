import CLibGit2

/// A second handle on the repository whose new objects collect in memory (a libgit2 mempack
/// backend) and reach the disk as one packfile (`PackWriter`), instead of one loose file per blob:
/// a first commit of 31,000 files otherwise costs 31,000 temporary files, renames and fan-out folders.
///
/// Crash safety: `writePack` returns only after the pack and its index are renamed into place, and
/// the branch moves after that. A kill before leaves at most a `tmp_pack_*` file and no reference
/// to anything in it.
final class ObjectStaging {
    let repository: GitRepository
    private let odb: GitPointer<OpaquePointer>
    /// The repository's own object database, which writes the pack.
    private let disk: GitPointer<OpaquePointer>
    /// Owned by `odb`, which frees it with the handle.
    private let memory: UnsafeMutablePointer<git_odb_backend>
    /// The blobs staged so far, each once, for the pack.
    private var blobs: [PackObject] = []

    /// - Parameter withParent: whether the commit has a parent, whose objects the new trees refer
    ///   to. Without one the staging store is memory alone: every write to a store with disk
    ///   backends first looks for the object there and rescans the pack folder when it is missing.
    init(for main: GitRepository, withParent: Bool) throws {
        disk = try GitPointer(create: { git_repository_odb($0, main.pointer) }, free: git_odb_free)
        let staging: GitRepository
        if withParent {
            staging = try GitRepository.openObjectStore(gitDirectory: String(cString: git_repository_path(main.pointer)))
            odb = try GitPointer(create: { git_repository_odb($0, staging.pointer) }, free: git_odb_free)
        } else {
            let memoryOnly = try GitPointer<OpaquePointer>(create: { git_odb_new($0) }, free: git_odb_free)
            let handle = try GitPointer<OpaquePointer>(create: { git_repository_wrap_odb($0, memoryOnly.pointer) },
                free: git_repository_free)
            staging = GitRepository(handle: handle, path: main.path)
            odb = memoryOnly
        }
        repository = staging
        var backend: UnsafeMutablePointer<git_odb_backend>?
        try GitError.check(git_mempack_new(&backend))
        // Highest priority: writes land here; reads fall through to the disk backends, if any.
        try GitError.check(git_odb_add_backend(odb.pointer, backend, 999))
        memory = backend!
    }

    /// Stores a blob under the id the caller computed with `git_odb_hash`.
    func stageBlob(_ text: String, id: git_oid) throws {
        var id = id
        guard memory.pointee.exists!(memory, &id) == 0 else { return }
        let bytes = Array(text.utf8)
        // Straight into memory: `git_odb_write` would first look for the object in every backend and
        // rescan the pack folder when none has it, which for 31,000 new blobs cost more than the copy.
        _ = try bytes.withUnsafeBytes { buffer in
            try GitError.check(memory.pointee.write!(memory, &id, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB))
        }
        blobs.append(PackObject(type: GIT_OBJECT_BLOB, bytes: bytes))
    }

    /// Writes as one pack every object reachable from `commit` that the parent commit (whose tree is
    /// `parentTree`) does not reach: the commit, the trees that differ from the parent's tree at the
    /// same path, and the staged blobs.
    func writePack(commit: GitObjectID, parentTree: GitPointer<OpaquePointer>?) throws {
        let tree = try repository.tree(of: commit)
        var objects = [try read(commit.oid)]
        var seen: Set<GitObjectID> = []
        try collectTrees(tree.pointer, unlike: parentTree?.pointer, into: &objects, seen: &seen)
        try PackWriter.write(objects + blobs, to: disk.pointer)
    }

    /// Appends `tree` and every subtree, depth first, that differs from the subtree at the same path
    /// of `old` (an unchanged subtree and all below it are already in the repository).
    private func collectTrees(
        _ tree: OpaquePointer, unlike old: OpaquePointer?, into objects: inout [PackObject], seen: inout Set<GitObjectID>
    ) throws {
        guard seen.insert(GitObjectID(git_tree_id(tree))).inserted else { return }
        objects.append(try read(git_tree_id(tree).pointee))
        for position in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, position), git_tree_entry_type(entry) == GIT_OBJECT_TREE
            else { continue }
            let before = old.flatMap { git_tree_entry_byname($0, git_tree_entry_name(entry)) }
            if let before, git_oid_equal(git_tree_entry_id(before), git_tree_entry_id(entry)) == 1 { continue }
            let subtree = try lookupTree(git_tree_entry_id(entry).pointee)
            let oldSubtree = try before
                .flatMap { git_tree_entry_type($0) == GIT_OBJECT_TREE ? try lookupTree(git_tree_entry_id($0).pointee) : nil }
            try collectTrees(subtree.pointer, unlike: oldSubtree?.pointer, into: &objects, seen: &seen)
        }
    }

    private func lookupTree(_ id: git_oid) throws -> GitPointer<OpaquePointer> {
        var id = id
        return try GitPointer(create: { git_tree_lookup($0, repository.pointer, &id) }, free: git_tree_free)
    }

    private func read(_ id: git_oid) throws -> PackObject {
        var id = id
        let object = try GitPointer<OpaquePointer>(create: { git_odb_read($0, odb.pointer, &id) }, free: git_odb_object_free)
        let bytes = UnsafeRawBufferPointer(start: git_odb_object_data(object.pointer), count: git_odb_object_size(object.pointer))
        return PackObject(type: git_odb_object_type(object.pointer), bytes: Array(bytes))
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
