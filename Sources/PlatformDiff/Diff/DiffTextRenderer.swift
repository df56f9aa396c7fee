import PlatformDiagnostics

/// The diff for a terminal or a log: summary first, then one line per object and one per field.
/// Colour (ANSI) only when asked, which the CLI does only when standard output is a terminal.
package enum DiffTextRenderer {
    package static func render(_ report: DiffReport, colour: Bool = false) -> String {
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var out = paint("platformc diff: \(report.baseLabel) → \(report.headLabel)", "1") + "\n"
        guard report.hasChanges || !report.diagnostics.isEmpty || !report.summary.isEmpty || !report.moves.isEmpty else {
            return out + "no changes\n"
        }
        out += "objects: \(DiffFormatting.counts(report.resources, all: true))"
        out += report.files.isEmpty ? "\n" : "; \(report.files.count) other file\(report.files.count == 1 ? "" : "s") changed\n"

        out += "\n" + paint("summary", "1") + "\n"
        for row in DiffFormatting.summaryRows(report.summary) {
            out += "  \(row.label): \(row.old) → \(row.new) (\(row.delta))\n"
        }
        for shift in report.summary.replicas {
            out += "  replicas: \(shift.model) on \(shift.cluster)/\(shift.pool): \(shift.old) → \(shift.new)\n"
        }
        for move in report.moves {
            out += "  \(move.description)\n"
        }
        for node in report.summary.nodes {
            out += "  nodes: \(node.name): \(DiffFormatting.count(node.old)) → \(DiffFormatting.count(node.new))\n"
        }
        for quota in report.summary.quotas {
            out += "  quota: \(quota.name): \(quota.old ?? "(absent)") → \(quota.new ?? "(absent)")\n"
        }
        for exception in report.summary.securityExceptions {
            out += "  security exception: \(exception.name): \(exception.old ?? "(none)") → \(exception.new ?? "(none)")\n"
        }
        if !report.diagnostics.isEmpty {
            out += "\n" + paint("new diagnostics", "1") + "\n"
            for d in report.diagnostics {
                let location = d.location.map { "\($0): " } ?? ""
                let tag = DiffPolicy.isViolation(d) ? " (violation)" : ""
                out += "  " + paint("\(location)\(d.severity.rawValue)[\(d.code)]: \(d.message)\(tag)", d.severity == .error ? "31" : "33")
                    + "\n"
            }
        }
        for cluster in report.clusters {
            let changes = report.resources.filter { $0.key.cluster == cluster }
            out += "\n" + paint(changes[0].key.clusterLabel, "1") + ": \(DiffFormatting.counts(changes))\n"
            for change in changes {
                let colourCode = ["added": "32", "removed": "31", "changed": "33"][change.kind.rawValue] ?? "36"
                out += "  " + paint("\(DiffFormatting.sigil(change.kind)) \(DiffFormatting.title(change))", colourCode) + "\n"
                for field in change.fields {
                    guard EmbeddedFile.isEmbedded(field) else {
                        out += "      \(field.path): \(DiffFormatting.arrow(field))\n"
                        continue
                    }
                    // A file held in the object: its lines, as `diff -u` shows them.
                    out += "      \(field.path): (\(EmbeddedFile.language(field)), line diff)\n"
                    for line in EmbeddedFile.lineDiff(field).split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                        out += "        "
                            + (line.hasPrefix("+") ? paint(String(line), "32") : line.hasPrefix("-") ? paint(String(line), "31")
                                : String(line))
                            + "\n"
                    }
                }
            }
        }
        if !report.files.isEmpty {
            out += "\n" + paint("files", "1") + "\n"
            for file in report.files {
                out += "  \(["added": "+", "removed": "-"][file.kind.rawValue] ?? "~") \(file.path)\n"
            }
        }
        return out
    }
}
