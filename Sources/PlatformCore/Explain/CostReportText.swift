/// `platformc explain cost` as text and Markdown: per team, cluster, pool and workload the GPUs
/// held and the monthly cost now and with every model at `replicas.max`, budgets and their
/// headroom, idle GPU cost on its own line, and where each price came from.
package enum CostReportText {
    package static func text(_ r: CostReport) -> String {
        var out = "platform: $\(r.monthly)/month, $\(r.monthlyAtMax)/month at replicas.max"
        if let b = r.budget { out += ", budget $\(b.monthly) (headroom $\(b.monthly - r.monthly))" }
        out += "\n  idle GPUs: $\(r.idle)/month ($\(r.idleAtMax) at max)\n\nteams\n"
        for t in r.teams {
            out += "  \(t.name): \(t.gpus) GPUs (\(t.gpusAtMax) at max)\(t.quota.map { " of quota \($0)" } ?? ""), "
            out += "$\(t.monthly)/month ($\(t.monthlyAtMax) at max)"
            out += t.budget.map { ", budget $\($0.monthly) (headroom $\($0.monthly - t.monthly))" } ?? ", no budget"
            out += "\n    GPUs $\(t.gpuMonthly), external $\(t.externalMonthly)\n"
        }
        out += "\nclusters\n"
        for c in r.clusters {
            out += "  \(c.name): \(c.heldGPUs) of \(c.gpus) GPUs held, $\(c.monthly)/month ($\(c.monthlyAtMax) at max), idle $\(c.idle)\n"
        }
        out += "\npools\n"
        for p in r.pools {
            out += "  \(p.id): \(p.runningNodes) nodes (\(p.nodesAtMax) at max, nodes.max \(p.maxNodes)) × $\(p.pricePerHour)/h "
                + "(\(p.priceSource))\n"
            out += "    \(p.heldGPUs) of \(p.gpus) \(p.gpu) GPUs held, $\(p.monthly)/month ($\(p.monthlyAtMax) at max), idle $\(p.idle) "
                + "($\(p.idleAtMax) at max)\n"
        }
        out += "\nworkloads\n"
        for w in r.workloads {
            out += "  \(w.kind.rawValue) \(w.name) (\(w.team)) in \(w.pool): \(w.gpus) \(w.gpu) GPUs, $\(w.monthly)/month"
            out += " (\(w.gpusAtMax) GPUs, $\(w.monthlyAtMax) at max)\n"
        }
        if !r.external.isEmpty { out += "\nexternal providers\n" }
        for e in r.external {
            out += "  route \(e.route) → \(e.provider)/\(e.model): \(e.tokensPerDay) tokens/day, $\(e.monthly)/month (\(e.price.source))\n"
            out += "    " + e.shares.map { "\($0.team) $\($0.monthly)" }.joined(separator: ", ") + "\n"
        }
        out += "\n" + note
        return out
    }

    /// The pricing rule, printed under every report.
    package static let note = "Node price × 730 h/month for each running node, split over teams by the GPUs they hold (MIG slices by their "
        + "fraction); idle GPUs stay on their own line. External traffic: fallback tokens/day × 730/24 days at a 3:1 input:output blend.\n"

    package static func markdown(_ r: CostReport) -> String {
        var out = "### Cost\n\n"
        out += "Platform: **$\(r.monthly)**/month, $\(r.monthlyAtMax) at `replicas.max`"
        if let b = r.budget { out += "; budget $\(b.monthly), headroom $\(b.monthly - r.monthly)" }
        out += ". Idle GPUs: $\(r.idle)/month.\n\n"
        out += "| team | GPUs | at max | quota | $/month | at max | budget | headroom |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for t in r.teams {
            out += "| \(t.name) | \(t.gpus) | \(t.gpusAtMax) | \(t.quota.map(String.init) ?? "—") | \(t.monthly) | \(t.monthlyAtMax) | "
            out += "\(t.budget.map { "\($0.monthly)" } ?? "—") | \(t.headroom.map { "\($0)" } ?? "—") |\n"
        }
        out += "| _idle GPUs_ | | | | \(r.idle) | \(r.idleAtMax) | | |\n\n"
        out += "| cluster | GPUs held | $/month | at max | idle |\n|---|---:|---:|---:|---:|\n"
        for c in r.clusters { out += "| \(c.name) | \(c.heldGPUs) / \(c.gpus) | \(c.monthly) | \(c.monthlyAtMax) | \(c.idle) |\n" }
        out += "\n| pool | nodes | at max | $/h | GPUs held | $/month | at max | idle | price source |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---|\n"
        for p in r.pools {
            out += "| \(p.id) | \(p.runningNodes) | \(p.nodesAtMax) | \(p.pricePerHour) | \(p.heldGPUs) / \(p.gpus) | \(p.monthly) | "
                + "\(p.monthlyAtMax) | \(p.idle) | \(p.priceSource) |\n"
        }
        out += "\n| workload | team | pool | GPUs | $/month | GPUs at max | at max |\n|---|---|---|---:|---:|---:|---:|\n"
        for w in r.workloads {
            out += "| \(w.kind.rawValue) `\(w.name)` | \(w.team) | \(w.pool) | \(w.gpus) \(w.gpu) | \(w.monthly) | \(w.gpusAtMax) | "
                + "\(w.monthlyAtMax) |\n"
        }
        if !r.external.isEmpty {
            out += "\n| route | provider model | tokens/day | $/month | paid by | price source |\n|---|---|---:|---:|---|---|\n"
            for e in r.external {
                let shares = e.shares.map { "\($0.team) \($0.monthly)" }.joined(separator: ", ")
                out += "| \(e.route) | \(e.provider)/\(e.model) | \(e.tokensPerDay) | \(e.monthly) | \(shares) | \(e.price.source) |\n"
            }
        }
        out += "\n" + note
        return out
    }
}
