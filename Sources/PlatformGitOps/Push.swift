import CLibGit2
import Foundation

extension GitRepository {
    /// Pushes `branch` to the same branch of `remote`: a path, a `file://` URL, or an https or ssh
    /// URL. Credentials come from `environment` (see `CredentialChoice`); the push never forces.
    ///
    /// - Throws: `GitError.nonFastForward` when the remote branch has commits the local one lacks,
    ///   `GitError.pushRejected` when the remote refuses for another reason,
    ///   `GitError.authenticationFailed` when no credential from the environment was accepted.
    public func push(
        remote: String, branch: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        guard try head(branch: branch) != nil else { throw GitError.branchNotFound(branch) }
        let shownRemote = Self.redacted(remote)
        let connection = try GitPointer<OpaquePointer>(
            create: { git_remote_create_anonymous($0, pointer, remote) }, free: git_remote_free)
        let session = PushSession(environment: environment)
        var options = git_push_options()
        try GitError.check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)))
        options.callbacks.credentials = acquireCredential
        options.callbacks.push_update_reference = recordReferenceStatus
        let refspec = "refs/heads/\(branch):refs/heads/\(branch)"

        let result = withExtendedLifetime(session) {
            options.callbacks.payload = Unmanaged.passUnretained(session).toOpaque()
            return refspec.withCString { spec in
                var strings: [UnsafeMutablePointer<CChar>?] = [UnsafeMutablePointer(mutating: spec)]
                return strings.withUnsafeMutableBufferPointer { buffer in
                    var refspecs = git_strarray(strings: buffer.baseAddress, count: 1)
                    return git_remote_push(connection.pointer, &refspecs, &options)
                }
            }
        }
        switch result {
        case GIT_ENONFASTFORWARD.rawValue:
            throw GitError.nonFastForward(remote: shownRemote, branch: branch)
        case GIT_EAUTH.rawValue:
            throw GitError.authenticationFailed(remote: shownRemote, message: GitError.last(code: result).description)
        default:
            try GitError.check(result)
        }
        if let status = session.rejection {
            // git's receive-pack says "non-fast-forward" or "fetch first" when the branch moved on.
            if status.contains("non-fast-forward") || status.contains("fetch first") {
                throw GitError.nonFastForward(remote: shownRemote, branch: branch)
            }
            throw GitError.pushRejected(remote: shownRemote, branch: branch, reason: status)
        }
    }

    /// The remote without a `user:password@` part, for messages.
    static func redacted(_ remote: String) -> String {
        guard let scheme = remote.range(of: "://"), let at = remote[scheme.upperBound...].firstIndex(of: "@"),
              !remote[scheme.upperBound..<at].contains("/")
        else { return remote }
        return String(remote[..<scheme.upperBound]) + String(remote[remote.index(after: at)...])
    }
}

/// State the C callbacks of one push share through their payload pointer.
private final class PushSession {
    let environment: [String: String]
    var offered: CredentialChoice.Offered = []
    var rejection: String?

    init(environment: [String: String]) { self.environment = environment }

    static func from(_ payload: UnsafeMutableRawPointer?) -> PushSession? {
        payload.map { Unmanaged<PushSession>.fromOpaque($0).takeUnretainedValue() }
    }
}

private let acquireCredential: git_credential_acquire_cb = { out, _, usernameFromURL, allowed, payload in
    guard let out, let session = PushSession.from(payload),
          let choice = CredentialChoice.select(
              allowed: allowed, usernameFromURL: usernameFromURL.map { String(cString: $0) },
              environment: session.environment, offered: session.offered)
    else { return GIT_PASSTHROUGH.rawValue }  // nothing (more) to offer: libgit2 reports the failure
    session.offered.insert(choice.kind)
    return choice.make(out)
}

private let recordReferenceStatus: git_push_update_reference_cb = { _, status, payload in
    if let status, let session = PushSession.from(payload) { session.rejection = String(cString: status) }
    return 0
}
