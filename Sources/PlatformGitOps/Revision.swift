import CLibGit2

extension GitRepository {
    /// The commit a revision names (`main`, `origin/main`, a tag, a full or abbreviated id,
    /// `HEAD~1`: anything `git rev-parse` accepts); nil when nothing by that name exists.
    package func commit(revision: String) throws -> GitObjectID? {
        guard !revision.hasPrefix("-") else { return nil }
        var object: OpaquePointer?
        let result = git_revparse_single(&object, pointer, revision)
        if result == GIT_ENOTFOUND.rawValue || result == GIT_EAMBIGUOUS.rawValue || result == GIT_EINVALIDSPEC.rawValue { return nil }
        try GitError.check(result)
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try GitError.check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT))
        defer { git_object_free(commit) }
        return GitObjectID(git_object_id(commit)!)
    }
}
