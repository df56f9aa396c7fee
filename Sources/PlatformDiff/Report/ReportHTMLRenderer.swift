/// `platformc report`: one self-contained HTML page (inline CSS, SVG drawn here, no script, no
/// font or image from elsewhere) that shows where every GPU went, what each team costs against
/// its budget, each route's hops and, with a base, what changed. Deterministic bytes: the page
/// depends only on the picture and the diff report. Every spec-derived string is escaped.
package enum ReportHTMLRenderer {
    package static func render(_ picture: PlatformPicture, changes: DiffReport? = nil) -> String {
        let e = HTMLText.escape
        let colours = WorkloadColours(teams: picture.teams.map(\.team), workloads: picture.workloads)
        var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>\(e(picture.name)): platformc report</title><style>\(css)</style></head><body>"
        out += "<header><h1>\(e(picture.name))</h1><p class=\"totals\">"
        out += "\(picture.pools.reduce(0) { $0 + $1.nodes.count }) running nodes · "
        out += "\(picture.pools.reduce(0) { $0 + $1.nodes.count * $1.gpusPerNode }) GPUs · "
        out += "\(picture.pools.reduce(0) { $0 + $1.strandedGPUs }) stranded · "
        out += "\(e(HTMLText.money(picture.monthly))) \(e(picture.currency))/month now, \(e(HTMLText.money(picture.monthlyAtMax))) at "
            + "replicas.max"
        if let budget = picture.budget { out += " · budget \(e(HTMLText.money(budget)))" }
        out += "</p></header><main>"
        if let changes { out += ReportChangesHTML.render(changes) }
        out += costSection(picture, colours: colours)
        out += placementSection(picture, colours: colours)
        out += routeSection(picture)
        out += "</main><footer>Drawn by platformc \(e(PlatformcVersion.string)) from the spec alone: no network, no "
            + "script.</footer></body></html>\n"
        return out
    }

    private static func costSection(_ picture: PlatformPicture, colours: WorkloadColours) -> String {
        let e = HTMLText.escape
        let scale = picture.teams.map { max($0.monthlyAtMax, $0.budget ?? .zero) }.max() ?? .zero
        var out = "<section id=\"cost\"><h2>Cost per team (\(e(picture.currency))/month)</h2>"
        out += "<p class=\"hint\">Solid: now. Light: with every model at <code>replicas.max</code>. Tick: the team's budget.</p>"
        out += "<table><thead><tr><th>Team</th><th>GPUs</th><th></th><th class=\"num\">Now</th><th class=\"num\">At max</th><th "
            + "class=\"num\">Budget</th></tr></thead><tbody>"
        for team in picture.teams {
            let over = team.budget.map { team.monthly > $0 } ?? false
            let overAtMax = team.budget.map { team.monthlyAtMax > $0 } ?? false
            out += "<tr><td><span class=\"swatch\" style=\"background:\(colours.team[team.team] ?? "#888")\"></span>\(e(team.team))</td>"
            out += "<td class=\"num\">\(e(team.gpus))</"
                + "td><td>\(BudgetBarSVG.render(team, scale: scale, colour: colours.team[team.team] ?? "#888"))</td>"
            out += "<td class=\"num\(over ? " over" : "")\">\(e(HTMLText.money(team.monthly)))</td>"
            out += "<td class=\"num\(overAtMax ? " over" : "")\">\(e(HTMLText.money(team.monthlyAtMax)))</td>"
            out += "<td class=\"num\">\(team.budget.map { e(HTMLText.money($0)) } ?? "—")</td></tr>"
        }
        return out + "</tbody></table></section>"
    }

    /// Legends of up to this many workloads start unfolded.
    static let legendOpen = 40

    private static func placementSection(_ picture: PlatformPicture, colours: WorkloadColours) -> String {
        let e = HTMLText.escape
        // A fleet's legend (hundreds of teams) starts folded, so the grid comes first.
        let teams = Set(picture.workloads.map(\.team)).count
        var out = "<section id=\"placement\"><h2>Placement</h2><details\(picture.workloads.count <= legendOpen ? " open" : "")>"
        out += "<summary>Legend: \(teams) team\(teams == 1 ? "" : "s"), \(picture.workloads.count) "
            + "workload\(picture.workloads.count == 1 ? "" : "s")</summary><div class=\"legend\">"
        for team in Array(Set(picture.workloads.map(\.team))).sorted() {
            out += "<div class=\"team\"><b><span class=\"swatch\" "
                + "style=\"background:\(colours.team[team] ?? "#888")\"></span>\(e(team))</b>"
            for workload in picture.workloads where workload.team == team {
                out += " <span class=\"item\"><span class=\"swatch\" "
                    + "style=\"background:\(colours.fill(workload.demand))\"></span>\(e(workload.name))</span>"
            }
            out += "</div>"
        }
        out += "<div class=\"team\"><span class=\"item\"><span class=\"swatch\" "
            + "style=\"background:\(WorkloadColours.free)\"></span>free</span>"
        out += " <span class=\"item\"><span class=\"swatch stranded\"></span>stranded (free, but no workload of the pool fits)</span>"
        out += " <span class=\"item\"><span class=\"swatch mig\"></span>MIG GPU: one band per slice</span></div></div></details>"
        // Hover titles cost load time: a fleet of thousands of nodes goes without them.
        let titled = picture.pools.reduce(0) { $0 + $1.nodes.count } <= NodeGridSVG.titledFleet
        var cluster = ""
        for (index, pool) in picture.pools.enumerated() {
            if pool.cluster != cluster {
                cluster = pool.cluster
                out += "<h3>\(e(cluster))</h3>"
            }
            let mig = pool.migSlices.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            out += "<div class=\"pool\"><h4>\(e(pool.pool)) <small>\(e(pool.gpu)) × "
                + "\(pool.gpusPerNode)\(mig.isEmpty ? "" : " · MIG \(e(mig))") · "
            out += "\(pool.nodes.count) of \(pool.maxNodes) nodes running · \(pool.strandedGPUs) stranded · "
                + "\(e(HTMLText.money(pool.monthly))) \(e(picture.currency))/month</small></h4>"
            out += pool.nodes.isEmpty ? "<p class=\"hint\">No node runs.</p>"
                : NodeGridSVG.render(pool, index: index, colours: colours, titled: titled)
            out += "</div>"
        }
        if !picture.unplaced.isEmpty {
            out += "<h3>Not placed</h3><ul class=\"diags\">" + picture.unplaced.map { "<li class=\"error\">\(e($0))</li>" }.joined()
                + "</ul>"
        }
        return out + "</section>"
    }

    /// Routes drawn as SVG; the rest are listed hop by hop in a table, which keeps the page of a
    /// fleet with thousands of routes quick to load (Benchmarks/report/RESULTS.md).
    static let drawnRoutes = 60

    private static func routeSection(_ picture: PlatformPicture) -> String {
        let e = HTMLText.escape
        var out = "<section id=\"routes\"><h2>Routes</h2>"
        if picture.routes.isEmpty { return out + "<p class=\"hint\">No routes.</p></section>" }
        for route in picture.routes.prefix(drawnRoutes) {
            out += "<div class=\"hops\"><h4>\(e(route.name)) <small>\(e(route.cluster)) · HTTPRoute "
                + "\(e(route.namespace))/\(e(route.name))</small></h4>"
            out += RouteHopsSVG.render(route) + "</div>"
        }
        let rest = picture.routes.dropFirst(drawnRoutes)
        guard !rest.isEmpty else { return out + "</section>" }
        out += "<h3>\(rest.count) more route\(rest.count == 1 ? "" : "s")</h3><table "
            + "class=\"hoplist\"><thead><tr><th>Route</th><th>Gateway</th><th>Match</th><th>Backends</th></tr></thead><tbody>"
        for route in rest {
            let backends = route.backends.map { "\($0.percent)% \($0.kind) \($0.namespace)/\($0.name)" }
                + route.fallbacks.map { "fallback \($0)" }
            out += "<tr><td>\(e(route.cluster))/\(e(route.name))</td><td>\(e(route.gateways.joined(separator: ", ")))</td>"
            out += "<td>\(e((route.hostnames + route.paths).joined(separator: " ")))</td><td>\(e(backends.joined(separator: ", ")))</td></"
                + "tr>"
        }
        return out + "</tbody></table></section>"
    }

    static let css = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2937;margin:0;background:#fff}\
    header{background:#111827;color:#f9fafb;padding:14px 24px}header h1{margin:0;font-size:22px}\
    .totals{margin:4px 0 0;color:#d1d5db}main{padding:8px 24px 24px;max-width:1140px}\
    h2{font-size:18px;border-bottom:1px solid #e5e7eb;padding-bottom:4px;margin-top:24px}h3{font-size:15px;margin:18px 0 6px}\
    h4{font-size:14px;margin:12px 0 4px}small{color:#6b7280;font-weight:normal}\
    table{border-collapse:collapse}td,th{padding:3px 10px;text-align:left;vertical-align:middle}th{color:#6b7280;font-weight:600}\
    .num{text-align:right;font-variant-numeric:tabular-nums}.over,.up{color:#b42318;font-weight:600}\
    .swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}\
    .swatch.stranded{background:repeating-linear-gradient(45deg,#d23c3c 0 2px,#e6e8eb 2px 4px)}\
    .swatch.mig{background:linear-gradient(#6b7280 0 45%,#fff 45% 55%,#9ca3af 55%)}\
    .legend{display:flex;flex-direction:column;gap:4px;margin:8px 0 12px}.legend .item{margin-right:10px;white-space:nowrap}\
    .hint{color:#6b7280;margin:4px 0}svg{display:block;max-width:100%;height:auto}svg.bar{display:inline-block}\
    svg.route text{font:12px monospace;fill:#111827}svg.route text.share{font-size:11px;fill:#374151}\
    svg.route rect{fill:#f9fafb;stroke:#9ca3af}svg.route rect.gw{fill:#eef2ff;stroke:#6366f1}svg.route \
    rect.rt{fill:#ecfeff;stroke:#0891b2}svg.route rect.via{fill:#fdf4ff;stroke:#a21caf}\
    svg.route rect.be{fill:#f0fdf4;stroke:#16a34a}svg.route rect.fb{fill:#fff7ed;stroke:#ea580c;stroke-dasharray:4 3}\
    .diags li.error{color:#b42318}.diags li.warning{color:#92400e}ul.objects{columns:2;font-size:12px}table.hoplist{font-size:12px}\
    li.added code{color:#15803d}li.removed code{color:#b42318}li.changed code{color:#92400e}\
    summary{cursor:pointer;color:#374151;margin:4px 0}footer{color:#9ca3af;font-size:12px;padding:12px 24px}
    """
}
