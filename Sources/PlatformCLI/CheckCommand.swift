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
            let output = input.compile(warningsAsErrors: options.warningsAsErrors) { _, _ in previous }
            bag = output.diagnostics
            // What `commit` and `diff` would refuse about the repository shows in the pull request's check too.
            if let platform = output.platform, !bag.hasErrors {
                _ = CommitTarget.fromSpec(platform.gitops, specPath: options.spec, into: &bag)
            }
        }
        emit(bag, format: options.diagnostics, sources: input.sources)
        if bag.hasErrors { throw ExitStatus.specErrors }
    }
}
