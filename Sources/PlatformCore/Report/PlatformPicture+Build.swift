/// The picture of a compile: the placement's running nodes, the cost pass's team figures and
/// the emitted HTTPRoutes (fallbacks from the spec's routes, which LiteLLM serves).
extension PlatformPicture {
    public init(plan: PlannedPlatform, manifests: ManifestSet?) {
        let platform = plan.platform
        let placement = plan.placement
        let nodesByPool = Dictionary(grouping: placement?.nodes ?? [], by: \.pool)
        let usage = Dictionary((placement?.pools ?? []).map { ($0.pool, $0) }, uniquingKeysWith: { a, _ in a })
        let pools = platform.clusters.flatMap(\.nodePools).map { pool -> PoolPicture in
            let shapes = Self.groupShapes(of: pool, in: platform)
            let nodes = (nodesByPool[pool.id] ?? []).map { node in
                NodePicture(name: node.name, zone: node.zone, gpus: Self.gpus(of: node, pool: pool, shapes: shapes))
            }
            return PoolPicture(cluster: pool.cluster, pool: pool.name, gpu: pool.gpu, gpusPerNode: pool.gpusPerNode,
                               maxNodes: pool.maxNodes, migSlices: pool.migProfiles, strandedGPUs: usage[pool.id]?.strandedGPUs ?? 0,
                               monthly: plan.cost?.pool(pool.id)?.monthly ?? .zero, nodes: nodes)
        }
        let teams = (plan.cost?.teams ?? []).map { team in
            TeamMoney(team: team.name, monthly: team.monthly, monthlyAtMax: team.monthlyAtMax, budget: team.budget?.monthly,
                      gpus: team.gpus.description)
        }
        let workloads = platform.models.map { WorkloadKey(demand: PlacementPass.modelDemandID($0.name), name: $0.name, team: $0.team) }
            + platform.training.map { WorkloadKey(demand: PlacementPass.jobDemandID($0.name), name: $0.name, team: $0.team) }
        var routes = manifests.map(RouteHops.all) ?? []
        for index in routes.indices {
            guard let route = platform.routes.first(where: { $0.name == routes[index].name }) else { continue }
            routes[index].fallbacks = route.fallbacks.map { "\($0.provider)/\($0.model)" }
        }
        self.init(name: platform.name, currency: platform.teams.compactMap(\.budget?.currency).first ?? platform.budget?.currency ?? "USD",
                  pools: pools, teams: teams, workloads: workloads.sorted { $0.demand < $1.demand }, routes: routes,
                  monthly: plan.cost?.monthly ?? .zero, monthlyAtMax: plan.cost?.monthlyAtMax ?? .zero,
                  budget: plan.cost?.budget?.monthly,
                  unplaced: (placement?.unplaced ?? []).map { "\($0.demand): \($0.message)" })
    }

    /// GPUs per group of every whole-GPU workload that asks for this pool's GPU: a free island
    /// smaller than all of them is stranded (the placement's rule, `FleetState.stranded`).
    static func groupShapes(of pool: NodePool, in platform: Platform) -> [Int] {
        let models = platform.models.filter { $0.gpuModel == pool.gpu && $0.migProfile == nil && ($0.cluster ?? pool.cluster) == pool.cluster }
            .map(\.gpusPerReplica)
        let jobs = platform.training.filter { $0.gpuModel == pool.gpu && ($0.cluster ?? pool.cluster) == pool.cluster }.map(\.gpusPerNode)
        return Array(Set(models + jobs)).sorted()
    }

    /// A node's GPUs with holders, slices and stranded marks.
    static func gpus(of node: PlacedNode, pool: NodePool, shapes: [Int]) -> [GPUPicture] {
        var gpus = node.gpus.map { gpu -> GPUPicture in
            guard let profile = gpu.migProfile else { return GPUPicture(holder: gpu.holder) }
            var slices: [String?] = gpu.slices.flatMap { Array(repeating: Optional($0.demand), count: $0.count) }
            let total = max(pool.migProfiles[profile] ?? slices.count, slices.count)
            slices += Array(repeating: nil, count: total - slices.count)
            return GPUPicture(holder: gpu.holder, slices: slices)
        }
        let isFree = { (g: GPUPicture) in g.holder == nil && g.slices.allSatisfy { $0 == nil } }
        if node.heldWholeBy != nil {
            // A node held whole by a multi-node group: what it leaves free nothing else may use.
            for i in gpus.indices where isFree(gpus[i]) { gpus[i].stranded = true }
            return gpus
        }
        if !pool.migProfiles.isEmpty { return gpus }
        var offset = 0
        for size in pool.islands where offset + size <= gpus.count {
            let free = (offset..<offset + size).filter { isFree(gpus[$0]) }
            var best = Array(repeating: 0, count: free.count + 1)
            if !free.isEmpty {
                for x in 1...free.count { for s in shapes where s <= x { best[x] = max(best[x], best[x - s] + s) } }
            }
            for i in free.suffix(free.count - best[free.count]) { gpus[i].stranded = true }
            offset += size
        }
        return gpus
    }
}
