import ArgumentParser
import Foundation
import PlatformCore
import PlatformDiagnostics
import PlatformGitOps

/// `platformc diff [SPEC] [--base REV|DIR|SPEC]`: what merging this spec would change, object by
/// object, with the platform summary first. Exit codes (docs/ci/README.md): 0 no change (or
/// changes without `--exit-code`), 1 changes with `--exit-code`, 2 errors, 3 a policy or budget violation.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff",
        abstract: "Show what the spec changes against a base: a git revision, a folder or another spec.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }
    enum Colour: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @OptionGroup var options: SpecOptions

    @Option(help: """
        Base: a revision of the GitOps repository, a folder, or a spec (default: the head of the GitOps branch). Prefix with ref:, dir: or \
        spec: to force.
        """)
    var base: String?

    @Option(help: """
        GitOps repository path or URL (default: the spec's `gitops.repository`, which must lie inside the spec's own repository).
        """)
    var repo: String?

    @Option(help: "Branch whose head is the default base (default: the spec's `gitops.branch`).")
    var branch: String?

    @Option(help: "Output format: text, markdown (a PR comment) or json (docs/diff-json.md).")
    var format: Format = .text

    @Option(help: "Colour in text output: auto (only on a terminal), always or never.")
    var color: Colour = .auto

    @Flag(help: "Exit with 1 when there are changes, as `git diff --exit-code` does.")
    var exitCode = false

    @Option(help: "Folder of your own templates.")
    var templates: String?

    func run() throws {
        let input = try CompileInput.load(options: options, templatesFolder: templates)
        let baseSource = DiffBase.Source(base)
        let prefetched = DiffBase.prefetch(baseSource)
        // Head keeps the base's placement where it still holds, as `commit` would on top of it:
        // the base is read once the spec names the repository; a base that cannot be read here is
        // read (and its error reported) below, as without a previous placement.
        var earlyBase: DiffBase?
        var output = input.compile(warningsAsErrors: options.warningsAsErrors) { platform, diagnostics in
            var scratch = DiagnosticBag()
            guard !diagnostics.hasErrors else { return nil }
            var early: CommitTarget?
            if baseSource.readsRepository {
                early = (try? repo.map(CommitTarget.fromCommandLine))
                    ?? CommitTarget.fromSpec(platform.gitops, specPath: options.spec, into: &scratch)
                guard early != nil else { return nil }
            }
            let targetBranch = branch ?? platform.gitops.branch
            earlyBase = try? DiffBase.load(baseSource, prefetched: prefetched,
                                           repo: early.map { try Self.repositoryPath($0, branch: targetBranch) } ?? "",
                                           branch: targetBranch, managed: GitOpsPaths.managed(platform), templates: nil)
            return earlyBase.flatMap { PreviousLock.read(files: $0.files) }
        }
        // The repository is resolved by commit's rule (the spec may only name one inside its own
        // repository), and only when the base is read from it.
        var target: CommitTarget?
        if baseSource.readsRepository {
            do { target = try repo.map(CommitTarget.fromCommandLine) } catch let error as IOFailure {
                _ = fail(error.description)
                throw DiffExit.error
            }
            if target == nil, let platform = output.platform, !output.diagnostics.hasErrors {
                target = CommitTarget.fromSpec(platform.gitops, specPath: options.spec, into: &output.diagnostics)
            }
        }
        emit(output.diagnostics, format: options.diagnostics, sources: input.sources)
        let headDiagnostics = output.diagnostics.sorted
        let violation = headDiagnostics.contains(where: DiffPolicy.isViolation)
        guard let tree = output.tree, let platform = output.platform, !baseSource.readsRepository || target != nil else {
            throw violation && !headDiagnostics.contains { $0.severity == .error && !DiffPolicy.isViolation($0) } ? DiffExit.violation
                : DiffExit.error
        }
        let baseSide: DiffBase
        if let earlyBase { baseSide = earlyBase } else { do {
            let repoPath = try target.map { try Self.repositoryPath($0, branch: branch ?? platform.gitops.branch) } ?? ""
            baseSide = try DiffBase.load(baseSource, prefetched: prefetched, repo: repoPath, branch: branch ?? platform.gitops.branch,
                                         managed: GitOpsPaths.managed(platform), templates: nil)
        } catch let error as IOFailure {
            _ = fail(error.description)
            throw DiffExit.error
        } catch let error as GitError {
            _ = fail(error.description)
            throw DiffExit.error
        } }
        // Head is this compile: its objects are in memory, so unchanged files need no parsing.
        let headObjects = output.manifests.map { GitOpsLayout.objectPaths($0, root: platform.gitops.path) } ?? [:]
        let sides = DiffSides(base: baseSide.files, head: tree.files, root: platform.gitops.path, headObjects: headObjects)
        let report = DiffReport(sides, baseLabel: baseSide.label, headLabel: options.spec,
                                headDiagnostics: headDiagnostics, baseDiagnostics: baseSide.diagnostics, moves: output.plan?.moves ?? [])
        let text: String
        switch format {
        case .text: text = DiffTextRenderer.render(report, colour: useColour)
        case .markdown: text = DiffMarkdownRenderer.render(report)
        case .json: text = DiffJSONRenderer.render(report)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        if violation { throw DiffExit.violation }
        if exitCode && report.hasChanges { throw DiffExit.changes }
    }

    /// A local repository as it is; a remote one fetched into the cache `commit` uses.
    static func repositoryPath(_ target: CommitTarget, branch: String) throws -> String {
        switch target {
        case .local(let path): return path
        case .remote(let url):
            let environment = ProcessInfo.processInfo.environment
            return try GitRepository.remoteCache(of: url, branch: branch, cacheRoot: CommitTarget.cacheRoot(environment),
                                                 environment: environment).path
        }
    }

    private var useColour: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            return isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        }
    }
}

/// `platformc diff`'s exit codes, documented in docs/ci/README.md.
enum DiffExit {
    static let changes = ExitCode(1)
    static let error = ExitCode(2)
    static let violation = ExitCode(3)
}
