import ArgumentParser
import Foundation
import PlatformCore
import PlatformDiagnostics
import PlatformGitOps

/// `platformc commit [SPEC]`: compile, then write the tree as one commit on the GitOps branch
/// through libgit2. Nothing is written when the spec has errors; no commit when nothing changed.
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "commit",
        abstract: "Compile and commit the tree to the GitOps repository.")

    @OptionGroup var options: SpecOptions

    @Option(help: """
        GitOps repository path or URL (default: the spec's `gitops.repository`, which must lie inside the spec's own repository).
        """)
    var repo: String?

    @Option(help: "Branch (default: the spec's `gitops.branch`).")
    var branch: String?

    @Option(help: "Commit message subject (default: a summary of the change).")
    var message: String?

    @Option(help: "Author name (default: GIT_AUTHOR_NAME).")
    var authorName: String?

    @Option(help: "Author email (default: GIT_AUTHOR_EMAIL).")
    var authorEmail: String?

    @Option(help: "Commit of the spec repository, recorded as the `Platform-Spec-Commit` trailer.")
    var specCommit: String?

    @Option(help: "Folder of your own templates.")
    var templates: String?

    @Flag(help: """
        Let the commit take over managed paths that exist in the branch but no earlier platformc commit wrote (their files are replaced).
        """)
    var adoptPath = false

    @Flag(help: "Push the branch after committing: to --remote, or to the repository's URL when it is one.")
    var push = false

    @Option(help: "Remote to push to: a path, file:// URL, or https/ssh URL.")
    var remote: String?

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        // Flags first: a bad one is a usage error before anything is compiled or written.
        let commandLineTarget: CommitTarget?
        do {
            commandLineTarget = try repo.map(CommitTarget.fromCommandLine)
            try CommitMessage.validate(subject: message, specCommit: specCommit)
            if let remote {
                guard !remote.isEmpty else { throw IOFailure("`--remote` is empty; give the URL or path to push to") }
                if let url = RemoteURL(remote), url.hasPassword {
                    throw IOFailure(GitError.credentialInURL(remote: url.redacted).description)
                }
            }
        } catch let error as IOFailure { throw fail(error.description) }
        let input = try CompileInput.load(options: options, templatesFolder: templates)
        let environment = ProcessInfo.processInfo.environment
        // The branch's last placement is kept where it still holds: read once the spec names the repository.
        var fetched: GitRepository?
        var output = input.compile(warningsAsErrors: options.warningsAsErrors) { platform, diagnostics in
            var scratch = DiagnosticBag()
            guard !diagnostics.hasErrors,
                  let target = commandLineTarget
                      ?? CommitTarget.fromSpec(platform.gitops, specPath: options.spec, into: &scratch) else { return nil }
            let targetBranch = branch ?? platform.gitops.branch
            switch target {
            case .local(let path):
                return (try? GitRepository.open(path: path)).flatMap { PreviousLock.read(repository: $0, branch: targetBranch) }
            case .remote(let url):
                // Fetched once: the commit below goes on top of what was read here.
                guard let root = try? CommitTarget.cacheRoot(environment) else { return nil }
                fetched = try? GitRepository.remoteCache(of: url, branch: targetBranch, cacheRoot: root, environment: environment)
                return fetched.flatMap { PreviousLock.read(repository: $0, branch: targetBranch) }
            }
        }
        var target = commandLineTarget
        if target == nil, let platform = output.platform, !output.diagnostics.hasErrors {
            target = CommitTarget.fromSpec(platform.gitops, specPath: options.spec, into: &output.diagnostics)
        }
        emit(output.diagnostics, format: options.diagnostics, sources: input.sources)
        guard let tree = output.tree, let platform = output.platform, let target, !output.diagnostics.hasErrors else {
            throw ExitStatus.specErrors
        }
        let compiled = clock.now

        guard let author = identity(environment) else {
            throw fail("no commit identity: set --author-name/--author-email or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL (refusing to invent one "
                + "in CI)")
        }
        let committer = GitSignature.fromEnvironment(environment, role: .committer) ?? author
        do {
            try CommitMessage.validate(identity: author)
            try CommitMessage.validate(identity: committer)
        } catch let error as IOFailure { throw fail(error.description) }
        let targetBranch = branch ?? platform.gitops.branch
        do {
            let repository: GitRepository
            let shown: String
            switch target {
            case .local(let path):
                repository = try GitRepository.openOrInit(path: path, initialBranch: targetBranch)
                shown = path
            case .remote(let url):
                let cacheRoot: String
                do { cacheRoot = try CommitTarget.cacheRoot(environment) } catch let error as IOFailure { throw fail(error.description) }
                repository = try fetched
                    ?? GitRepository.remoteCache(of: url, branch: targetBranch, cacheRoot: cacheRoot, environment: environment)
                shown = RemoteURL(url)?.redacted ?? url
            }
            var managed = ManagedTree(managedPaths: GitOpsPaths.managed(platform), files: tree.files)
            managed.takeover = adoptPath ? .adopt : .ownedOnly
            managed.legacy = GitOpsPaths.legacy
            let text = { stats in CommitMessage.make(subject: message, platform: platform, stats: stats, specCommit: specCommit) }
            switch try repository.commitTree(managed, branch: targetBranch, message: text, author: author, committer: committer) {
            case .unchanged:
                print("platformc: \(shown) (\(targetBranch)) is up to date; no commit")
            case let .committed(id, stats):
                print("platformc: committed \(id.hex.prefix(12)) on \(targetBranch) in \(shown): \(stats.added.count) added, "
                    + "\(stats.changed.count) changed, \(stats.removed.count) removed")
                warnAboutKeptEdits(stats.keptLocalEdits)
            }
            if environment["PLATFORMC_PROFILE"] == "1" {
                CommitProfile(compile: compiled - start, commit: clock.now - compiled).print()
            }
            let pushRemote: String?
            if case .remote(let url) = target { pushRemote = remote ?? url } else { pushRemote = remote }
            if push {
                guard let pushRemote else { throw fail("--push needs --remote") }
                try repository.push(remote: pushRemote, branch: targetBranch, environment: environment)
                print("platformc: pushed \(targetBranch) to \(RemoteURL(pushRemote)?.redacted ?? pushRemote)")
            } else if case .remote = target {
                print("platformc: the commit is in the local copy at \(repository.path); pass --push to publish it")
            }
        } catch let error as GitError {
            throw fail(error.description)
        }
    }

    /// Hand edits in the work tree are kept; the commit and the index are platformc's.
    private func warnAboutKeptEdits(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        let shown = paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? ", …" : "")
        FileHandle.standardError.write(Data(("platformc: warning: kept \(paths.count) locally edited path\(paths.count == 1 ? "" : "s") "
            + "of the work tree (\(shown)); they show as unstaged changes on top of the commit, and "
            + "`git checkout -- <path>` takes the commit's version\n").utf8))
    }

    private func identity(_ environment: [String: String]) -> GitSignature? {
        if let name = authorName, let email = authorEmail { return GitSignature(name: name, email: email) }
        if let signature = GitSignature.fromEnvironment(environment, role: .author) { return signature }
        // A developer's machine gets a clear placeholder; CI must say who commits.
        return environment["CI"] == nil ? GitSignature(name: "platformc", email: "platformc@localhost") : nil
    }
}

/// The paths of the GitOps repository that platformc owns and replaces whole on each commit.
enum GitOpsPaths {
    static func managed(_ platform: Platform) -> [String] {
        [platform.gitops.path, platform.gitops.engine.rawValue, LockFile.path]
    }

    /// What platformc managed before commits recorded it: the default layout, recognised by a
    /// lock file that platformc wrote.
    static let legacy = ManagedOwnership.LegacyLayout(paths: ["clusters", "argocd", "flux", LockFile.path], marker: LockFile.path) {
        LockFile(text: String(decoding: $0, as: UTF8.self))?.isPlatformc ?? false
    }
}
