import CLibGit2
import Foundation

extension GitRepository {
    /// A bare copy of the remote repository at `url`, kept under `cacheRoot` (one folder per URL,
    /// named by the SHA-1 of the URL without user-info) and fetched now, with `branch` set to the
    /// remote's branch: the remote is the truth, so a commit left unpushed by an earlier run is
    /// dropped. The branch is absent when the remote has none yet.
    ///
    /// Commit on it with `commitTree`, then `push(remote: url, …)`. Credentials come from
    /// `environment` as for `push`.
    package static func remoteCache(
        of url: String, branch: String, cacheRoot: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> GitRepository {
        try validateBranchName(branch)
        try refuseCredentialInURL(url)
        let path = cacheRoot + "/" + cacheName(of: url)
        let repository = FileManager.default.fileExists(atPath: path)
            ? try open(path: path) : try initBare(path: path, initialBranch: branch)
        try repository.fetch(url, branch: branch, environment: environment, allowsPlainHTTPCredentials: false)
        return repository
    }

    /// `<40 hex>.git`: the same folder for the same remote, whatever credentials reach it.
    static func cacheName(of url: String) -> String {
        var hash = SHA1()
        hash.update(Array((RemoteURL(url)?.redacted ?? url).utf8))
        return hash.finish().map { String(format: "%02x", $0) }.joined() + ".git"
    }

    /// Fetches `branch` of `url` and points the local branch at it (deleting it when the remote
    /// has no such branch).
    func fetch(_ url: String, branch: String, environment: [String: String], allowsPlainHTTPCredentials: Bool) throws {
        let tracking = "refs/remotes/platformc/" + branch
        try deleteReference(tracking)
        let connection = try GitPointer<OpaquePointer>(
            create: { git_remote_create_anonymous($0, pointer, url) }, free: git_remote_free)
        let session = PushSession(environment: environment, allowsPlainHTTPCredentials: allowsPlainHTTPCredentials)
        var options = git_fetch_options()
        try GitError.check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)))
        options.callbacks.credentials = acquireCredential
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        let refspec = "+refs/heads/\(branch):\(tracking)"
        let result = withExtendedLifetime(session) {
            options.callbacks.payload = Unmanaged.passUnretained(session).toOpaque()
            return withRefspec(refspec) { refspecs in git_remote_fetch(connection.pointer, refspecs, &options, "platformc: fetch") }
        }
        if result < 0, let failure = session.credentialFailure(remote: Self.redacted(url)) { throw failure }
        try GitError.check(result)

        var oid = git_oid()
        let found = git_reference_name_to_id(&oid, pointer, tracking)
        guard found == 0 else {
            if found != GIT_ENOTFOUND.rawValue { try GitError.check(found) }
            try deleteReference("refs/heads/" + branch)
            return
        }
        _ = try GitPointer<OpaquePointer>(create: {
            git_reference_create($0, pointer, "refs/heads/" + branch, &oid, 1, "platformc: fetch \(Self.redacted(url))")
        }, free: git_reference_free)
    }

    private func deleteReference(_ name: String) throws {
        let result = git_reference_remove(pointer, name)
        if result != GIT_ENOTFOUND.rawValue { try GitError.check(result) }
    }
}
