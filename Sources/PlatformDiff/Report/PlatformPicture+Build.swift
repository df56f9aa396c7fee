/// The picture of a compile: the placement's running nodes, the cost pass's team figures and
/// the emitted HTTPRoutes (fallbacks from the spec's routes, which LiteLLM serves).
extension PlatformPicture {
    package init(plan: PlannedPlatform, manifests: ManifestSet?) {
        let platform = plan.platform
        let placement = plan.placement
        let nodesByPool = Dictionary(grouping: placement?.nodes ?? [], by: \.pool)
        let usage = Dictionary((placement?.pools ?? []).map { ($0.pool, $0) }, uniquingKeysWith: { a, _ in a })
        var placed: [String: Int] = [:]
        for assignment in placement?.assignments ?? [] { placed[assignment.demand, default: 0] += assignment.groups.count }
        let pools = platform.clusters.flatMap(\.nodePools).map { pool -> PoolPicture in
            let room = Self.remainingDemand(of: pool, in: platform, placed: placed)
            let nodes = (nodesByPool[pool.id] ?? []).map { node in
                NodePicture(name: node.name, zone: node.zone, gpus: Self.gpus(of: node, pool: pool, room: room))
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
        let byCluster = Dictionary((manifests?.clusters ?? []).map { ($0.name, $0.manifests) }, uniquingKeysWith: { a, _ in a })
        for index in routes.indices {
            guard let route = platform.routes.first(where: { $0.name == routes[index].name }) else { continue }
            // Through LiteLLM the HTTPRoute names only its Service; the picture shows where LiteLLM sends.
            // LiteLLM lists the route's backends under the name its clients send.
            routes[index].followLiteLLM(model: route.clientModelName(in: platform), manifests: byCluster[routes[index].cluster] ?? [])
            routes[index].fallbacks = route.fallbacks.map { "\($0.provider)/\($0.model)" }
        }
        self.init(name: platform.name, currency: platform.teams.compactMap(\.budget?.currency).first ?? platform.budget?.currency ?? "USD",
                  pools: pools, teams: teams, workloads: workloads.sorted { $0.demand < $1.demand }, routes: routes,
                  monthly: plan.cost?.monthly ?? .zero, monthlyAtMax: plan.cost?.monthlyAtMax ?? .zero,
                  budget: plan.cost?.budget?.monthly,
                  unplaced: (placement?.unplaced ?? []).map { "\($0.demand): \($0.message)" })
    }

    /// The demand that may still ask a pool for room: models below `replicas.max` that may run
    /// there. Free GPUs none of it can use are stranded; this is the placement's rule
    /// (`CanonicalProblem.islandShapes`, `wholeNodeShape`, `migShapes`; `FleetState.stranded`).
    struct RemainingDemand {
        /// GPUs per replica of single-node whole-GPU models.
        var islandShapes: [Int] = []
        /// A multi-node model may take a whole empty node.
        var wholeNode = false
        /// A MIG model may take a slice.
        var mig = false
    }

    static func remainingDemand(of pool: NodePool, in platform: Platform, placed: [String: Int]) -> RemainingDemand {
        var room = RemainingDemand()
        for model in platform.models where model.gpuModel == pool.gpu && (model.cluster ?? pool.cluster) == pool.cluster
            && (model.pool ?? pool.name) == pool.name && placed[PlacementPass.modelDemandID(model.name), default: 0] < model.maxReplicas {
            if model.migProfile != nil { room.mig = room.mig || pool.migProfiles[model.migProfile!] != nil }
            else if model.nodesPerReplica > 1 { room.wholeNode = true }
            else if pool.migProfiles.isEmpty, !room.islandShapes.contains(model.gpusPerReplica) {
                room.islandShapes.append(model.gpusPerReplica)
            }
        }
        return room
    }

    /// A node's GPUs with holders, slices and stranded marks.
    static func gpus(of node: PlacedNode, pool: NodePool, room: RemainingDemand) -> [GPUPicture] {
        var gpus = node.gpus.map { gpu -> GPUPicture in
            guard let profile = gpu.migProfile else { return GPUPicture(holder: gpu.holder) }
            var slices: [String?] = gpu.slices.flatMap { Array(repeating: Optional($0.demand), count: $0.count) }
            let total = max(pool.migProfiles[profile] ?? slices.count, slices.count)
            slices += Array(repeating: nil, count: total - slices.count)
            return GPUPicture(holder: gpu.holder, slices: slices)
        }
        let isFree = { (g: GPUPicture) in g.holder == nil && g.slices.allSatisfy { $0 == nil } }
        if gpus.allSatisfy(isFree) && room.wholeNode { return gpus }
        if node.heldWholeBy != nil || (!pool.migProfiles.isEmpty && !room.mig) {
            // Held whole by a multi-node group, or MIG with no slice demand left: every free GPU is lost.
            for i in gpus.indices where isFree(gpus[i]) { gpus[i].stranded = true }
            return gpus
        }
        if !pool.migProfiles.isEmpty { return gpus }
        var offset = 0
        for size in pool.islands where offset + size <= gpus.count {
            let free = (offset..<offset + size).filter { isFree(gpus[$0]) }
            var best = Array(repeating: 0, count: free.count + 1)
            if !free.isEmpty {
                for x in 1...free.count { for s in room.islandShapes where s <= x { best[x] = max(best[x], best[x - s] + s) } }
            }
            for i in free.suffix(free.count - best[free.count]) { gpus[i].stranded = true }
            offset += size
        }
        return gpus
    }
}
