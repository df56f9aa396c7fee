/// A pool's running nodes as one SVG: each node a strip of GPU cells coloured by holder, MIG
/// GPUs cut into their slices, stranded GPUs hatched red. Consecutive GPUs of one holder are one
/// rectangle and a pattern draws the cell borders, so 5,000 nodes stay a few elements each.
enum NodeGridSVG {
    static let width = 1080.0

    static func render(_ pool: PoolPicture, index: Int, colours: WorkloadColours) -> String {
        guard !pool.nodes.isEmpty, pool.gpusPerNode > 0 else { return "" }
        // Large pools get small cells, so a 5,000-node fleet stays a page or two per pool.
        let (cell, height) = pool.nodes.count > 600 ? (6.0, 10.0) : pool.nodes.count > 64 ? (10.0, 16.0) : (16.0, 24.0)
        let gap = 4.0
        let nodeWidth = Double(pool.gpusPerNode) * cell
        let perRow = max(1, Int((width + gap) / (nodeWidth + gap)))
        let rows = (pool.nodes.count + perRow - 1) / perRow
        let svgWidth = Double(min(perRow, pool.nodes.count)) * (nodeWidth + gap) - gap
        let svgHeight = Double(rows) * (height + gap) - gap
        let id = "p\(index)"
        let n = HTMLText.number
        var out = "<svg class=\"grid\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(svgWidth))\" height=\"\(n(svgHeight))\" viewBox=\"0 0 \(n(svgWidth)) \(n(svgHeight))\" role=\"img\">"
        out += "<defs><pattern id=\"\(id)c\" width=\"\(n(cell))\" height=\"\(n(height))\" patternUnits=\"userSpaceOnUse\"><rect width=\"\(n(cell))\" height=\"\(n(height))\" fill=\"none\" stroke=\"#fff\" stroke-width=\"1\"/></pattern>"
        out += "<pattern id=\"\(id)s\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"4\" fill=\"\(WorkloadColours.stranded)\"/></pattern></defs>"
        for (k, node) in pool.nodes.enumerated() {
            let x = Double(k % perRow) * (nodeWidth + gap), y = Double(k / perRow) * (height + gap)
            out += "<g><title>\(HTMLText.escape(title(node)))</title>"
            out += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(nodeWidth))\" height=\"\(n(height))\" fill=\"\(WorkloadColours.free)\"/>"
            var i = 0
            while i < node.gpus.count {
                let gpu = node.gpus[i]
                if !gpu.slices.isEmpty {
                    let sliceHeight = height / Double(gpu.slices.count)
                    for (s, holder) in gpu.slices.enumerated() where holder != nil {
                        out += "<rect x=\"\(n(x + Double(i) * cell))\" y=\"\(n(y + Double(s) * sliceHeight))\" width=\"\(n(cell))\" height=\"\(n(sliceHeight))\" fill=\"\(colours.fill(holder))\" stroke=\"#fff\" stroke-width=\"0.5\"/>"
                    }
                    i += 1
                    continue
                }
                var j = i + 1
                while j < node.gpus.count, node.gpus[j].slices.isEmpty, node.gpus[j].holder == gpu.holder, node.gpus[j].stranded == gpu.stranded { j += 1 }
                let runX = n(x + Double(i) * cell), runWidth = n(Double(j - i) * cell)
                if gpu.holder != nil {
                    out += "<rect x=\"\(runX)\" y=\"\(n(y))\" width=\"\(runWidth)\" height=\"\(n(height))\" fill=\"\(colours.fill(gpu.holder))\"/>"
                }
                if gpu.stranded {
                    out += "<rect x=\"\(runX)\" y=\"\(n(y))\" width=\"\(runWidth)\" height=\"\(n(height))\" fill=\"url(#\(id)s)\"/>"
                }
                i = j
            }
            out += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(nodeWidth))\" height=\"\(n(height))\" fill=\"url(#\(id)c)\" stroke=\"#8a9099\" stroke-width=\"0.5\"/></g>"
        }
        return out + "</svg>"
    }

    /// `node-3 (us-east-1a): 0-3 model/a, 4-7 free`.
    static func title(_ node: NodePicture) -> String {
        var parts: [String] = []
        var i = 0
        while i < node.gpus.count {
            let gpu = node.gpus[i]
            let label = gpu.slices.isEmpty ? (gpu.holder ?? (gpu.stranded ? "stranded" : "free"))
                : "MIG " + gpu.slices.map { $0 ?? "free" }.joined(separator: " | ")
            var j = i + 1
            while j < node.gpus.count, gpu.slices.isEmpty, node.gpus[j].slices.isEmpty, node.gpus[j].holder == gpu.holder, node.gpus[j].stranded == gpu.stranded { j += 1 }
            parts.append("GPU \(i)\(j - i > 1 ? "-\(j - 1)" : ""): \(label)")
            i = j
        }
        return "\(node.name) (\(node.zone)): " + parts.joined(separator: ", ")
    }
}
