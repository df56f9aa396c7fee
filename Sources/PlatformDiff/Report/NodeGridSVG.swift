/// A pool's running nodes as one SVG: each node a strip of GPU cells coloured by holder, MIG
/// GPUs cut into bands (one per slice), stranded GPUs hatched red. All cells of one colour are
/// one `<path>`, so a pool of 5,000 nodes is a few dozen elements and the page stays quick to
/// load (measured: Benchmarks/report/RESULTS.md); small pools also get a hover title per node.
enum NodeGridSVG {
    static let width = 1080.0
    /// Pools up to this many nodes, in fleets up to `titledFleet` nodes, get a `<title>` per node
    /// (hover text in a browser).
    static let titledNodes = 200
    static let titledFleet = 2_000

    static func render(_ pool: PoolPicture, index: Int, colours: WorkloadColours, titled: Bool = true) -> String {
        guard !pool.nodes.isEmpty, pool.gpusPerNode > 0 else { return "" }
        // Large pools get small cells, so a 5,000-node fleet stays a page or two per pool.
        let (cell, height) = pool.nodes.count > 600 ? (6.0, 10.0) : pool.nodes.count > 64 ? (10.0, 16.0) : (16.0, 24.0)
        let gap = 4.0
        let nodeWidth = Double(pool.gpusPerNode) * cell
        let perRow = max(1, Int((width + gap) / (nodeWidth + gap)))
        let rows = (pool.nodes.count + perRow - 1) / perRow
        let svgWidth = Double(min(perRow, pool.nodes.count)) * (nodeWidth + gap) - gap
        let svgHeight = Double(rows) * (height + gap) - gap
        let n = HTMLText.number
        func box(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> String { "M\(n(x)) \(n(y))h\(n(w))v\(n(h))h\(n(-w))z" }

        var nodes = "", borders = "", stranded = "", titles = ""
        var fills: [String] = []               // in order of first use
        var shapes: [String: String] = [:]     // fill → path data
        func paint(_ fill: String, _ data: String) {
            if shapes[fill] == nil { fills.append(fill) }
            shapes[fill, default: ""] += data
        }
        for (k, node) in pool.nodes.enumerated() {
            let x = Double(k % perRow) * (nodeWidth + gap), y = Double(k / perRow) * (height + gap)
            nodes += box(x, y, nodeWidth, height)
            if cell >= 10 { for g in 1..<max(1, pool.gpusPerNode) { borders += "M\(n(x + Double(g) * cell)) \(n(y))v\(n(height))" } }
            var i = 0
            while i < node.gpus.count {
                let gpu = node.gpus[i]
                if !gpu.slices.isEmpty {
                    let band = height / Double(gpu.slices.count)
                    for (s, holder) in gpu.slices.enumerated() where holder != nil {
                        paint(colours.fill(holder), box(x + Double(i) * cell, y + Double(s) * band, cell, band))
                    }
                    if cell >= 10 {
                        for s in 1..<gpu.slices.count { borders += "M\(n(x + Double(i) * cell)) \(n(y + Double(s) * band))h\(n(cell))" }
                    }
                    i += 1
                    continue
                }
                var j = i + 1
                while j < node.gpus.count, node.gpus[j].slices.isEmpty, node.gpus[j].holder == gpu.holder,
                    node.gpus[j].stranded == gpu.stranded {
                    j += 1
                }
                if gpu.holder != nil { paint(colours.fill(gpu.holder), box(x + Double(i) * cell, y, Double(j - i) * cell, height)) }
                if gpu.stranded { stranded += box(x + Double(i) * cell, y, Double(j - i) * cell, height) }
                i = j
            }
            if titled && pool.nodes.count <= titledNodes {
                titles += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(nodeWidth))\" height=\"\(n(height))\" "
                    + "fill=\"transparent\"><title>\(HTMLText.escape(title(node)))</title></rect>"
            }
        }
        let id = "p\(index)"
        var out = "<svg class=\"grid\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(svgWidth))\" height=\"\(n(svgHeight))\" "
            + "viewBox=\"0 0 \(n(svgWidth)) \(n(svgHeight))\" role=\"img\">"
        out += "<defs><pattern id=\"\(id)s\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"4\" fill=\"\(WorkloadColours.stranded)\"/></pattern></defs>"
        out += "<path d=\"\(nodes)\" fill=\"\(WorkloadColours.free)\"/>"
        for fill in fills { out += "<path d=\"\(shapes[fill]!)\" fill=\"\(fill)\"/>" }
        if !stranded.isEmpty { out += "<path d=\"\(stranded)\" fill=\"url(#\(id)s)\"/>" }
        if !borders.isEmpty { out += "<path d=\"\(borders)\" fill=\"none\" stroke=\"#fff\" stroke-width=\"1\"/>" }
        out += "<path d=\"\(nodes)\" fill=\"none\" stroke=\"#8a9099\" stroke-width=\"0.5\"/>"
        return out + titles + "</svg>"
    }

    /// `node-3 (us-east-1a): GPU 0-3: model/a, GPU 4-7: free`.
    static func title(_ node: NodePicture) -> String {
        var parts: [String] = []
        var i = 0
        while i < node.gpus.count {
            let gpu = node.gpus[i]
            let label = gpu.slices.isEmpty ? (gpu.holder ?? (gpu.stranded ? "stranded" : "free"))
                : "MIG " + gpu.slices.map { $0 ?? "free" }.joined(separator: " | ")
            var j = i + 1
            while j < node.gpus.count, gpu.slices.isEmpty, node.gpus[j].slices.isEmpty, node.gpus[j].holder == gpu.holder,
                node.gpus[j].stranded == gpu.stranded {
                j += 1
            }
            parts.append("GPU \(i)\(j - i > 1 ? "-\(j - 1)" : ""): \(label)")
            i = j
        }
        return "\(node.name) (\(node.zone)): " + parts.joined(separator: ", ")
    }
}
