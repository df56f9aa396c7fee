import CLibGit2

/// Which credential to offer when a remote asks, read from the environment only; each kind is
/// offered once so a rejected credential ends the push instead of looping.
enum CredentialChoice: Equatable {
    /// `source`: the environment variables it came from, for messages.
    case userPassword(username: String, password: String, source: String)
    case sshAgent(username: String)

    /// The kinds already offered in this push.
    struct Offered: OptionSet {
        let rawValue: Int
        static let userPassword = Offered(rawValue: 1)
        static let sshAgent = Offered(rawValue: 2)
    }

    /// https: `GIT_USERNAME` (or the URL's user) with `GIT_PASSWORD`, else `GITHUB_TOKEN` or
    /// `GIT_TOKEN` as GitHub's `x-access-token` user. ssh: the key in ssh-agent for the URL's user
    /// (default `git`).
    static func select(
        allowed: UInt32, usernameFromURL: String?, environment: [String: String], offered: Offered
    ) -> CredentialChoice? {
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0, !offered.contains(.sshAgent) {
            return .sshAgent(username: usernameFromURL ?? environment["GIT_SSH_USER"] ?? "git")
        }
        guard allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, !offered.contains(.userPassword) else {
            return nil
        }
        if let password = environment["GIT_PASSWORD"], !password.isEmpty,
           let username = environment["GIT_USERNAME"] ?? usernameFromURL {
            return .userPassword(username: username, password: password, source: "`GIT_USERNAME`/`GIT_PASSWORD`")
        }
        for name in ["GITHUB_TOKEN", "GIT_TOKEN"] {
            if let token = environment[name], !token.isEmpty {
                return .userPassword(username: "x-access-token", password: token, source: "`\(name)`")
            }
        }
        return nil
    }

    var source: String {
        switch self {
        case .userPassword(_, _, let source): return source
        case .sshAgent(let username): return "ssh-agent (user `\(username)`)"
        }
    }

    var kind: Offered {
        switch self {
        case .userPassword: return .userPassword
        case .sshAgent: return .sshAgent
        }
    }

    /// Creates the libgit2 credential; ownership passes to libgit2, which frees it.
    func make(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>) -> Int32 {
        switch self {
        case .userPassword(let username, let password, _):
            return git_credential_userpass_plaintext_new(out, username, password)
        case .sshAgent(let username):
            return git_credential_ssh_key_from_agent(out, username)
        }
    }
}
