/// The diff as a pull-request comment: the summary table first, then a collapsible `<details>`
/// section per cluster and per object. It starts with the hidden marker CI uses to find and
/// update its earlier comment, and stays within `limit` UTF-8 bytes (GitHub refuses comments
/// over 65,536 characters; a byte is never less than a character): when too long, the largest
/// object sections lose their body first, then whole clusters collapse to one line, each with a note.
package enum DiffMarkdownRenderer {
    /// The first line of every comment; CI finds the previous comment by it.
    package static let marker = "<!-- platformc-diff -->"
    /// GitHub's limit on an issue or pull-request comment body.
    package static let gitHubLimit = 65_536

    package static func render(_ report: DiffReport, limit: Int = gitHubLimit) -> String {
        let header = self.header(report)
        let footer = report.files.isEmpty ? "" : files(report)
        var clusters = report.clusters.map { cluster in
            ClusterSection(report.resources.filter { $0.key.cluster == cluster })
        }
        // Room for the truncation note itself.
        let budget = limit - header.utf8.count - footer.utf8.count - 200
        var total = clusters.reduce(0) { $0 + $1.size }
        var truncated = false
        if total > budget {
            truncated = true
            let order = clusters.indices.flatMap { c in clusters[c].sections.indices.map { (c, $0) } }
                .sorted { clusters[$0.0].sections[$0.1].body.utf8.count > clusters[$1.0].sections[$1.1].body.utf8.count }
            for (c, s) in order where total > budget {
                total -= clusters[c].sections[s].body.utf8.count
                clusters[c].sections[s].body = "_Details omitted to fit GitHub's comment limit; run `platformc diff` for them._\n"
                total += clusters[c].sections[s].body.utf8.count
            }
            // Then the largest cluster loses its last sections, one by one, to a count.
            for c in clusters.indices { clusters[c].measure() }
            while total > budget,
                let c = clusters.indices.filter({ clusters[$0].shown > 0 }).max(by: { clusters[$0].size < clusters[$1].size }) {
                total -= clusters[c].size
                clusters[c].shown -= 1
                total += clusters[c].size
            }
        }
        var body = header + clusters.map(\.text).joined() + footer
        if truncated {
            body += "\n> [!NOTE]\n> This diff was shortened to stay under GitHub's comment limit; `platformc diff` prints all of it.\n"
        }
        if body.utf8.count > limit {
            // Only a summary larger than the limit gets here: cut it at a line boundary.
            let note = "\n\n_…cut at GitHub's comment limit; run `platformc diff` for the rest._\n"
            var cut = Array(body.utf8.prefix(limit - note.utf8.count))
            while let last = cut.last, last != UInt8(ascii: "\n") { cut.removeLast() }
            body = String(decoding: cut, as: UTF8.self) + note
        }
        return body
    }

    private static func header(_ report: DiffReport) -> String {
        var out = "\(marker)\n## platformc diff\n\n"
        out += "`\(report.baseLabel)` → `\(report.headLabel)`: "
        guard report.hasChanges || !report.diagnostics.isEmpty || !report.summary.isEmpty || !report.moves.isEmpty else {
            return out + "**no changes**\n"
        }
        out += "**\(DiffFormatting.counts(report.resources, all: true))**"
        out += report.clusters.isEmpty ? "" : " in \(report.clusters.count) cluster\(report.clusters.count == 1 ? "" : "s")"
        out += report.files.isEmpty ? "\n\n" : "; \(report.files.count) other file\(report.files.count == 1 ? "" : "s") changed\n\n"
        out += "| | Before | After | Change |\n|---|---:|---:|---:|\n"
        for row in DiffFormatting.summaryRows(report.summary) {
            out += "| \(cell(row.label)) | \(row.old) | \(row.new) | \(row.delta) |\n"
        }
        let summary = report.summary
        if !summary.replicas.isEmpty {
            out += "\n**Replicas moved**\n\n| Model | Cluster | Pool | Before | After |\n|---|---|---|---:|---:|\n"
            out += limited(summary.replicas
                .map { "| \(cell($0.model)) | \(cell($0.cluster)) | \(cell($0.pool)) | \($0.old) | \($0.new) |\n" },
                columns: 5)
        }
        if !report.moves.isEmpty {
            out += "\n**Placement moves**\n\n| Workload | From | To | Because |\n|---|---|---|---|\n"
            out += limited(report.moves.map { "| \(cell($0.subject)) | \(cell($0.from)) | \(cell($0.to)) | \(cell($0.because)) |\n" },
                columns: 4)
        }
        if !summary.nodes.isEmpty {
            out += "\n**Nodes**\n\n| Pool | Before | After |\n|---|---:|---:|\n"
            out += limited(summary.nodes
                .map { "| \(cell($0.name)) | \(DiffFormatting.count($0.old)) | \(DiffFormatting.count($0.new)) |\n" },
                columns: 3)
        }
        if !summary.quotas.isEmpty {
            out += "\n**Quotas**\n\n| Cluster | Namespace | Resource | Before | After |\n|---|---|---|---:|---:|\n"
            out += limited(summary.quotas.map {
                """
                    | \(cell($0.key.cluster)) | \(cell($0.key.namespace)) | `\(cell($0.key.resource))` | \(cell($0.old ?? "—")) | \
                    \(cell($0.new ?? "—")) |\n
                    """
            }, columns: 5)
        }
        if !summary.securityExceptions.isEmpty {
            out += "\n**Security exceptions**\n\n| Object | Before | After |\n|---|---|---|\n"
            out += limited(summary.securityExceptions.map { "| \(cell($0.name)) | \(cell($0.old ?? "—")) | \(cell($0.new ?? "—")) |\n" },
                columns: 3)
        }
        out += RouteMermaid.render(report.routes)
        if !report.diagnostics.isEmpty {
            out += "\n**New diagnostics**\n\n"
            let lines = report.diagnostics.map { d -> String in
                let icon = d.severity == .error ? ":x:" : ":warning:"
                let location = d.location.map { " `\($0)`" } ?? ""
                let violation = DiffPolicy.isViolation(d) ? " **(policy/budget violation)**" : ""
                return "- \(icon) `\(d.severity.rawValue)[\(d.code)]`\(location): \(cell(d.message))\(violation)\n"
            }
            out += lines.prefix(50).joined() + (lines.count > 50 ? "- …and \(lines.count - 50) more\n" : "")
        }
        return out + "\n"
    }

    /// At most 50 table rows, then one row saying how many were left out.
    private static func limited(_ rows: [String], columns: Int) -> String {
        guard rows.count > 50 else { return rows.joined() }
        return rows.prefix(50).joined() + "| …and \(rows.count - 50) more" + String(repeating: " |", count: columns - 1) + " |\n"
    }

    private static func files(_ report: DiffReport) -> String {
        var out = "<details><summary>Other files: \(report.files.count)</summary>\n\n"
        let lines = report.files.map { "- \($0.kind.rawValue): `\($0.path)`\n" }
        out += lines.prefix(100).joined() + (lines.count > 100 ? "- …and \(lines.count - 100) more\n" : "")
        return out + "\n</details>\n"
    }

    /// A table cell or list text: pipes escaped, one line.
    static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\n", with: " ")
    }

    static func html(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    /// One cluster's `<details>`: a section per object.
    struct ClusterSection {
        struct Section {
            var summary: String
            var body: String
            var text: String { "<details><summary><code>\(summary)</code></summary>\n\n\(body)\n</details>\n" }
        }
        var label: String
        var counts: String
        var sections: [Section]
        /// How many sections are printed; the rest are counted in one line.
        var shown: Int
        private var sectionSizes: [Int] = []

        init(_ changes: [ResourceChange]) {
            label = changes[0].key.clusterLabel
            counts = DiffFormatting.counts(changes)
            sections = changes.map { change in
                Section(summary: html("\(DiffFormatting.sigil(change.kind)) \(DiffFormatting.title(change))"), body: Self.body(change))
            }
            shown = sections.count
        }

        private var opening: String { "<details><summary><b>\(html(label))</b>: \(counts)</summary>\n\n" }
        private var closing: String {
            let hidden = sections.count - shown
            return (hidden == 0 ? ""
                : "\n_…and \(hidden) more object\(hidden == 1 ? "" : "s") not shown, to fit GitHub's comment limit._\n")
                + "\n</details>\n\n"
        }

        var text: String { opening + sections.prefix(shown).map(\.text).joined() + closing }

        /// Caches the section sizes, so dropping sections one by one stays linear.
        mutating func measure() {
            sectionSizes = sections.map { $0.text.utf8.count }
        }

        var size: Int {
            guard sectionSizes.count == sections.count else { return text.utf8.count }
            return opening.utf8.count + sectionSizes.prefix(shown).reduce(0, +) + closing.utf8.count
        }

        static func body(_ change: ResourceChange) -> String {
            switch change.kind {
            case .changed:
                // Fields holding a file (ConfigMap data, topology XML) get a line diff of their own.
                let files = change.fields.filter(EmbeddedFile.isEmbedded)
                let lines = change.fields.filter { !EmbeddedFile.isEmbedded($0) }.map { field -> String in
                    var text = ""
                    if let old = field.old { text += "- \(field.path): \(DiffFormatting.inline(old))\n" }
                    if let new = field.new { text += "+ \(field.path): \(DiffFormatting.inline(new))\n" }
                    return text
                }
                let embedded = files
                    .map { "`\(cell($0.path.description))`\n\n" + fence(EmbeddedFile.language($0), EmbeddedFile.lineDiff($0)) }
                return ((lines.isEmpty ? [] : [fence("diff", lines.joined())]) + embedded).joined(separator: "\n")
            case .added, .removed:
                return fence("yaml", YAMLRenderer.render(change.object ?? .null))
            case .renamed, .moved:
                return "Same content; \(change.kind == .renamed ? "new name" : "new place"): `\(change.key.description)`.\n"
            }
        }

        /// A fenced block whose fence is longer than any backtick run inside.
        static func fence(_ language: String, _ text: String) -> String {
            var longest = 0, run = 0
            for character in text { run = character == "`" ? run + 1 : 0; longest = max(longest, run) }
            let ticks = String(repeating: "`", count: max(3, longest + 1))
            return "\(ticks)\(language)\n\(text)\(text.hasSuffix("\n") ? "" : "\n")\(ticks)\n"
        }
    }
}
