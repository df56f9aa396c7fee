import ArgumentParser
import Foundation
import PlatformCore
import PlatformDiagnostics

/// `platformc compile [SPEC] --out DIR`: the compiled GitOps tree written to a folder.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compile", abstract: "Compile the spec into a GitOps tree in a folder.")

    @OptionGroup var options: SpecOptions

    @Option(help: "Output folder (created when missing).")
    var out: String = "out"

    @Option(help: "Folder of your own templates (default: the bundled templates/ when present).")
    var templates: String?

    @Flag(help: "Print the effective spec with every default applied, and write nothing.")
    var showDefaults = false

    @Option(help: """
        A platform.lock.json whose placement is kept where it still holds, so only what a change requires moves (commit and diff read the \
        GitOps head's).
        """)
    var previousLock: String?

    func run() throws {
        let input = try CompileInput.load(options: options, templatesFolder: templates)
        if showDefaults {
            var bag = DiagnosticBag()
            let text = FrontEnd(file: options.spec).effectiveSpec(input.spec, into: &bag)
            emit(bag, format: options.diagnostics, sources: input.sources)
            guard let text else { throw ExitStatus.specErrors }
            print(text, terminator: "")
            return
        }
        let previous: LockPlacement?
        do { previous = try previousLock.map(PreviousLock.read(file:)) } catch let error as IOFailure { throw fail(error.description) }
        let output = input.compile(warningsAsErrors: options.warningsAsErrors) { _, _ in previous }
        emit(output.diagnostics, format: options.diagnostics, sources: input.sources)
        guard let tree = output.tree, !output.diagnostics.hasErrors else { throw ExitStatus.specErrors }
        do {
            let written = try FolderSync.write(tree, to: out, managed: output.platform.map(GitOpsPaths.managed))
            print("platformc: wrote \(tree.files.count) files to \(out) (\(written) changed)")
        } catch let error as IOFailure {
            throw fail(error.description)
        }
    }
}
