import ArgumentParser
import Foundation
import PlatformCore
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
/// Everything printed passes the credential redaction (the bag's, which knows the credentials the
/// spec scan found, with the shapes detector even for a bag no front end filled); the summary
/// counts what is printed, duplicates dropped.
func emit(_ bag: DiagnosticBag, format: DiagnosticFormat, sources: [String: String]) {
    var armed = bag
    armed.redaction.detector = .credentialShapes
    let printed = armed.sorted
    guard !printed.isEmpty || format == .json else { return }
    var text = DiagnosticRenderer(sources: sources, redaction: armed.redaction).render(printed, as: format)
    if format == .text, printed.contains(where: { $0.severity >= .warning }) {
        text += summary(printed) + "\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
}

/// `2 errors, 1 warning`, counting the diagnostics as printed.
func summary(_ printed: [Diagnostic]) -> String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    let errors = printed.filter { $0.severity == .error }.count, warnings = printed.filter { $0.severity == .warning }.count
    return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
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
