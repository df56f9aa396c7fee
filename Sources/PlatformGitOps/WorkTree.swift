import CLibGit2

extension GitRepository {
    /// Step 3, only for a non-bare repository whose HEAD is the committed branch: brings the
    /// checked-out files and the on-disk index to the new commit so `git status` stays clean.
    ///
    /// Safe against the parent's tree as baseline: a file is written or removed only when it holds
    /// what platformc wrote there; local edits are never overwritten. They are kept and returned,
    /// and the index moves to the commit for them too. An update a crash cut short is finished
    /// (`WorkTreeRecovery`). Only libgit2's checkout, for changes `WorkTreeUpdate` does not handle,
    /// still refuses as a whole: then `GitError.workingTreeNotUpdated` reports it (the commit stands).
    func updateWorkTree(after prepared: PreparedCommit, files: [String: String]) throws -> [String] {
        try updateWorkTree(from: prepared.parent, to: prepared.commit, branch: prepared.branch,
                           changes: prepared.changes, parentTree: prepared.parentTree, files: files)
    }

    /// When a journal says an earlier update of `branch` did not finish, finishes it toward the
    /// branch head (a recommit with nothing to change must still repair the work tree).
    func finishInterruptedUpdate(branch: String, files: [String: String]) throws -> [String] {
        guard !isBare, WorkTreeJournal(repository: self).interrupted() != nil,
              let head = try head(branch: branch) else { return [] }
        return try updateWorkTree(from: head, to: head, branch: branch, changes: [], parentTree: nil, files: files)
    }

    private func updateWorkTree(
        from parent: GitObjectID?, to commit: GitObjectID, branch: String, changes: [FileChange],
        parentTree: GitPointer<OpaquePointer>?, files: [String: String]
    ) throws -> [String] {
        guard !isBare, try headBranchReference() == "refs/heads/" + branch else { return [] }
        let journal = WorkTreeJournal(repository: self)
        let interrupted = journal.interrupted()
        do {
            var update = WorkTreeUpdate(repository: self, changes: changes, files: files)
            guard WorkTreeUpdate.handles(changes) else {
                try checkOut(commit, baseline: parentTree)
                return []
            }
            if let interrupted {
                update = try recoveringUpdate(update, parent: parent, commit: commit, base: .some(interrupted.from)) ?? update
            } else {
                let narrow = update
                update.widenOnConflict = { try self.recoveringUpdate(narrow, parent: parent, commit: commit, base: nil) }
            }
            try journal.begin(from: interrupted?.from ?? parent, to: commit)
            let kept = try update.run()
            journal.end()
            return kept
        } catch let error as GitError {
            let reason: String
            if case .libgit2(GIT_ECONFLICT.rawValue, _, let message) = error {
                reason = "local changes would be overwritten (\(message)); `git checkout -f` makes the files "
                    + "match the commit, discarding those changes"
            } else {
                reason = error.description
            }
            throw GitError.workingTreeNotUpdated(commit: commit, message: reason)
        }
    }

    /// libgit2's safe checkout of the whole commit, for changes `WorkTreeUpdate` does not handle
    /// (executables, symlinks, submodules, a file turning into a folder).
    private func checkOut(_ commit: GitObjectID, baseline: GitPointer<OpaquePointer>?) throws {
        let tree = try tree(of: commit)
        var options = git_checkout_options()
        try GitError.check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)))
        options.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
        options.baseline = baseline?.pointer
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
