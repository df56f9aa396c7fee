/// Builds the `CostReport` of a planned platform: pools from the placement's running nodes,
/// workloads and teams by the GPUs they hold, idle GPUs apart, external providers by route, and
/// the same again with every model at `replicas.max` (`AutoscaleEnvelope`).
package enum CostModel {
    package static func report(_ plan: PlannedPlatform) -> CostReport {
        let p = plan.platform
        let placedNodes = plan.placement?.nodes ?? []
        let demandPool = Dictionary((plan.placement?.assignments ?? []).map { ($0.demand, $0.pool) }, uniquingKeysWith: { a, _ in a })
        var pools: [PoolCost] = []
        var now: [String: Money] = [:], atMax: [String: Money] = [:]
        var heldNow: [String: GPUCount] = [:], heldMax: [String: GPUCount] = [:]
        // Worked out once rather than once per pool (which made the report quadratic): the nodes
        // placed in each pool, and the models whose extra replicas each pool takes, by name.
        let nodesByPool = Dictionary(grouping: placedNodes, by: \.pool)
        // Training jobs priced for the hours they run (`hoursPerMonth`), not the whole month.
        let partTime = Dictionary(p.training.filter { Int64($0.hoursPerMonth) < CostArithmetic.hoursPerMonth }
            .map { (PlacementPass.jobDemandID($0.name), $0.hoursPerMonth) }, uniquingKeysWith: { a, _ in a })
        var scalingModels: [String: [Model]] = [:]
        // A model whose minimum could not be placed (E3001) does not scale either.
        for m in p.models.sorted(by: { $0.name < $1.name })
        where m.minReplicas == 0 || demandPool[PlacementPass.modelDemandID(m.name)] != nil {
            if let pool = scalingPool(m, demandPool, p) { scalingModels[pool, default: []].append(m) }
        }
        for pool in p.clusters.flatMap(\.nodePools).sorted(by: { $0.id < $1.id }) {
            var ledger = PoolLedger(pool: pool, placed: nodesByPool[pool.id] ?? [])
            ledger.partTime = partTime
            var grown = ledger
            for m in scalingModels[pool.id] ?? [] {
                AutoscaleEnvelope.scale(&grown, model: m, extra: m.maxReplicas - m.minReplicas)
            }
            let a = ledger.attribution(), b = grown.attribution()
            let heldByLedger = ledger.held, heldByGrown = grown.held
            for (d, money) in a.byDemand { now[d] = money; heldNow[d] = ledger.gpus(heldByLedger[d] ?? 0) }
            for (d, money) in b.byDemand { atMax[d] = money; heldMax[d] = grown.gpus(heldByGrown[d] ?? 0) }
            pools.append(PoolCost(cluster: pool.cluster, pool: pool.name, gpu: pool.gpu, gpusPerNode: pool.gpusPerNode,
                                  pricePerHour: pool.pricePerHour ?? .zero, priceSource: pool.priceSource,
                                  runningNodes: ledger.runningNodes, nodesAtMax: grown.runningNodes, maxNodes: pool.maxNodes,
                                  heldGPUs: ledger.gpus(heldByLedger.values.reduce(0, +)),
                                  heldGPUsAtMax: grown.gpus(heldByGrown.values.reduce(0, +)),
                                  monthly: a.total, monthlyAtMax: b.total, idle: a.idle, idleAtMax: b.idle))
        }
        var workloads: [WorkloadCost] = []
        func add(_ kind: WorkloadCost.Kind, _ name: String, team: String, gpu: String, demand: String) {
            guard let pool = demandPool[demand] ?? (kind == .model ? p.model(name).flatMap { scalingPool($0, demandPool, p) } : nil) else {
                return
            }
            workloads.append(WorkloadCost(kind: kind, name: name, team: team, pool: pool, gpu: gpu,
                                          gpus: heldNow[demand] ?? .zero, gpusAtMax: heldMax[demand] ?? .zero,
                                          monthly: now[demand] ?? .zero, monthlyAtMax: atMax[demand] ?? .zero))
        }
        for m in p.models { add(.model, m.name, team: m.team, gpu: m.gpuModel, demand: PlacementPass.modelDemandID(m.name)) }
        for j in p.training { add(.training, j.name, team: j.team, gpu: j.gpuModel, demand: PlacementPass.jobDemandID(j.name)) }
        workloads.sort { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }
        let external = ExternalTraffic.costs(p)
        let teams = p.teams.sorted { $0.name < $1.name }.map { t -> TeamCost in
            let own = workloads.filter { $0.team == t.name }
            return TeamCost(name: t.name, gpus: own.reduce(.zero) { $0 + $1.gpus }, gpusAtMax: own.reduce(.zero) { $0 + $1.gpusAtMax },
                            quota: t.gpuQuota, gpuMonthly: own.reduce(.zero) { $0 + $1.monthly },
                            gpuMonthlyAtMax: own.reduce(.zero) { $0 + $1.monthlyAtMax },
                            externalMonthly: external.flatMap(\.shares).filter { $0.team == t.name }.reduce(.zero) { $0 + $1.monthly },
                            budget: t.budget)
        }
        let clusters = p.clusters.map(\.name).sorted().map { name -> ClusterCost in
            let own = pools.filter { $0.cluster == name }
            return ClusterCost(name: name, gpus: own.reduce(0) { $0 + $1.gpus }, heldGPUs: own.reduce(.zero) { $0 + $1.heldGPUs },
                               monthly: own.reduce(.zero) { $0 + $1.monthly }, monthlyAtMax: own.reduce(.zero) { $0 + $1.monthlyAtMax },
                               idle: own.reduce(.zero) { $0 + $1.idle })
        }
        let externalTotal = external.reduce(Money.zero) { $0 + $1.monthly }
        return CostReport(pools: pools, workloads: workloads, external: external, teams: teams, clusters: clusters,
                          monthly: pools.reduce(.zero) { $0 + $1.monthly } + externalTotal,
                          monthlyAtMax: pools.reduce(.zero) { $0 + $1.monthlyAtMax } + externalTotal,
                          idle: pools.reduce(.zero) { $0 + $1.idle }, idleAtMax: pools.reduce(.zero) { $0 + $1.idleAtMax },
                          budget: p.budget)
    }

    /// The pool a model's extra replicas go to: where its minimum was placed, else the first pool
    /// (by id) that matches its GPU, MIG profile and pins.
    static func scalingPool(_ m: Model, _ placed: [String: String], _ p: Platform) -> String? {
        if let pool = placed[PlacementPass.modelDemandID(m.name)] { return pool }
        guard m.maxReplicas > 0 else { return nil }
        return p.clusters.flatMap(\.nodePools).filter { pool in
            pool.gpu == m.gpuModel && (m.cluster.map { $0 == pool.cluster } ?? true) && (m.pool.map { $0 == pool.name } ?? true)
                && (m.migProfile.map { pool.migProfiles[$0] != nil } ?? pool.migProfiles.isEmpty)
        }.map(\.id).min()
    }
}
