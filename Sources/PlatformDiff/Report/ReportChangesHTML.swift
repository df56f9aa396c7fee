/// The "what changed" section of the report, from the diff's own report model: the summary rows
/// (GPUs and money per team, before and after), replicas and nodes that moved, the new
/// diagnostics, and the objects that changed, by cluster.
enum ReportChangesHTML {
    static let maxObjects = 500

    static func render(_ report: DiffReport) -> String {
        let e = HTMLText.escape
        var out = "<section id=\"changes\"><h2>Changes against <code>\(e(report.baseLabel))</code></h2>"
        guard report.hasChanges || !report.summary.isEmpty || !report.diagnostics.isEmpty else {
            return out + "<p>No changes.</p></section>"
        }
        out += "<p>\(e(DiffFormatting.counts(report.resources, all: true)))</p>"
        out += "<table><thead><tr><th></th><th class=\"num\">Before</th><th class=\"num\">After</th><th "
            + "class=\"num\">Change</th></tr></thead><tbody>"
        for row in DiffFormatting.summaryRows(report.summary) {
            let grows = row.delta.hasPrefix("+") && row.delta != "+0" && row.delta != "+0.00"
            out += "<tr><td>\(e(row.label))</td><td class=\"num\">\(e(row.old))</td><td class=\"num\">\(e(row.new))</td><td "
                + "class=\"num\(grows ? " up" : "")\">\(e(row.delta))</td></tr>"
        }
        out += "</tbody></table>"
        if !report.summary.replicas.isEmpty {
            out += "<h3>Replicas moved</h3><table><thead><tr><th>Model</th><th>Pool</th><th class=\"num\">Before</th><th "
                + "class=\"num\">After</th></tr></thead><tbody>"
            for shift in report.summary.replicas {
                out += "<tr><td>\(e(shift.model))</td><td>\(e(shift.cluster))/\(e(shift.pool))</td><td class=\"num\">\(shift.old)</td><td "
                    + "class=\"num\">\(shift.new)</td></tr>"
            }
            out += "</tbody></table>"
        }
        if !report.summary.nodes.isEmpty {
            out += "<h3>Nodes</h3><table><thead><tr><th>Pool</th><th class=\"num\">Before</th><th "
                + "class=\"num\">After</th></tr></thead><tbody>"
            for node in report.summary.nodes {
                out += "<tr><td>\(e(node.name))</td><td class=\"num\">\(DiffFormatting.count(node.old))</td><td "
                    + "class=\"num\">\(DiffFormatting.count(node.new))</td></tr>"
            }
            out += "</tbody></table>"
        }
        if !report.diagnostics.isEmpty {
            out += "<h3>New diagnostics</h3><ul class=\"diags\">"
            for d in report.diagnostics {
                let location = d.location.map { "\($0): " } ?? ""
                out += "<li class=\"\(d.severity == .error ? "error" : "warning")\">"
                    + "\(e("\(location)\(d.severity.rawValue)[\(d.code)]: \(d.message)"))</li>"
            }
            out += "</ul>"
        }
        if !report.resources.isEmpty {
            out += "<h3>Objects</h3><ul class=\"objects\">"
            for change in report.resources.prefix(maxObjects) {
                let cluster = change.key.clusterLabel
                out += "<li class=\"\(change.kind.rawValue)\"><code>\(e(DiffFormatting.sigil(change.kind))) \(e(cluster)): "
                    + "\(e(DiffFormatting.title(change)))</code></li>"
            }
            if report.resources.count > maxObjects {
                out += "<li>…and \(report.resources.count - maxObjects) more (run <code>platformc diff</code>)</li>"
            }
            out += "</ul>"
        }
        return out + "</section>"
    }
}
