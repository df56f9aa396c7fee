/// The PR comment's picture of the routes whose hops changed: a Mermaid flowchart (GitHub renders
/// ```` ```mermaid ```` blocks in comments: docs.github.com, "Creating diagrams"). Solid edges are
/// head's, dotted edges what base had and head drops. Labels are quoted and escaped with
/// Mermaid's entity codes (`#quot;`, `#35;`…: a `#name;` or `#decimal;` stands for the character,
/// added in mermaid 0.5.2 for knsv/mermaid issue 193, see its test/examples), so no name can break
/// out of a label or the block. The diagram stops
/// adding routes at `maxBytes` and says how many it left out.
package enum RouteMermaid {
    package static let maxBytes = 12_000

    package static func render(_ changes: [RouteChange], maxBytes: Int = maxBytes) -> String {
        guard !changes.isEmpty else { return "" }
        var body = ""
        var shown = 0
        for (index, change) in changes.enumerated() {
            let part = route(change, id: "r\(index)")
            if body.utf8.count + part.utf8.count > maxBytes { break }
            body += part
            shown += 1
        }
        var out = "\n**Routes whose path changed**\n\n"
        out += DiffMarkdownRenderer.ClusterSection.fence("mermaid", "flowchart LR\n  client([\"client\"])\n" + body)
        if shown < changes.count {
            out += "\n_…and \(changes.count - shown) more route\(changes.count - shown == 1 ? "" : "s") not drawn, to fit GitHub's comment "
                + "limit._\n"
        }
        return out
    }

    private static func route(_ change: RouteChange, id: String) -> String {
        let hops = change.head ?? change.base!
        let status = change.base == nil ? "added" : change.head == nil ? "removed" : "changed"
        let what = hops.gateways.isEmpty && hops.via != nil ? "LiteLLM model \(hops.name)" : "HTTPRoute \(hops.namespace)/\(hops.name)"
        let title = "\(change.key.clusterLabel): \(what) (\(status))"
        var out = "  subgraph \(id)[\"\(label(title))\"]\n"
        let entry = hops.gateways.isEmpty ? (hops.via ?? "") : hops.gateways.map { "Gateway " + $0 }.joined(separator: ", ")
        out += "    \(id)g[\"\(label(entry))\"] --> "
        out += "\(id)m[\"\(label((hops.hostnames + hops.paths).joined(separator: " ")))\"]\n  end\n"
        out += "  client \(change.head == nil ? "-.->" : "-->") \(id)g\n"
        let old = change.base?.backends ?? [], new = change.head?.backends ?? []
        var targets: [String] = []
        for backend in new + old where !targets.contains(target(backend)) { targets.append(target(backend)) }
        for (i, name) in targets.enumerated() {
            let before = old.first { target($0) == name }, after = new.first { target($0) == name }
            let edge: String
            switch (before, after) {
            case (nil, let b?): edge = "-->|\"\(b.percent)% (new)\"|"
            case (let a?, nil): edge = "-.->|\"removed (was \(a.percent)%)\"|"
            case (let a?, let b?) where a.percent != b.percent: edge = "-->|\"\(a.percent)% → \(b.percent)%\"|"
            case (_, let b?): edge = "-->|\"\(b.percent)%\"|"
            default: continue
            }
            out += "  \(id)m \(edge) \(id)b\(i)[\"\(label(name))\"]\n"
        }
        return out
    }

    private static func target(_ backend: RouteHops.Backend) -> String { "\(backend.kind) \(backend.namespace)/\(backend.name)" }

    /// Text safe inside a quoted Mermaid label: `#` first (it starts an entity code), then the
    /// characters that end a label, start markup or close the fence; one line.
    static func label(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "#": out += "#35;"
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "`": out += "#96;"
            case "|": out += "#124;"
            case "\n", "\r", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
