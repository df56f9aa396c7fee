import CLibGit2
import Foundation

/// A commit whose objects are in the database but which no branch points at yet.
struct PreparedCommit {
    let branch: String
    let commit: GitObjectID
    let parent: GitObjectID?
    let parentTree: GitPointer<OpaquePointer>?
    /// Every managed path whose entry changes, sorted by path.
    let changes: [FileChange]
    let stats: ChangeStats
    /// The reflog line, worded as git words it, so `git reflog` reads the same as for CLI commits.
    let reflogMessage: String
}

extension GitRepository {
    /// Commits `tree` onto `branch` if it changes anything.
    ///
    /// - Parameters:
    ///   - expectedHead: the head the caller read (nil: the branch must not exist yet). The branch
    ///     only moves if it still points there; otherwise `GitError.concurrentUpdate` is thrown and
    ///     nothing the other writer committed is lost.
    ///   - time: the author and committer time (UTC); pass a fixed date for reproducible ids.
    /// - Returns: `.unchanged` when the resulting tree equals the parent's tree (no commit is made).
    /// - Throws: `GitError.workingTreeNotUpdated` when the commit landed but libgit2's checkout (used
    ///   for executables and symlinks) refused to overwrite local edits. `WorkTreeUpdate` keeps such
    ///   edits instead and lists them in `ChangeStats.keptLocalEdits`.
    package func commitTree(
        _ tree: ManagedTree, branch: String, message: String,
        author: GitSignature, committer: GitSignature,
        expectedHead: GitObjectID?, time: Date = Date()
    ) throws -> CommitOutcome {
        try commitTree(tree, branch: branch, message: { _ in message }, author: author, committer: committer,
                       expectedHead: expectedHead, time: time)
    }

    /// Like `commitTree(_:branch:message:…)` with the message written from the change (known only
    /// once the tree is built).
    package func commitTree(
        _ tree: ManagedTree, branch: String, message: (ChangeStats) -> String,
        author: GitSignature, committer: GitSignature,
        expectedHead: GitObjectID?, time: Date = Date()
    ) throws -> CommitOutcome {
        guard let prepared = try prepareCommit(
            tree, branch: branch, message: message, author: author, committer: committer,
            expectedHead: expectedHead, time: time)
        else {
            _ = try finishInterruptedUpdate(branch: branch, files: tree.files)
            return .unchanged(expectedHead)
        }
        try checkWorkTreeContainment(prepared)
        try publish(prepared)
        var stats = prepared.stats
        stats.keptLocalEdits = try updateWorkTree(after: prepared, files: tree.files)
        return .committed(prepared.commit, stats: stats)
    }

    /// Like `commitTree`, reading the branch head itself and retrying (up to `attempts` times) when
    /// another writer moves the branch in between; each retry rebuilds the tree on the new head.
    package func commitTree(
        _ tree: ManagedTree, branch: String, message: String,
        author: GitSignature, committer: GitSignature,
        time: Date = Date(), attempts: Int = 5
    ) throws -> CommitOutcome {
        try commitTree(tree, branch: branch, message: { _ in message }, author: author, committer: committer,
                       time: time, attempts: attempts)
    }

    /// Like `commitTree(_:branch:message:…attempts:)` with the message written from the change.
    package func commitTree(
        _ tree: ManagedTree, branch: String, message: (ChangeStats) -> String,
        author: GitSignature, committer: GitSignature,
        time: Date = Date(), attempts: Int = 5
    ) throws -> CommitOutcome {
        var attempt = 1
        while true {
            do {
                return try commitTree(tree, branch: branch, message: message, author: author,
                                      committer: committer, expectedHead: try head(branch: branch), time: time)
            } catch let error as GitError where error.isRetryable && attempt < attempts {
                attempt += 1
                usleep(UInt32.random(in: 1_000...20_000)) // let the other writer release the ref lock
            }
        }
    }

    /// Step 1: checks the head, writes blobs, trees and the commit object. Moves no reference, so
    /// stopping after this step (a crash) leaves only unreachable objects that `git gc` prunes.
    /// Returns nil when the tree would not change.
    func prepareCommit(
        _ tree: ManagedTree, branch: String, message makeMessage: (ChangeStats) -> String,
        author: GitSignature, committer: GitSignature,
        expectedHead: GitObjectID?, time: Date
    ) throws -> PreparedCommit? {
        try Self.validateBranchName(branch)
        try tree.validate()
        let current = try head(branch: branch)
        guard current == expectedHead else {
            throw GitError.concurrentUpdate(branch: branch, expected: expectedHead, actual: current)
        }
        let parentTree = try expectedHead.map { try self.tree(of: $0) }
        try checkOwnership(tree, parent: expectedHead, parentTree: parentTree)
        // New objects go through a staging handle into memory, then to disk as one pack.
        let staging = try ObjectStaging(for: self, withParent: parentTree != nil)
        let written = try CommitTreeBuilder(staging: staging).write(tree, onto: parentTree)
        let parentTreeID = parentTree.map { GitObjectID(git_tree_id($0.pointer)) }
        let emptyBranch = parentTree == nil && written.changes.isEmpty
        if written.tree == parentTreeID || emptyBranch { return nil }

        let stats = written.stats
        var message = makeMessage(stats)
        if tree.takeover != .unchecked { message = ManagedOwnership.record(tree.managedPaths, in: message) }
        let commit = try staging.repository.writeCommit(
            tree: written.tree, parent: expectedHead, message: message,
            author: author.make(at: time), committer: committer.make(at: time))
        try staging.writePack(commit: commit, parentTree: parentTree)
        try refreshObjects()
        let subject = message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return PreparedCommit(
            branch: branch, commit: commit, parent: expectedHead, parentTree: parentTree,
            changes: written.changes, stats: stats,
            reflogMessage: (expectedHead == nil ? "commit (initial): " : "commit: ") + subject)
    }

    func writeCommit(
        tree treeID: GitObjectID, parent: GitObjectID?, message: String,
        author: GitPointer<UnsafeMutablePointer<git_signature>>,
        committer: GitPointer<UnsafeMutablePointer<git_signature>>
    ) throws -> GitObjectID {
        var treeOID = treeID.oid
        let tree = try GitPointer<OpaquePointer>(create: { git_tree_lookup($0, pointer, &treeOID) }, free: git_tree_free)
        let parentCommit = try parent.map { id -> GitPointer<OpaquePointer> in
            var oid = id.oid
            return try GitPointer(create: { git_commit_lookup($0, pointer, &oid) }, free: git_commit_free)
        }
        var parents: [OpaquePointer?] = parentCommit.map { [$0.pointer] } ?? []
        // git's own tools end a message with a newline; `git log` and `format-patch` expect it.
        let text = message.hasSuffix("\n") ? message : message + "\n"
        var oid = git_oid()
        try GitError.check(git_commit_create(
            &oid, pointer, nil, author.pointer, committer.pointer, nil, text, tree.pointer, parents.count, &parents))
        return GitObjectID(oid)
    }

    /// Step 2: moves the branch by compare-and-swap. libgit2 takes the ref's lock file, compares the
    /// current value with the expected one, and renames the lock into place, so the branch is
    /// either at the old commit or at the new one, and a concurrent move is detected, not lost.
    func publish(_ prepared: PreparedCommit) throws {
        let name = "refs/heads/" + prepared.branch
        let log = prepared.reflogMessage
        var target = prepared.commit.oid
        var expected = prepared.parent?.oid ?? git_oid()
        do {
            _ = try GitPointer<OpaquePointer>(create: { reference in
                prepared.parent == nil
                    ? git_reference_create(reference, pointer, name, &target, 0, log)
                    : git_reference_create_matching(reference, pointer, name, &target, 1, &expected, log)
            }, free: git_reference_free)
        } catch let error as GitError
            where error.libgit2Code == GIT_EMODIFIED.rawValue || error.libgit2Code == GIT_EEXISTS.rawValue {
            throw GitError.concurrentUpdate(
                branch: prepared.branch, expected: prepared.parent, actual: try head(branch: prepared.branch))
        }
    }
}
