/// Kueue queues per cluster (`kueue.x-k8s.io/v1beta2`), from the teams' quotas: a ResourceFlavor
/// per device-plugin GPU pool (its node label and tolerations), a ClusterQueue per team in one
/// cohort, a LocalQueue in each team namespace, and a WorkloadPriorityClass per team priority in use.
///
/// Quotas hold (`TeamQuotaSplit`): a team's quota is split over clusters, never repeated; per
/// flavor the teams' GPU nominal quotas add up to at most the pool's GPUs at `nodes.max`, and what a
/// team may use beyond its nominal quota is a stated `borrowingLimit`. CPU, memory and the fabric's
/// devices (`FabricDevices`: EFA, RDMA) are covered too, since Kueue refuses a workload that asks
/// for an uncovered resource; each team gets them in the proportion of its GPUs, so no queue
/// claims the whole pool. MIG pools are left out: their devices are not `nvidia.com/gpu`. DRA
/// pools are flavors too, so their teams' jobs have a LocalQueue and CPU, memory and fabric
/// devices are quota'd there; their GPUs are claimed, not requested, so the `nvidia.com/gpu` quota
/// of a DRA flavor bounds nothing.
package struct KueueEmitter: Emitter {
    package var relativeCost: Int { 100 }
    package static let apiVersion = "kueue.x-k8s.io/v1beta2"
    package static let gpuResource = "nvidia.com/gpu"

    package init() {}

    /// The pools of `cluster` that become flavors, sorted by name.
    package static func flavorPools(_ cluster: Cluster) -> [NodePool] {
        cluster.nodePools.filter { $0.migProfiles.isEmpty && $0.gpusPerNode > 0 }
            .sorted { $0.name < $1.name }
    }

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        let priorities = Set(p.teams.map(\.priority))
        let split = TeamQuotaSplit.perCluster(plan)
        for cluster in p.clusters.sorted(by: { $0.name < $1.name }) {
            let pools = Self.flavorPools(cluster)
            guard !pools.isEmpty else { continue }
            let labels = PlatformLabels.common(p)
            for pool in pools {
                let spec: ManifestMap = ["nodeLabels": .map(PoolScheduling.nodeSelector(pool)),
                                         "tolerations": PoolScheduling.tolerations(pool)]
                context.add(Manifest(apiVersion: Self.apiVersion, kind: "ResourceFlavor", name: pool.name, labels: labels,
                                     body: ["spec": .map(spec)]), to: cluster.name, template: "kueue/resourceflavor")
            }
            for priority in Team.Priority.allCases where priorities.contains(priority) {
                context.add(Manifest(apiVersion: Self.apiVersion, kind: "WorkloadPriorityClass",
                                     name: Conventions.workloadPriorityClassName(priority), labels: labels,
                                     body: ["value": .int(Int64(priority.value)),
                                            "description": .string("workloads of teams with priority \(priority.rawValue)")]),
                            to: cluster.name, template: "kueue/workloadpriorityclass")
            }
            let clusterShare = split.compactMapValues { $0[cluster.name] }
            let shares = Dictionary(uniqueKeysWithValues: pools.map {
                ($0.name, TeamQuotaSplit.flavorShares($0, teams: p.teams, clusterShare: clusterShare))
            })
            let flavors = pools.map { Flavor($0, shares: shares[$0.name] ?? [:], p) }
            for team in p.teams.sorted(by: { $0.name < $1.name }) {
                let teamLabels = PlatformLabels.common(p, team: team.name)
                context.add(Manifest(apiVersion: Self.apiVersion, kind: "ClusterQueue", name: Conventions.clusterQueueName(team: team.name),
                                     labels: teamLabels, body: ["spec": .map(Self.clusterQueueSpec(team, flavors: flavors))]),
                            to: cluster.name, template: "kueue/clusterqueue")
                context.add(Manifest(apiVersion: Self.apiVersion, kind: "LocalQueue", name: Conventions.localQueueName(team: team.name),
                                     namespace: team.namespace, labels: teamLabels,
                                     body: ["spec": ["clusterQueue": .string(Conventions.clusterQueueName(team: team.name))]]),
                            to: cluster.name, template: "kueue/localqueue")
            }
        }
    }

    /// What a pool's ClusterQueue flavor entries share across teams, worked out once per cluster.
    struct Flavor {
        var pool: NodePool
        var shares: [String: TeamQuotaSplit.Share]
        var cpu: Int
        var memoryGiB: Int
        /// Fabric device → count per node.
        var perNode: [String: Int]
        /// Fabric device → team → its nominal count (`nominalDevices`).
        var nominalDevices: [String: [String: Int]] = [:]

        init(_ pool: NodePool, shares: [String: TeamQuotaSplit.Share], _ p: Platform) {
            self.pool = pool
            self.shares = shares
            (cpu, memoryGiB) = KueueEmitter.capacity(pool, p)
            perNode = Dictionary(uniqueKeysWithValues: FabricDevices.perNode(pool).map { ($0.name, $0.count) })
            for (device, count) in perNode { nominalDevices[device] = KueueEmitter.nominalDevices(pool, perNode: count, shares: shares) }
        }
    }

    static func clusterQueueSpec(_ team: Team, flavors pools: [Flavor]) -> ManifestMap {
        let devices = Set(pools.flatMap(\.perNode.keys)).sorted()
        let covered = ["cpu", "memory", gpuResource] + devices
        let flavors: [ManifestValue] = pools.map { flavor in
            let pool = flavor.pool
            let share = flavor.shares[team.name] ?? TeamQuotaSplit.Share(nominal: 0, borrowingLimit: 0)
            let (cpu, memoryGiB) = (flavor.cpu, flavor.memoryGiB)
            let perNode = flavor.perNode
            // A resource per GPU of the pool, times the team's GPUs (down for cpu and memory; devices
            // rounded up for borrowing, and for nominal quotas apportioned over the teams by largest
            // remainder, so the teams' nominal devices never sum above what the pool's nodes carry).
            func amounts(_ gpus: Int, nominal: Bool) -> [String: String] {
                var out = ["cpu": String(cpu * gpus / max(pool.maxNodes * pool.gpusPerNode, 1)),
                           "memory": "\(memoryGiB * gpus / max(pool.maxNodes * pool.gpusPerNode, 1))Gi",
                           gpuResource: String(gpus)]
                for device in devices {
                    let count = perNode[device] ?? 0
                    out[device] = nominal
                        ? String(count == 0 ? 0 : flavor.nominalDevices[device]?[team.name] ?? 0)
                        : String((gpus * count + pool.gpusPerNode - 1) / max(pool.gpusPerNode, 1))
                }
                return out
            }
            let nominal = amounts(share.nominal, nominal: true), borrowing = amounts(share.borrowingLimit, nominal: false)
            return ["name": .string(pool.name), "resources": .list(covered.map { resource in
                ["name": .string(resource), "nominalQuota": .string(nominal[resource] ?? "0"),
                 "borrowingLimit": .string(borrowing[resource] ?? "0")]
            })]
        }
        return [
            "namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": .string(team.namespace)]],
            "cohortName": .string(Conventions.kueueCohort),
            "resourceGroups": [["coveredResources": .list(covered.map(ManifestValue.string)), "flavors": .list(flavors)]],
            "preemption": ["reclaimWithinCohort": "Any", "withinClusterQueue": "LowerPriority"],
        ]
    }

    /// Each team's nominal count of a device the pool's nodes carry `perNode` of: the devices of
    /// the teams' nominal GPUs together (rounded down), apportioned over the teams by their GPUs.
    static func nominalDevices(_ pool: NodePool, perNode: Int, shares: [String: TeamQuotaSplit.Share]) -> [String: Int] {
        let teams = shares.keys.sorted()
        let weights = teams.map { shares[$0]?.nominal ?? 0 }
        let total = weights.reduce(0, +) * perNode / max(pool.gpusPerNode, 1)
        let parts = TeamQuotaSplit.apportion(total, weights: weights)
        return Dictionary(uniqueKeysWithValues: zip(teams, parts))
    }

    /// CPU cores and memory (GiB) of the pool at `nodes.max`, from its instance type; a custom
    /// pool gets 32 cores and 256 GiB per GPU, more than GPU nodes carry, so it never binds.
    static func capacity(_ pool: NodePool, _ p: Platform) -> (Int, Int) {
        if let name = pool.instanceType, let instance = p.instanceCatalog.instance(named: name) {
            return (instance.vcpus * pool.maxNodes, instance.memoryGiB * pool.maxNodes)
        }
        return (32 * pool.gpusPerNode * pool.maxNodes, 256 * pool.gpusPerNode * pool.maxNodes)
    }
}
