/// A route's hops left to right: client → Gateway → HTTPRoute (hosts and paths) → LiteLLM when the
/// route passes through it (`RouteHops.via`) → each backend with its share, and the external
/// fallbacks LiteLLM tries (dashed). Text is monospace and cut to a fixed length, so every box's
/// width is known here and the drawing fits its view box.
enum RouteHopsSVG {
    static let charWidth = 7.8
    static let maxChars = 40
    static let boxHeight = 24.0
    static let rowGap = 8.0
    static let columnGap = 44.0

    static func render(_ route: RouteHops) -> String {
        let fallbackPrefix = route.via == nil ? "LiteLLM → " : "fallback "
        let targets = route.backends.map { "\($0.kind) \($0.namespace)/\($0.name)" } + route.fallbacks.map { fallbackPrefix + $0 }
        let shares = route.backends.map { "\($0.percent)%" } + route.fallbacks.map { _ in "fallback" }
        var columns: [[String]] = [
            ["client"],
            route.gateways.isEmpty ? ["(no gateway)"] : route.gateways.map { "Gateway \($0)" },
            route.hostnames.map { "host \($0)" } + route.paths.map { "path \($0)" },
        ]
        if let via = route.via { columns.append(["LiteLLM " + (via.hasPrefix("Service ") ? String(via.dropFirst(8)) : via)]) }
        columns.append(targets.isEmpty ? ["(no backend)"] : targets)
        // The last column holds the backends; the edges into it carry the shares.
        let last = columns.count - 1
        let labels = columns.map { $0.map(cut) }
        let widths = labels.map { column in Double(column.map(\.count).max() ?? 1) * charWidth + 16 }
        let rows = labels.map(\.count).max() ?? 1
        let totalHeight = Double(rows) * (boxHeight + rowGap) - rowGap + 4
        let labelRoom = 64.0
        var xs: [Double] = []
        var x = 2.0
        for (i, width) in widths.enumerated() {
            xs.append(x)
            x += width + (i == last - 1 ? columnGap + labelRoom : columnGap)
        }
        let totalWidth = xs[xs.count - 1] + widths[widths.count - 1] + 2
        let n = HTMLText.number
        var out = "<svg class=\"route\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(totalWidth))\" height=\"\(n(totalHeight))\" "
            + "viewBox=\"0 0 \(n(totalWidth)) \(n(totalHeight))\" role=\"img\">"
        func top(_ row: Int, of count: Int) -> Double {
            let block = Double(count) * (boxHeight + rowGap) - rowGap
            return 2 + (totalHeight - 4 - block) / 2 + Double(row) * (boxHeight + rowGap)
        }
        // Edges first, so boxes sit above them: each column's boxes join the next column's.
        for c in 0..<(labels.count - 1) {
            let fromX = xs[c] + widths[c], toX = xs[c + 1]
            let fromY = (0..<labels[c].count).map { top($0, of: labels[c].count) + boxHeight / 2 }
            let midFrom = (fromY.min()! + fromY.max()!) / 2
            for (r, _) in labels[c + 1].enumerated() {
                let toY = top(r, of: labels[c + 1].count) + boxHeight / 2
                let dashed = c == last - 1 && r >= route.backends.count
                out += "<path d=\"M\(n(fromX)) \(n(midFrom)) C\(n(fromX + 20)) \(n(midFrom)) \(n(toX - 20)) \(n(toY)) \(n(toX)) "
                    + "\(n(toY))\" fill=\"none\" stroke=\"#6b7280\" stroke-width=\"1.2\"\(dashed ? " stroke-dasharray=\"4 3\"" : "")/>"
                if c == last - 1, r < shares.count {
                    out += "<text x=\"\(n(toX - 6))\" y=\"\(n(toY - 4))\" text-anchor=\"end\" "
                        + "class=\"share\">\(HTMLText.escape(shares[r]))</text>"
                }
            }
        }
        for (c, column) in labels.enumerated() {
            for (r, label) in column.enumerated() {
                let y = top(r, of: column.count)
                let kind = c == 0 ? "client" : c == 1 ? "gw" : c == 2 ? "rt" : c < last ? "via" : r < route.backends.count ? "be" : "fb"
                out += "<rect class=\"\(kind)\" x=\"\(n(xs[c]))\" y=\"\(n(y))\" width=\"\(n(widths[c]))\" height=\"\(n(boxHeight))\" "
                    + "rx=\"4\"/>"
                out += "<text x=\"\(n(xs[c] + 8))\" y=\"\(n(y + 16))\">\(HTMLText.escape(label))</text>"
            }
        }
        return out + "</svg>"
    }

    /// At most `maxChars` characters, the cut marked with an ellipsis.
    static func cut(_ text: String) -> String {
        text.count <= maxChars ? text : String(text.prefix(maxChars - 1)) + "…"
    }
}
