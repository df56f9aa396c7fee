import Foundation
import PlatformCore
import PlatformDiagnostics

/// One open spec as the compiler sees it: its text, the YAML tree (for names and positions) and
/// the result of the same run as `platformc check`, with the diagnostics as `check` prints them.
struct SpecAnalysis {
    var text: DocumentText
    var root: SpecNode?
    var names: NameIndex
    var output: Compiler.Output?
    /// Redacted, sorted, duplicates dropped: exactly what `check` would print.
    var diagnostics: [Diagnostic]
    /// The files read for this run (kept to re-check the next edit without reading them again).
    var input: CompileInput?

    /// Reads what the spec makes platformc read (templates, topology files) for a spec held in
    /// memory; `platformc lsp` passes `CompileInput.load`, which reads through `ContainedFiles`.
    typealias InputLoader = (_ specPath: String, _ spec: [UInt8]) throws -> CompileInput

    static func run(path: String?, shownAs file: String, text: String, encoding: PositionEncoding, load: InputLoader) -> SpecAnalysis {
        let bytes = Array(text.utf8)
        var loadBag = DiagnosticBag()
        let root = YAMLLoader(file: file).load(bytes, into: &loadBag)
        var output: Compiler.Output
        var input: CompileInput?
        if let path {
            do {
                input = try load(path, bytes)
                output = input!.check(warningsAsErrors: false, rendering: false)
            } catch {
                // The templates folder beside the spec cannot be listed: `check` stops with exit 2;
                // the editor shows it at the top of the spec and still checks the spec alone.
                let input = CompileInput(specPath: path, spec: bytes, templates: TemplateSet(), templateProblems: [])
                output = input.compile(warningsAsErrors: false, rendering: false)
                output.diagnostics.error(LSPCodes.filesUnreadable, "cannot read the files the spec names: \(error)",
                                         at: SourceLocation(file: path, line: 1, column: 1),
                                         help: "fix the folder's permissions; the spec is checked without them until then")
            }
        } else {
            // A document that is not a file (an unsaved buffer) has no folder: nothing beside it is read.
            output = CompileInput(specPath: file, spec: bytes, templates: TemplateSet(), templateProblems: [])
                .compile(warningsAsErrors: false, rendering: false)
        }
        var armed = output.diagnostics
        armed.redaction.detector = .credentialShapes
        return SpecAnalysis(text: DocumentText(text, encoding: encoding), root: root, names: NameIndex(root),
                            output: output, diagnostics: armed.sorted, input: input)
    }
}

/// Codes of `platformc lsp` (range 5300–5319).
enum LSPCodes {
    /// The templates folder beside an open spec cannot be listed (what `check` reports as an I/O error).
    static let filesUnreadable: DiagnosticCode = "E5300"
}
