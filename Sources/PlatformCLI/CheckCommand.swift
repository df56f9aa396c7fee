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

    func run() throws {
        let input = try CompileInput.load(options: options, templatesFolder: templates)
        let output = input.compile(warningsAsErrors: options.warningsAsErrors)
        emit(output.diagnostics, format: options.diagnostics, sources: input.sources)
        if output.diagnostics.hasErrors { throw ExitStatus.specErrors }
    }
}
