import Foundation
import PlatformConcurrency

/// The output formats of `--diagnostics`.
package enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github
}

/// Turns diagnostics into the text users and tools read. Pure: the caller hands in the source
/// texts (file name → contents) so that text output can show the line with a caret.
///
/// Every diagnostic passes `redaction` first, whatever the format, and a source line that shows
/// a credential is never printed (the message and its location still are).
package struct DiagnosticRenderer: Sendable {
    package var sources: [String: String]
    package var snippets: Bool
    package var redaction: DiagnosticRedaction

    package init(sources: [String: String] = [:], snippets: Bool = true, redaction: DiagnosticRedaction = DiagnosticRedaction()) {
        self.sources = sources
        self.snippets = snippets
        self.redaction = redaction
    }

    /// The text form of a batch (`render(_:as:)`, with the JSON form, is in PlatformDocument,
    /// beside the one JSON writer).
    package func text(_ diagnostics: [Diagnostic]) -> String {
        // One line index per file for the whole batch: finding a line is then O(1), so the
        // output is linear in the diagnostics, not diagnostics × source size.
        var lines: [String: SourceLines] = [:]
        for d in diagnostics {
            guard let file = d.location?.file, lines[file] == nil, let source = sources[file] else { continue }
            lines[file] = SourceLines(source)
        }
        // Each diagnostic's text depends on it alone: a large batch is rendered in runs on all
        // cores, joined in order (the same bytes as one after the other).
        let renderer = self, index = lines
        @Sendable func render(_ run: ArraySlice<Diagnostic>) -> String { run.map { renderer.text($0) { index[$0] } }.joined() }
        guard diagnostics.count >= DiagnosticRedaction.concurrentBatch else { return render(diagnostics[...]) }
        return diagnostics.concurrentRuns(of: DiagnosticRedaction.runLength) { run in render(run) }.joined()
    }

    /// `file:line:col: error[E1001]: message`, the source line with a caret, notes, then `help:`.
    package func text(_ d: Diagnostic) -> String {
        text(d) { file in sources[file].map(SourceLines.init) }
    }

    private func text(_ d: Diagnostic, lines: (String) -> SourceLines?) -> String {
        let d = redaction.apply(d)
        var out = "\(prefix(d.location))\(d.severity.rawValue)[\(d.code)]: \(d.message)\n"
        if snippets, !d.redactsSource, let loc = d.location, let source = lines(loc.file), let snippet = snippet(at: loc, in: source) {
            out += snippet
        }
        for note in d.notes {
            out += "  = note: \(note.message)"
            if let loc = note.location { out += " (\(loc))" }
            out += "\n"
        }
        if let help = d.help { out += "  = help: \(help)\n" }
        return out
    }

    /// GitHub Actions workflow command: `::error file=…,line=…,col=…,title=E1001::message`.
    package func github(_ d: Diagnostic) -> String {
        let d = redaction.apply(d)
        let command = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
        var properties: [String] = []
        if let loc = d.location {
            properties += ["file=\(escapeProperty(loc.file))", "line=\(loc.line)", "col=\(loc.column)"]
        }
        properties.append("title=\(escapeProperty(d.code.rawValue))")
        var message = d.message
        for note in d.notes { message += "\nnote: \(note.message)" + (note.location.map { " (\($0))" } ?? "") }
        if let help = d.help { message += "\nhelp: \(help)" }
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    private func prefix(_ location: SourceLocation?) -> String {
        location.map { "\($0): " } ?? ""
    }

    private func snippet(at loc: SourceLocation, in source: SourceLines) -> String? {
        guard let line = source.line(loc.line), !redaction.hidesLine(line, line: loc.line, file: loc.file) else { return nil }
        let gutter = String(loc.line)
        let pad = String(repeating: " ", count: gutter.count)
        let caretOffset = max(0, min(loc.column - 1, line.unicodeScalars.count))
        // Control characters (a NUL, an escape) would garble the terminal: show them as U+FFFD.
        // A control character is one byte below 0x20 in UTF-8 (no byte of a longer sequence is).
        let shown = !line.utf8.contains { $0 < 0x20 && $0 != UInt8(ascii: "\t") } ? String(line)
            : String(String.UnicodeScalarView(line.unicodeScalars.map { $0.value < 0x20 && $0 != "\t" ? "\u{FFFD}" : $0 }))
        return "\(pad) |\n\(gutter) | \(shown)\n\(pad) | \(String(repeating: " ", count: caretOffset))^\n"
    }

    private func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
