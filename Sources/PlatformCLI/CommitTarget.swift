import Foundation
import PlatformCore
import PlatformDiagnostics
import PlatformGitOps

/// The GitOps repository `commit` writes to, resolved in one place with one rule: the command line
/// is trusted, the spec is not. `--repo` may name any path; the spec's `gitops.repository` must
/// stay inside the spec's own repository (the git work tree that holds the spec, or the spec's
/// folder when none does), symlinks resolved. A URL means a remote, never a folder, and never
/// carries a credential.
enum CommitTarget: Equatable {
    case local(path: String)
    case remote(url: String)

    static let outsideSpecRepository: DiagnosticCode = "E1080"
    static let credentialInURL: DiagnosticCode = "E1081"
    static let unsupportedURL: DiagnosticCode = "E1082"

    /// `--repo`: a path relative to the working directory, or a URL without a password.
    static func fromCommandLine(_ value: String) throws -> CommitTarget {
        guard !value.isEmpty else { throw IOFailure("`--repo` is empty; give the GitOps repository's path or URL") }
        guard let url = RemoteURL(value) else { return .local(path: value) }
        guard url.isSupported else {
            throw IOFailure("`--repo` is a URL of an unsupported kind; use https://, ssh://, git@host:path or file://")
        }
        if url.hasPassword { throw IOFailure(GitError.credentialInURL(remote: url.redacted).description) }
        return .remote(url: value)
    }

    /// The spec's `gitops.repository`; nil after reporting why it may not be used.
    static func fromSpec(_ gitops: GitOpsTarget, specPath: String, into bag: inout DiagnosticBag) -> CommitTarget? {
        let value = gitops.repository
        let location = gitops.repositoryLocation ?? gitops.location
        if let url = RemoteURL(value) {
            guard url.isSupported else {
                bag.error(unsupportedURL, "`gitops.repository` is a URL of an unsupported kind", at: location,
                          help: "use https://, ssh://, git@host:path or file://")
                return nil
            }
            // Over https a token passes as the user name, so the spec names no user at all (an
            // ssh user such as `git@` is not a secret).
            if url.hasPassword || (url.hasUserInfo && url.scheme != .ssh && url.scheme != .scpLike) {
                var diagnostic = Diagnostic(
                    .error, credentialInURL, "`gitops.repository` carries a credential in its URL (credential in URL)",
                    at: location,
                    help: "write the URL without user-info and give the commit its credentials through "
                        + "GITHUB_TOKEN or GIT_USERNAME/GIT_PASSWORD")
                diagnostic.redactsSource = true
                bag.report(diagnostic)
                return nil
            }
            return .remote(url: value)
        }
        let folder = SpecFile.folder(of: specPath)
        let root = SpecRepository.root(containing: folder.path)
        let written = value.hasPrefix("/") ? URL(fileURLWithPath: value) : folder.appendingPathComponent(value)
        let resolved = SpecRepository.resolvingSymlinks(written.standardizedFileURL.path)
        guard resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/") else {
            bag.error(outsideSpecRepository,
                      "`gitops.repository` `\(value)` resolves to `\(resolved)`, outside the spec's repository `\(root)`",
                      at: location,
                      help: "the spec may only name a repository inside its own; pass --repo on the command line "
                          + "to commit elsewhere")
            return nil
        }
        return .local(path: written.standardizedFileURL.path)
    }

    /// Where a remote's bare copy lives: `$XDG_CACHE_HOME/platformc/remotes`, else
    /// `$HOME/.cache/platformc/remotes`.
    static func cacheRoot(_ environment: [String: String]) throws -> String {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/platformc/remotes" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/platformc/remotes" }
        throw IOFailure("no cache folder for the remote repository: set XDG_CACHE_HOME or HOME")
    }
}

/// The repository a spec belongs to, for what the spec may name on disk.
enum SpecRepository {
    /// The nearest folder at or above `folder` holding `.git` (the work tree that contains the
    /// spec), else `folder` itself; symlinks resolved.
    static func root(containing folder: String) -> String {
        let start = resolvingSymlinks(folder)
        var candidate = start
        while true {
            var status = stat()
            if lstat(candidate + (candidate == "/" ? "" : "/") + ".git", &status) == 0 { return candidate }
            guard candidate != "/" else { return start }
            candidate = (candidate as NSString).deletingLastPathComponent
        }
    }

    /// `path` with every symlink of its longest existing prefix resolved (the rest does not exist
    /// yet, so it holds no link).
    static func resolvingSymlinks(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while existing != "/" {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            rest.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
        return "/" + rest.reversed().joined(separator: "/")
    }
}
