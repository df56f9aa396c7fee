import PlatformDiagnostics

extension DiagnosticRenderer {
    /// Diagnostics in one of the `--diagnostics` formats. Here, above PlatformDiagnostics, so the
    /// JSON form comes from the one JSON writer.
    package func render(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        switch format {
        case .text: return text(diagnostics)
        case .json: return json(diagnostics)
        case .github: return diagnostics.map(github).joined()
        }
    }

    /// A JSON array with one object per diagnostic, keys sorted so the bytes are stable (the
    /// layout `JSONSerialization` wrote before).
    package func json(_ diagnostics: [Diagnostic]) -> String {
        func place(_ location: SourceLocation?, into object: inout ManifestValue) {
            guard let location else { return }
            object["file"] = .string(location.file)
            object["line"] = .int(Int64(location.line))
            object["column"] = .int(Int64(location.column))
        }
        let objects: [ManifestValue] = diagnostics.map(redaction.apply).map { d in
            var o: ManifestValue = ["severity": .string(d.severity.rawValue), "code": .string(d.code.rawValue),
                "message": .string(d.message)]
            place(d.location, into: &o)
            o["notes"] = .list(d.notes.map { n in
                var note: ManifestValue = ["message": .string(n.message)]
                place(n.location, into: &note)
                return note
            })
            if let help = d.help { o["help"] = .string(help) }
            return o
        }
        return JSONWriter.text(.list(objects), .foundationSerialization) + "\n"
    }
}
