import CLibGit2

/// Everything that can go wrong in a GitOps operation, with messages a user can act on.
package enum GitError: Error, Equatable, CustomStringConvertible {
    /// A libgit2 call failed: its error code (`GIT_E…`), error class and message.
    case libgit2(code: Int32, klass: Int32, message: String)
    /// The branch moved between reading it and updating it. Retryable: read the head again.
    case concurrentUpdate(branch: String, expected: GitObjectID?, actual: GitObjectID?)
    /// The remote branch has commits the local branch lacks.
    case nonFastForward(remote: String, branch: String)
    /// The remote refused the update for another reason (hook, protected branch…).
    case pushRejected(remote: String, branch: String, reason: String)
    /// The remote asked for credentials and none from the environment were accepted.
    case authenticationFailed(remote: String, message: String)
    /// A remote URL carries a password (`user:password@`); the remote is shown without it.
    case credentialInURL(remote: String)
    /// An `http://` remote asked for a credential; it is never sent in the clear.
    case credentialOverPlainHTTP(remote: String)
    /// The path exists but holds no git repository.
    case notARepository(path: String)
    /// Nothing exists at the path.
    case pathNotFound(path: String)
    /// The local branch to push has no commit.
    case branchNotFound(String)
    /// The path exists and is a file where a repository directory was expected.
    case notADirectory(path: String)
    /// `refs/heads/<name>` is not a valid reference name.
    case invalidBranchName(String)
    /// A repository-relative path that must not be written (absolute, `..`, control characters…).
    case invalidPath(String, reason: String)
    /// A file was given that lies outside every managed path, so committing it would touch
    /// content the caller does not own.
    case pathOutsideManagedPaths(String)
    /// The commit landed and the branch moved, but the checked-out files could not follow.
    case workingTreeNotUpdated(commit: GitObjectID, message: String)
    /// A folder on the way to a changed path of the work tree is a symbolic link: nothing was
    /// committed or written, since a write would leave the work tree.
    case workTreeLink(path: String)
    /// A managed path exists in the branch but no earlier platformc commit wrote it: replacing it
    /// would delete files platformc does not own. Nothing was committed.
    case unownedPath(String)

    /// True when running the same operation again (after re-reading the branch) may succeed.
    package var isRetryable: Bool {
        if case .concurrentUpdate = self { return true }
        if case .libgit2(let code, _, _) = self { return code == GIT_ELOCKED.rawValue }
        return false
    }

    package var description: String {
        switch self {
        case .libgit2(let code, _, let message) where code == GIT_ELOCKED.rawValue:
            // A crash while holding a lock leaves the `.lock` file behind; git cannot tell that from
            // a live writer, so the user decides.
            return "libgit2 error \(code): \(message); another git process may be writing, retry; "
                + "if none is running, remove the stale `.lock` file"
        case .libgit2(let code, _, let message):
            return "libgit2 error \(code): \(message)"
        case .concurrentUpdate(let branch, let expected, let actual):
            return "branch `\(branch)` moved concurrently: expected \(expected?.hex ?? "no commit"), "
                + "found \(actual?.hex ?? "no commit"); read the branch again and retry"
        case .nonFastForward(let remote, let branch):
            return "push of `\(branch)` to \(remote) rejected: the remote branch has commits that are "
                + "not in the local branch (non-fast-forward); fetch and recommit first"
        case .pushRejected(let remote, let branch, let reason):
            return "push of `\(branch)` to \(remote) rejected: \(reason)"
        case .authenticationFailed(let remote, let message):
            return "authentication to \(remote) failed: \(message); set GIT_USERNAME/GIT_PASSWORD "
                + "or GITHUB_TOKEN for https, or load a key into ssh-agent for ssh"
        case .credentialInURL(let remote):
            return "credential in URL: the remote \(remote) carries a password, which platformc neither sends nor "
                + "prints; remove it from the URL and set GIT_USERNAME/GIT_PASSWORD or GITHUB_TOKEN instead"
        case .credentialOverPlainHTTP(let remote):
            return "refusing to send credentials to \(remote) over plain http, where anyone on the path can read "
                + "them; use an https:// or ssh URL"
        case .notARepository(let path):
            return "`\(path)` exists but is not a git repository; point at a repository or at a "
                + "new or empty directory"
        case .pathNotFound(let path):
            return "`\(path)` does not exist"
        case .branchNotFound(let branch):
            return "branch `\(branch)` has no commit to push"
        case .notADirectory(let path):
            return "`\(path)` is a file, not a repository directory"
        case .invalidBranchName(let name):
            return "`\(name)` is not a valid branch name"
        case .invalidPath(let path, let reason):
            return "invalid repository path `\(path)`: \(reason)"
        case .pathOutsideManagedPaths(let path):
            return "`\(path)` lies outside the managed paths; only managed paths may be written"
        case .workingTreeNotUpdated(let commit, let message):
            return "committed \(commit.hex), but the checked-out files were not updated: \(message)"
        case .workTreeLink(let path):
            return "refusing to commit: `\(path)` in the work tree is a symbolic link, and platformc "
                + "never writes through one; replace it with a real folder (nothing was committed or written)"
        case .unownedPath(let path):
            return "refusing to commit: `\(path)` already exists in the branch and was not written by platformc, "
                + "so replacing it would delete files platformc does not own; choose another `gitops.path`, "
                + "or pass --adopt-path to let platformc take it over (nothing was committed)"
        }
    }

    /// The one error path for libgit2: negative results become a thrown error carrying
    /// libgit2's own message; zero and positive results (counts, booleans) pass through.
    @discardableResult
    static func check(_ result: Int32) throws -> Int32 {
        guard result < 0 else { return result }
        throw last(code: result)
    }

    /// The thread-local libgit2 error for a failed call that returned `code`.
    static func last(code: Int32) -> GitError {
        guard let error = git_error_last(), let message = error.pointee.message else {
            return .libgit2(code: code, klass: 0, message: "unknown error")
        }
        return .libgit2(code: code, klass: error.pointee.klass, message: String(cString: message))
    }

    /// The libgit2 error code, when this error came from libgit2.
    var libgit2Code: Int32? {
        if case .libgit2(let code, _, _) = self { return code }
        return nil
    }
}
