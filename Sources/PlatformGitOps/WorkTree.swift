import CLibGit2

extension GitRepository {
    /// Step 3, only for a non-bare repository whose HEAD is the committed branch: brings the
    /// checked-out files and the on-disk index to the new commit so `git status` stays clean.
    ///
    /// Safe against the parent's tree as baseline: a file is written or removed only when it still
    /// holds the parent's content; local edits are never overwritten. If any would be, nothing is
    /// changed and `GitError.workingTreeNotUpdated` reports it (the commit stands).
    func updateWorkTree(after prepared: PreparedCommit, files: [String: String]) throws {
        guard !isBare, try headBranchReference() == "refs/heads/" + prepared.branch else { return }
        do {
            if WorkTreeUpdate.handles(prepared.changes) {
                try WorkTreeUpdate(repository: self, changes: prepared.changes, files: files).run()
            } else {
                try checkOut(prepared)
            }
        } catch let error as GitError {
            let reason: String
            if case .libgit2(GIT_ECONFLICT.rawValue, _, let message) = error {
                reason = "local changes would be overwritten (\(message)); `git checkout -f` makes the files "
                    + "match the commit, discarding those changes"
            } else {
                reason = error.description
            }
            throw GitError.workingTreeNotUpdated(commit: prepared.commit, message: reason)
        }
    }

    /// libgit2's safe checkout of the whole commit, for changes `WorkTreeUpdate` does not handle
    /// (executables, symlinks, submodules, a file turning into a folder).
    private func checkOut(_ prepared: PreparedCommit) throws {
        let tree = try tree(of: prepared.commit)
        var options = git_checkout_options()
        try GitError.check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)))
        options.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
        options.baseline = prepared.parentTree?.pointer
        // Managed files are compiler output written byte for byte; skipping the filter list
        // saves a .gitattributes lookup (realpath and opens per folder level) for every file.
        options.disable_filters = 1
        try GitError.check(git_checkout_tree(pointer, tree.pointer, &options))
    }

    /// The reference HEAD names (e.g. `refs/heads/main`), also for an unborn branch; nil when HEAD
    /// is detached.
    func headBranchReference() throws -> String? {
        let head = try GitPointer<OpaquePointer>(
            create: { git_reference_lookup($0, pointer, "HEAD") }, free: git_reference_free)
        guard let target = git_reference_symbolic_target(head.pointer) else { return nil }
        return String(cString: target)
    }
}
