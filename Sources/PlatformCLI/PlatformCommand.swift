import ArgumentParser
import Foundation
import PlatformCore

/// The `platformc` command line: check, compile, commit, diff, golden, explain, inventory, schema.
package struct PlatformCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "platformc",
        abstract: "Compile an agentic-AI platform spec into GitOps manifests.",
        version: "\(PlatformcVersion.string) (revision \(BuildRevision.commit))",
        subcommands: [CheckCommand.self, CompileCommand.self, CommitCommand.self, DiffCommand.self, ExplainCommand.self,
                      GoldenCommand.self, InventoryCommand.self, SchemaCommand.self, GenerateCommand.self,
                      InitCommand.self, ReportCommand.self, LSPCommand.self])
    package init() {}

    /// Runs the command line with the documented exit codes: 0 success, 1 the spec has errors,
    /// 2 usage or I/O errors (argument-parser's own usage code, 64, becomes 2).
    package static func runMain() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            self.exit(withError: error)
        }
    }
}
