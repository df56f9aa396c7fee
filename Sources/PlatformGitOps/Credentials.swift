import CLibGit2

/// Which credential to offer when a remote asks, read from the environment only; each kind is
/// offered once so a rejected credential ends the push instead of looping.
enum CredentialChoice: Equatable {
    case userPassword(username: String, password: String)
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
            return .userPassword(username: username, password: password)
        }
        if let token = [environment["GITHUB_TOKEN"], environment["GIT_TOKEN"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) {
            return .userPassword(username: "x-access-token", password: token)
        }
        return nil
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
        case .userPassword(let username, let password):
            return git_credential_userpass_plaintext_new(out, username, password)
        case .sshAgent(let username):
            return git_credential_ssh_key_from_agent(out, username)
        }
    }
}
