import ArgumentParser
import Foundation
import PlatformCore
import PlatformDiagnostics

/// `platformc check [SPEC]`: every problem of the spec in one run, sorted by position: the front
/// end, the passes (placement, quota, cost) and emission all run; nothing is written.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Report every problem in the platform spec.")

    @OptionGroup var options: SpecOptions

    @Option(help: "Folder of your own templates.")
    var templates: String?

    @Flag(name: .long, help: "Run only the policy rules (the spec must still load and validate).")
    var policyOnly = false

    @Option(help: "A platform.lock.json whose placement is kept where it still holds (as `commit` keeps the GitOps head's).")
    var previousLock: String?

    func run() throws {
        let input = try CompileInput.load(options: options, templatesFolder: templates)
        var bag: DiagnosticBag
        if policyOnly {
            bag = DiagnosticBag()
            var front = DiagnosticBag()
            if let platform = input.frontEnd.run(input.spec, into: &front) {
                var passes = DiagnosticBag()
                let plan = Passes.run(platform, into: &passes)
                for finding in PolicyPass.run(platform, plan: plan) { bag.report(finding) }
            } else {
                bag = front
            }
            if options.warningsAsErrors { bag.promoteWarnings() }
        } else {
            let previous: LockPlacement?
            do { previous = try previousLock.map(PreviousLock.read(file:)) } catch let error as IOFailure { throw fail(error.description) }
            // Rendering the tree reports nothing (`Compiler.rendersTree`): `check` stops before it.
            let output = input.check(warningsAsErrors: options.warningsAsErrors, rendering: false) { _, _ in previous }
            bag = output.diagnostics
            // Only the diagnostics are printed: the rest is freed while they are.
            releaseInBackground(consume output)
        }
        emit(bag, format: options.diagnostics, sources: input.sources)
        if bag.hasErrors { throw ExitStatus.specErrors }
    }
}

extension CompileInput {
    /// What `check` reports (and `platformc lsp` publishes): the whole compile, then what `commit`
    /// and `diff` would refuse about the repository, so it shows in the pull request's check too.
    func check(warningsAsErrors: Bool, rendering: Bool,
               previous: (Platform, inout DiagnosticBag) -> LockPlacement? = { _, _ in nil }) -> Compiler.Output {
        var output = compile(warningsAsErrors: warningsAsErrors, rendering: rendering, previous: previous)
        if let platform = output.platform, !output.diagnostics.hasErrors {
            _ = CommitTarget.fromSpec(platform.gitops, specPath: specPath, into: &output.diagnostics)
        }
        return output
    }
}
