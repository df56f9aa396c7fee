import ArgumentParser
import Foundation
import PlatformDiagnostics

/// Options every command that reads a spec shares.
struct SpecOptions: ParsableArguments {
    @Argument(help: "The platform spec.", completion: .file(extensions: ["yaml", "yml"]))
    var spec: String = "platform.yaml"

    @Option(help: "Diagnostics format: text, json or github (workflow annotations).")
    var diagnostics: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var warningsAsErrors = false
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Exit codes, as documented in the README: 0 success, 1 the spec has errors, 2 usage or I/O errors.
enum ExitStatus {
    static let specErrors = ExitCode(1)
    static let ioError = ExitCode(2)
}

/// Prints diagnostics to standard error in the chosen format, with source snippets for text.
func emit(_ bag: DiagnosticBag, format: DiagnosticFormat, sources: [String: String]) {
    let sorted = bag.sorted
    guard !sorted.isEmpty || format == .json else { return }
    var text = DiagnosticRenderer(sources: sources).render(sorted, as: format)
    if format == .text, bag.errorCount + bag.warningCount > 0 {
        text += summary(bag) + "\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
}

func summary(_ bag: DiagnosticBag) -> String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return "\(plural(bag.errorCount, "error")), \(plural(bag.warningCount, "warning"))"
}

/// A clear I/O failure: message on standard error, exit code 2.
struct IOFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("platformc: error: \(message)\n".utf8))
    return ExitStatus.ioError
}
