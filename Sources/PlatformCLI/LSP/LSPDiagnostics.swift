import Foundation
import PlatformDiagnostics

/// Compiler diagnostics as LSP `Diagnostic` objects (LSP 3.17 `types/diagnostic.md`): the range is
/// the token at the diagnostic's source mark, the code and message are `check`'s, notes with a
/// location become `relatedInformation`, notes without one and `help:` follow the message.
enum LSPDiagnostics {
    /// LSP `DiagnosticSeverity`: Error 1, Warning 2, Information 3, Hint 4.
    static func severity(_ s: Severity) -> Int {
        switch s { case .error: return 1; case .warning: return 2; case .note: return 3 }
    }

    static func message(_ d: Diagnostic) -> String {
        var text = d.message
        for note in d.notes where note.location == nil { text += "\nnote: \(note.message)" }
        if let help = d.help { text += "\nhelp: \(help)" }
        return text
    }

    /// `texts` gives the text of a file the diagnostics point into (the spec, or a template).
    static func json(_ d: Diagnostic, range: TextRange, texts: (String) -> DocumentText?) -> JSONValue {
        var object: [String: JSONValue] = [
            "range": range.json, "severity": .int(severity(d.severity)), "code": .string(d.code.rawValue),
            "source": "platformc", "message": .string(message(d)),
        ]
        let related: [JSONValue] = d.notes.compactMap { note in
            guard let at = note.location else { return nil }
            let noteRange = texts(at.file)?.tokenRange(at) ?? TextRange(start: TextPosition(line: at.line - 1, character: at.column - 1),
                                                                      end: TextPosition(line: at.line - 1, character: at.column - 1))
            return ["location": ["uri": .string(FileURI.uri(forPath: at.file)), "range": noteRange.json], "message": .string(note.message)]
        }
        if !related.isEmpty { object["relatedInformation"] = .array(related) }
        return .object(object)
    }

    /// The range a diagnostic marks in its file's text (the top of the file when it has no location).
    static func range(_ d: Diagnostic, in text: DocumentText?) -> TextRange {
        guard let at = d.location else {
            return TextRange(start: TextPosition(line: 0, character: 0), end: TextPosition(line: 0, character: 0))
        }
        if let text { return text.tokenRange(at) }
        let p = TextPosition(line: max(0, at.line - 1), character: max(0, at.column - 1))
        return TextRange(start: p, end: p)
    }

    /// The replacement a `help:` line spells out mechanically: "did you mean `X`?" (a misspelt key,
    /// value or name) and "…, e.g. `x`" (a name that is not a DNS-1123 label). Nil when the help
    /// needs judgement, or shows a redacted text.
    static func replacement(_ d: Diagnostic) -> String? {
        guard let help = d.help, !help.contains(DiagnosticRedaction.placeholder) else { return nil }
        for marker in ["did you mean `", ", e.g. `"] {
            guard let start = help.range(of: marker)?.upperBound, let end = help[start...].firstIndex(of: "`") else { continue }
            let word = String(help[start..<end])
            if !word.isEmpty { return word }
        }
        return nil
    }
}

/// `file://` URIs ↔ paths (RFC 8089; percent-encoding of RFC 3986), for the documents an editor opens.
enum FileURI {
    static func path(of uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = String(uri.dropFirst("file://".count))
        // `file://localhost/p` and `file:///p` name the same file; another host is not local.
        if rest.hasPrefix("localhost/") { rest = String(rest.dropFirst("localhost".count)) }
        guard rest.hasPrefix("/"), let decoded = rest.removingPercentEncoding, !decoded.contains("\0") else { return nil }
        return decoded
    }

    static func uri(forPath path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=")
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "file://" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute)
    }
}
