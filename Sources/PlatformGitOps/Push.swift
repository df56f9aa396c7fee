import CLibGit2
import Foundation

extension GitRepository {
    /// Pushes `branch` to the same branch of `remote`: a path, a `file://` URL, or an https or ssh
    /// URL. Credentials come from `environment` (see `CredentialChoice`); the push never forces.
    ///
    /// - Throws: `GitError.nonFastForward` when the remote branch has commits the local one lacks,
    ///   `GitError.pushRejected` when the remote refuses for another reason,
    ///   `GitError.authenticationFailed` when no credential from the environment was accepted,
    ///   `GitError.credentialInURL` when the URL carries a password (it is never sent),
    ///   `GitError.credentialOverPlainHTTP` when an `http://` remote asks for a credential.
    package func push(
        remote: String, branch: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        try push(remote: remote, branch: branch, environment: environment, allowsPlainHTTPCredentials: false)
    }

    /// `allowsPlainHTTPCredentials`: for tests against a loopback http server only; the public
    /// API never offers a credential over plain http.
    func push(remote: String, branch: String, environment: [String: String], allowsPlainHTTPCredentials: Bool) throws {
        guard try head(branch: branch) != nil else { throw GitError.branchNotFound(branch) }
        let shownRemote = Self.redacted(remote)
        try Self.refuseCredentialInURL(remote)
        let connection = try GitPointer<OpaquePointer>(
            create: { git_remote_create_anonymous($0, pointer, remote) }, free: git_remote_free)
        let session = PushSession(environment: environment, allowsPlainHTTPCredentials: allowsPlainHTTPCredentials)
        var options = git_push_options()
        try GitError.check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)))
        options.callbacks.credentials = acquireCredential
        options.callbacks.push_update_reference = recordReferenceStatus
        let refspec = "refs/heads/\(branch):refs/heads/\(branch)"

        let result = withExtendedLifetime(session) {
            options.callbacks.payload = Unmanaged.passUnretained(session).toOpaque()
            return withRefspec(refspec) { refspecs in git_remote_push(connection.pointer, refspecs, &options) }
        }
        if result == GIT_ENONFASTFORWARD.rawValue { throw GitError.nonFastForward(remote: shownRemote, branch: branch) }
        if result < 0, let failure = session.credentialFailure(remote: shownRemote) { throw failure }
        try GitError.check(result)
        if let status = session.rejection {
            // git's receive-pack says "non-fast-forward" or "fetch first" when the branch moved on.
            if status.contains("non-fast-forward") || status.contains("fetch first") {
                throw GitError.nonFastForward(remote: shownRemote, branch: branch)
            }
            throw GitError.pushRejected(remote: shownRemote, branch: branch, reason: status)
        }
    }

    /// The remote without a secret `user…@` part, for messages.
    static func redacted(_ remote: String) -> String { RemoteURL(remote)?.redacted ?? remote }

    /// A password written into the URL would be sent as is (over plain http too) and shown in
    /// logs: refused before any connection, and never echoed.
    static func refuseCredentialInURL(_ remote: String) throws {
        if let url = RemoteURL(remote), url.hasPassword { throw GitError.credentialInURL(remote: url.redacted) }
    }
}

/// State the C callbacks of one push share through their payload pointer.
final class PushSession {
    let environment: [String: String]
    let allowsPlainHTTPCredentials: Bool
    var offered: CredentialChoice.Offered = []
    /// The environment variables of the last credential offered, for messages (never the value).
    var offeredSource: String?
    /// The remote asked again after a credential was offered: it rejected it.
    var rejected = false
    var askedForCredentials = false
    var refusedPlainHTTP = false
    var rejection: String?

    init(environment: [String: String], allowsPlainHTTPCredentials: Bool) {
        self.environment = environment
        self.allowsPlainHTTPCredentials = allowsPlainHTTPCredentials
    }

    static func from(_ payload: UnsafeMutableRawPointer?) -> PushSession? {
        payload.map { Unmanaged<PushSession>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Why a failed transfer failed, when credentials were involved; nil otherwise.
    func credentialFailure(remote: String) -> GitError? {
        if refusedPlainHTTP { return .credentialOverPlainHTTP(remote: remote) }
        guard askedForCredentials else { return nil }
        if rejected, let offeredSource {
            return .authenticationFailed(remote: remote, message: "the remote rejected the credentials from \(offeredSource)")
        }
        return .authenticationFailed(remote: remote, message: "the remote asked for credentials and the environment has none")
    }
}

let acquireCredential: git_credential_acquire_cb = { out, url, usernameFromURL, allowed, payload in
    guard let out, let session = PushSession.from(payload) else { return GIT_PASSTHROUGH.rawValue }
    session.askedForCredentials = true
    if !session.allowsPlainHTTPCredentials, let url, RemoteURL(String(cString: url))?.isPlainHTTP == true {
        session.refusedPlainHTTP = true
        return GIT_EUSER.rawValue
    }
    guard let choice = CredentialChoice.select(
              allowed: allowed, usernameFromURL: usernameFromURL.map { String(cString: $0) },
              environment: session.environment, offered: session.offered)
    else {
        // Asked again after an offer: the remote said no. Nothing more to offer ends the push.
        session.rejected = !session.offered.isEmpty
        return GIT_PASSTHROUGH.rawValue
    }
    session.offered.insert(choice.kind)
    session.offeredSource = choice.source
    return choice.make(out)
}

private let recordReferenceStatus: git_push_update_reference_cb = { _, status, payload in
    if let status, let session = PushSession.from(payload) { session.rejection = String(cString: status) }
    return 0
}
