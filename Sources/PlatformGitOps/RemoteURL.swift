/// How platformc reads a repository location: a URL means a remote, anything else a local path.
///
/// git's own rule: `scheme://…` is a URL, and `[user@]host:path` with no `/` before the first `:`
/// is the scp-like ssh form (`git@github.com:org/repo.git`); everything else is a path.
package struct RemoteURL: Equatable, Sendable {
    package enum Scheme: String, Sendable { case https, http, ssh, git, file, scpLike = "ssh (scp-like)" }

    package let text: String
    package let scheme: Scheme?
    /// The part before `@` in the authority, when there is one (`user`, `user:password`, a token).
    let userInfo: Substring?

    /// Nil when `location` is a local path.
    package init?(_ location: String) {
        text = location
        if let separator = location.range(of: "://") {
            let name = location[..<separator.lowerBound].lowercased()
            scheme = Scheme(rawValue: name == "git+ssh" || name == "ssh+git" ? "ssh" : name)
            let rest = location[separator.upperBound...]
            let authority = rest[..<(rest.firstIndex(of: "/") ?? rest.endIndex)]
            userInfo = authority.lastIndex(of: "@").map { authority[..<$0] }
            return
        }
        guard let colon = location.firstIndex(of: ":"), !location[..<colon].contains("/"),
              location.distance(from: location.startIndex, to: colon) > 1  // `C:` is a drive, not a host
        else { return nil }
        scheme = .scpLike
        let authority = location[..<colon]
        userInfo = authority.lastIndex(of: "@").map { authority[..<$0] }
    }

    /// A scheme libgit2 can clone, fetch and push through (unknown schemes are not).
    package var isSupported: Bool { scheme != nil }

    /// True when the URL itself carries a password: `user:password@`. A user name alone
    /// (`git@`, `deploy@` with `GIT_PASSWORD` set) is not a secret.
    package var hasPassword: Bool { userInfo?.contains(":") ?? false }

    /// True when the URL names any user: over https a bare token passes as the user name
    /// (`https://TOKEN@github.com/…`), so a URL written in a spec may carry none.
    package var hasUserInfo: Bool { userInfo != nil }

    /// Credentials sent here travel in the clear.
    package var isPlainHTTP: Bool { scheme == .http }

    /// The URL without a `user…@` part that may be secret (any over http(s), file and git; a
    /// password over ssh), for messages and cache names.
    package var redacted: String {
        guard let userInfo, hasPassword || (scheme != .ssh && scheme != .scpLike) else { return text }
        return String(text[..<userInfo.startIndex]) + String(text[text.index(after: userInfo.endIndex)...])
    }
}
