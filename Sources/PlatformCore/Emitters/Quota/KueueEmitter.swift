/// Kueue queues per cluster (`kueue.x-k8s.io/v1beta2`), from the teams' quotas: a ResourceFlavor
/// per device-plugin GPU pool (its node label and tolerations), a ClusterQueue per team in one
/// cohort (borrowing idle quota, reclaimed when its owner needs it), a LocalQueue in each team
/// namespace, and a WorkloadPriorityClass per team priority in use.
///
/// Per flavor a team's GPU nominal quota is its quota (or `quota.perModel` for the pool's GPU),
/// capped at the pool's GPUs at `nodes.max`; the namespace's ResourceQuota caps the team's total
/// across flavors. CPU and memory are covered (Kueue refuses workloads asking for uncovered
/// resources) with the pool's whole capacity, so GPUs are the only limit. DRA and MIG pools are
/// left out: their devices are not `nvidia.com/gpu` and are quota'd by device class.
public struct KueueEmitter: Emitter {
    public static let apiVersion = "kueue.x-k8s.io/v1beta2"
    public static let gpuResource = "nvidia.com/gpu"

    public init() {}

    /// The pools of `cluster` that become flavors, sorted by name.
    public static func flavorPools(_ cluster: Cluster) -> [NodePool] {
        cluster.nodePools.filter { $0.gpuAllocation == .devicePlugin && $0.migProfiles.isEmpty && $0.gpusPerNode > 0 }
            .sorted { $0.name < $1.name }
    }

    public func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        let priorities = Set(p.teams.map(\.priority))
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
            for team in p.teams.sorted(by: { $0.name < $1.name }) {
                let teamLabels = PlatformLabels.common(p, team: team.name)
                context.add(Manifest(apiVersion: Self.apiVersion, kind: "ClusterQueue", name: Conventions.clusterQueueName(team: team.name),
                                     labels: teamLabels, body: ["spec": .map(Self.clusterQueueSpec(team, pools: pools, p))]),
                            to: cluster.name, template: "kueue/clusterqueue")
                context.add(Manifest(apiVersion: Self.apiVersion, kind: "LocalQueue", name: Conventions.localQueueName(team: team.name),
                                     namespace: team.namespace, labels: teamLabels,
                                     body: ["spec": ["clusterQueue": .string(Conventions.clusterQueueName(team: team.name))]]),
                            to: cluster.name, template: "kueue/localqueue")
            }
        }
    }

    static func clusterQueueSpec(_ team: Team, pools: [NodePool], _ p: Platform) -> ManifestMap {
        let flavors: [ManifestValue] = pools.map { pool in
            let (cpu, memoryGiB) = Self.capacity(pool, p)
            return ["name": .string(pool.name), "resources": [
                ["name": "cpu", "nominalQuota": .string(String(cpu))],
                ["name": "memory", "nominalQuota": .string("\(memoryGiB)Gi")],
                ["name": .string(gpuResource), "nominalQuota": .string(String(gpuQuota(team, pool: pool)))],
            ]]
        }
        return [
            "namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": .string(team.namespace)]],
            "cohortName": .string(Conventions.kueueCohort),
            "resourceGroups": [["coveredResources": ["cpu", "memory", .string(gpuResource)], "flavors": .list(flavors)]],
            "preemption": ["reclaimWithinCohort": "Any", "withinClusterQueue": "LowerPriority"],
        ]
    }

    /// The team's GPU nominal quota on one pool's flavor.
    public static func gpuQuota(_ team: Team, pool: NodePool) -> Int {
        let capacity = pool.maxNodes * pool.gpusPerNode
        let limit = team.gpuQuotaPerModel[pool.gpu].map { min($0, team.gpuQuota ?? $0) } ?? team.gpuQuota ?? capacity
        return min(limit, capacity)
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
