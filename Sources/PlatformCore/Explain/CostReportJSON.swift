/// `platformc explain cost --format json` (the lock's short form is `LockFile.Cost(summary:)`). Money is
/// written as a decimal string in dollars rounded to the cent (`"40179.20"`), so JSON readers never
/// see binary floating point; GPU counts as numbers.
package enum CostReportJSON {
    package static func render(_ r: CostReport) -> String { PrettyJSON.render(value(r)) + "\n" }

    package static func value(_ r: CostReport) -> ManifestValue {
        var teams = ManifestMap()
        for t in r.teams {
            var m: ManifestMap = ["gpus": gpus(t.gpus), "gpusAtMax": gpus(t.gpusAtMax), "monthly": money(t.monthly),
                                  "monthlyAtMax": money(t.monthlyAtMax), "gpuMonthly": money(t.gpuMonthly),
                                  "externalMonthly": money(t.externalMonthly)]
            m["quota"] = t.quota.map { .int(Int64($0)) } ?? .null
            m["budget"] = t.budget.map { money($0.monthly) } ?? .null
            m["headroom"] = t.headroom.map(money) ?? .null
            teams[t.name] = .map(m)
        }
        var clusters = ManifestMap()
        for c in r.clusters {
            clusters[c.name] = ["gpus": .int(Int64(c.gpus)), "heldGPUs": gpus(c.heldGPUs), "monthly": money(c.monthly),
                                "monthlyAtMax": money(c.monthlyAtMax), "idle": money(c.idle)]
        }
        var pools = ManifestMap()
        for p in r.pools {
            pools[p.id] = ["gpu": .string(p.gpu), "runningNodes": .int(Int64(p.runningNodes)), "nodesAtMax": .int(Int64(p.nodesAtMax)),
                           "pricePerHour": money(p.pricePerHour), "priceSource": .string(p.priceSource),
                           "gpus": .int(Int64(p.gpus)), "heldGPUs": gpus(p.heldGPUs), "monthly": money(p.monthly),
                           "monthlyAtMax": money(p.monthlyAtMax), "idle": money(p.idle), "idleAtMax": money(p.idleAtMax)]
        }
        var workloads = ManifestMap()
        for w in r.workloads {
            workloads[w.demand] = ["team": .string(w.team), "pool": .string(w.pool), "gpu": .string(w.gpu), "gpus": gpus(w.gpus),
                                   "gpusAtMax": gpus(w.gpusAtMax), "monthly": money(w.monthly), "monthlyAtMax": money(w.monthlyAtMax)]
        }
        var external = ManifestMap()
        for e in r.external {
            var shares = ManifestMap()
            for s in e.shares { shares[s.team] = money(s.monthly) }
            external[e.route] = ["provider": .string(e.provider), "model": .string(e.model), "tokensPerDay": .int(e.tokensPerDay),
                                 "inputPerMillion": money(e.price.inputPerMillion), "outputPerMillion": money(e.price.outputPerMillion),
                                 "priceSource": .string(e.price.source), "monthly": money(e.monthly), "teams": .map(shares)]
        }
        var root: ManifestMap = ["currency": "USD", "hoursPerMonth": .int(CostArithmetic.hoursPerMonth),
                                 "monthly": money(r.monthly), "monthlyAtMax": money(r.monthlyAtMax),
                                 "idle": money(r.idle), "idleAtMax": money(r.idleAtMax),
                                 "teams": .map(teams), "clusters": .map(clusters), "pools": .map(pools),
                                 "workloads": .map(workloads), "external": .map(external)]
        root["budget"] = r.budget.map { money($0.monthly) } ?? .null
        return .map(root)
    }

    static func money(_ m: Money) -> ManifestValue { .string(m.description) }
    package static func gpus(_ g: GPUCount) -> ManifestValue { LockPlacement.gpuValue(g) }
}
