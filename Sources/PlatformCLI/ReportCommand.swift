import ArgumentParser
import Foundation
import PlatformCore
import PlatformDiagnostics
import PlatformGitOps

/// `platformc report [SPEC] --out report.html [--base REV|DIR|SPEC]`: one self-contained HTML page
/// of the platform (placement grid, cost against budgets, route hops) and, with a base, what the
/// spec changes against it. The base is resolved as `diff` resolves it (`DiffBase`). Exit codes:
/// 0 written, 1 the spec has errors, 2 usage or I/O errors; nothing is written on any error.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report",
        abstract: "Write an HTML picture of the platform: placement, cost, routes and changes.")

    @OptionGroup var options: SpecOptions

    @Option(help: "The HTML file to write (its folder must exist or is created; the file is replaced).")
    var out: String = "report.html"

    @Option(help: """
        Also show what changed against a base: a revision of the GitOps repository, a folder, or a spec (prefix with ref:, dir: or spec: \
        to force).
        """)
    var base: String?

    @Option(help: "GitOps repository path or URL for a revision base (default: the spec's `gitops.repository`).")
    var repo: String?

    @Option(help: "Branch a revision base is read from (default: the spec's `gitops.branch`).")
    var branch: String?

    @Option(help: "Folder of your own templates.")
    var templates: String?

    func run() throws {
        let (folder, file) = try target()
        let input = try CompileInput.load(options: options, templatesFolder: templates)
        var output = input.compile(warningsAsErrors: options.warningsAsErrors)
        let baseSource = base.map { DiffBase.Source($0) }
        var repository: CommitTarget?
        if let baseSource, baseSource.readsRepository {
            do { repository = try repo.map(CommitTarget.fromCommandLine) } catch let error as IOFailure { throw fail(error.description) }
            if repository == nil, let platform = output.platform, !output.diagnostics.hasErrors {
                repository = CommitTarget.fromSpec(platform.gitops, specPath: options.spec, into: &output.diagnostics)
            }
        }
        emit(output.diagnostics, format: options.diagnostics, sources: input.sources)
        guard let plan = output.plan, let platform = output.platform, let tree = output.tree, !output.diagnostics.hasErrors else {
            throw ExitStatus.specErrors
        }
        var changes: DiffReport?
        if let baseSource {
            let side: DiffBase
            do {
                let branch = self.branch ?? platform.gitops.branch
                let path = try repository.map { try DiffCommand.repositoryPath($0, branch: branch) } ?? ""
                side = try DiffBase
                    .load(baseSource, prefetched: nil, repo: path, branch: branch, managed: GitOpsPaths.managed(platform), templates: nil)
            } catch let error as IOFailure { throw fail(error.description) } catch let error as GitError { throw fail(error.description) }
            let headObjects = output.manifests.map { GitOpsLayout.objectPaths($0, root: platform.gitops.path) } ?? [:]
            let sides = DiffSides(base: side.files, head: tree.files, root: platform.gitops.path, headObjects: headObjects)
            changes = DiffReport(sides, baseLabel: side.label, headLabel: options.spec,
                                 headDiagnostics: output.diagnostics.sorted, baseDiagnostics: side.diagnostics)
        }
        let html = ReportHTMLRenderer.render(PlatformPicture(plan: plan, manifests: output.manifests), changes: changes)
        do { try ContainedFolder(folder).write(file, html) } catch let error as IOFailure { throw fail(error.description) }
        print("platformc: wrote \(out) (\(html.utf8.count) bytes)")
    }

    /// The folder (the user's choice, created when missing) and the plain file name to write there.
    private func target() throws -> (folder: String, file: String) {
        guard let target = ContainedFolder.fileTarget(out) else {
            throw fail("`--out \(out)` names no file; give a path such as `report.html`")
        }
        return target
    }
}
