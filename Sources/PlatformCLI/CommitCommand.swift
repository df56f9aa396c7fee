import ArgumentParser
import Foundation
import PlatformCore
import PlatformDiagnostics
import PlatformGitOps

/// `platformc commit [SPEC]`: compile, then write the tree as one commit on the GitOps branch
/// through libgit2. Nothing is written when the spec has errors; no commit when nothing changed.
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "commit", abstract: "Compile and commit the tree to the GitOps repository.")

    @OptionGroup var options: SpecOptions

    @Option(help: "GitOps repository path or URL (default: the spec's `gitops.repository`, relative to the spec's folder).")
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

    @Flag(help: "Let the commit take over managed paths that exist in the branch but no earlier platformc commit wrote (their files are replaced).")
    var adoptPath = false

    @Flag(help: "Push the branch to the `origin` URL given with --remote after committing.")
    var push = false

    @Option(help: "Remote to push to: a path, file:// URL, or https/ssh URL.")
    var remote: String?

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let input = try CompileInput.load(options: options, templatesFolder: templates)
        let output = input.compile(warningsAsErrors: options.warningsAsErrors)
        emit(output.diagnostics, format: options.diagnostics, sources: input.sources)
        guard let tree = output.tree, let platform = output.platform else { throw ExitStatus.specErrors }
        let compiled = clock.now

        let environment = ProcessInfo.processInfo.environment
        guard let author = identity(environment) else {
            throw fail("no commit identity: set --author-name/--author-email or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL (refusing to invent one in CI)")
        }
        let committer = GitSignature.fromEnvironment(environment, role: .committer) ?? author
        let repoPath = repo ?? SpecFile.folder(of: options.spec).appendingPathComponent(platform.gitops.repository).standardizedFileURL.path
        let targetBranch = branch ?? platform.gitops.branch
        do {
            let repository = try GitRepository.openOrInit(path: repoPath, initialBranch: targetBranch)
            var managed = ManagedTree(managedPaths: GitOpsPaths.managed(platform), files: tree.files)
            managed.takeover = adoptPath ? .adopt : .ownedOnly
            let text = { stats in CommitMessage.make(subject: message, platform: platform, stats: stats, specCommit: specCommit) }
            switch try repository.commitTree(managed, branch: targetBranch, message: text, author: author, committer: committer) {
            case .unchanged:
                print("platformc: \(repoPath) (\(targetBranch)) is up to date; no commit")
            case let .committed(id, stats):
                print("platformc: committed \(id.hex.prefix(12)) on \(targetBranch) in \(repoPath): \(stats.added.count) added, \(stats.changed.count) changed, \(stats.removed.count) removed")
            }
            if environment["PLATFORMC_PROFILE"] == "1" {
                CommitProfile(compile: compiled - start, commit: clock.now - compiled).print()
            }
            if push {
                guard let remote else { throw fail("--push needs --remote") }
                try repository.push(remote: remote, branch: targetBranch)
                print("platformc: pushed \(targetBranch) to \(remote)")
            }
        } catch let error as GitError {
            throw fail(error.description)
        }
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
        [platform.gitops.path, platform.gitops.engine.rawValue, "platform.lock.json"]
    }
}
