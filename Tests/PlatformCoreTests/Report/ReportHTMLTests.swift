import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

@Suite struct ReportHTMLTests {
    static let hostile = "<script>alert(1)</script>"

    /// A picture whose every name is hostile: a model, a team, a pool, a route, a host and a path.
    static var hostilePicture: PlatformPicture {
        let demand = "model/\(hostile)"
        let node = NodePicture(name: "n\"><script>x</script>", zone: "z'><img src=x onerror=alert(1)>",
                               gpus: [GPUPicture(holder: demand), GPUPicture(slices: [demand, nil]), GPUPicture(stranded: true)])
        let pool = PoolPicture(cluster: "c</svg><script>", pool: "p<b>", gpu: "G&amp;", gpusPerNode: 3, maxNodes: 2,
                               migSlices: ["3g<script>": 2], strandedGPUs: 1, nodes: [node])
        var route = RouteHops(Manifest(object: ManifestMap([
            ("apiVersion", .string("gateway.networking.k8s.io/v1")), ("kind", .string("HTTPRoute")),
            ("metadata", .map(ManifestMap([("name", .string(hostile)), ("namespace", .string("ns\"<"))]))),
            ("spec", .map(ManifestMap([
                ("hostnames", .list([.string("h<script>.example")])),
                ("parentRefs", .list([.map(ManifestMap([("name", .string("gw<script>"))]))])),
                ("rules", .list([.map(ManifestMap([
                    ("matches", .list([.map(ManifestMap([("path", .map(ManifestMap([("value", .string("/</text><script>"))])))]))])),
                    ("backendRefs", .list([.map(ManifestMap([("name", .string(hostile)), ("weight", .int(1))]))])),
                ]))])),
            ]))),
        ]))!, cluster: "c<script>")!
        route.fallbacks = ["p<script>/m"]
        return PlatformPicture(name: "acme<script>", currency: "U<S>D",
                               pools: [pool],
                                   teams: [TeamMoney(team: "t<script>", monthly: Money(micros: 5_000_000),
                                       monthlyAtMax: Money(micros: 9_000_000),
                                                                budget: Money(micros: 7_000_000), gpus: "1.5")],
                               workloads: [WorkloadKey(demand: demand, name: hostile, team: "t<script>")], routes: [route],
                               monthly: Money(micros: 5_000_000), monthlyAtMax: Money(micros: 9_000_000), unplaced: ["model/x: \(hostile)"])
    }

    /// Every tag the page may hold: the renderer's own, none of them active content.
    static let allowedTags: Set<String> = ["html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "main",
                                           "section", "table", "thead", "tbody", "tr", "th", "td", "span", "b", "div", "svg", "defs",
                                           "pattern", "rect", "g", "path", "text", "small", "code", "ul", "li", "footer", "details",
                                           "summary"]

    static func tags(_ html: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: "<\\s*/?\\s*([A-Za-z][A-Za-z0-9]*)")
        let range = NSRange(html.startIndex..., in: html)
        return Set(regex.matches(in: html, range: range).map { String(html[Range($0.range(at: 1), in: html)!]).lowercased() })
    }

    @Test func hostileNamesComeOutInert() {
        let html = ReportHTMLRenderer.render(Self.hostilePicture)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        #expect(!html.contains("<b>") || !html.contains("p<b>"))
        #expect(Self.tags(html).subtracting(Self.allowedTags).isEmpty, "unexpected tags: \(Self.tags(html).subtracting(Self.allowedTags))")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("n&quot;&gt;&lt;script&gt;x&lt;/script&gt;"))   // inside a <title> of the grid
        #expect(html.contains("/&lt;/text&gt;&lt;script&gt;"))                  // a route path inside SVG <text>
        // A quote in a name never ends an attribute or a title early.
        #expect(html.contains("<title>n&quot;&gt;&lt;script&gt;x&lt;/script&gt; (z&#39;&gt;&lt;img src=x onerror=alert(1)&gt;): GPU 0:"))
    }

    @Test func hostileNamesInTheChangesSection() {
        let base = PlatformSnapshot(files: ["clusters/prod/x/configmap-evil.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: "\(Self.hostile)"
              namespace: x
            data: {}

            """])
        let report = DiffReport(base: base, head: PlatformSnapshot(files: [:]), baseLabel: "dir:<script>", headLabel: "h",
                                headDiagnostics: [Diagnostic(.warning, "P0101", "image `<script>` is not pinned", at: nil)])
        let html = ReportHTMLRenderer.render(Self.hostilePicture, changes: report)
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("ConfigMap x/&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(Self.tags(html).subtracting(Self.allowedTags).isEmpty)
    }

    @Test func selfContainedAndDeterministic() {
        let html = ReportHTMLRenderer.render(Self.hostilePicture)
        #expect(html == ReportHTMLRenderer.render(Self.hostilePicture))
        for needle in [" src=\"", " href=\"", "@import", "<link", "<script", "url(http", "@font-face"] {
            #expect(!html.lowercased().contains(needle), "found \(needle)")
        }
        // The only URL on the page is the SVG namespace, which browsers never fetch.
        let urls = html.components(separatedBy: "http://").count + html.components(separatedBy: "https://").count - 2
        #expect(urls == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
    }

    @Test func migSlicesAreBandsOfOneGPUAndStrandedGPUsAreHatched() {
        let html = ReportHTMLRenderer.render(Self.hostilePicture)
        // One node of 3 GPUs (cells 16 × 24): GPU 0 held whole and GPU 1's first `3g` slice (the
        // top band) in the workload's colour, GPU 2 hatched as stranded, a band line across GPU 1.
        let fill = "hsl(212,62%,42%)"
        #expect(html.contains("<path d=\"M0 0h16v24h-16zM16 0h16v12h-16z\" fill=\"\(fill)\"/>"))
        #expect(html.contains("<path d=\"M32 0h16v24h-16z\" fill=\"url(#p0s)\"/>"))
        #expect(html.contains("<path d=\"M16 0v24M32 0v24M16 12h16\" fill=\"none\" stroke=\"#fff\""))
    }

    @Test func budgetTickAndOverBudgetAtMax() {
        let html = ReportHTMLRenderer.render(Self.hostilePicture)
        // 7 of a 9 scale on a 360-wide bar: the tick at 280 (2 wide, ending there), red since max (9) is over the budget.
        #expect(html.contains("<rect x=\"278\" y=\"0\" width=\"2\" height=\"18\" fill=\"#b42318\"/>"))
        #expect(html.contains("<td class=\"num over\">9</td>"))
    }
}
