/// The platform after the passes: where every workload runs (and, later, what it costs).
/// Emitters read this and nothing else.
package struct PlannedPlatform: Sendable {
    package var platform: Platform
    /// Model name → the pools its minimum replicas were placed on, in pool order.
    package var modelAssignments: [String: [PoolAssignment]]
    /// Training job name → the pool its gang was placed on.
    package var jobAssignments: [String: PoolAssignment]
    /// Agent name → the cluster it runs in (`AgentPlacement`).
    package var agentClusters: [String: String] = [:]
    /// Workloads placed elsewhere than the previous placement said, each with its cause; empty
    /// when the compile had no previous placement.
    package var moves: [PlacementMove] = []
    /// The solver's full answer (nodes, holders, utilisation, stranded GPUs, bound and gap).
    package var placement: Placement?
    /// What the placement costs per month, per pool, workload and team (the cost pass).
    package var cost: CostReport?

    package init(platform: Platform, modelAssignments: [String: [PoolAssignment]] = [:], jobAssignments: [String: PoolAssignment] = [:]) {
        self.platform = platform
        self.modelAssignments = modelAssignments
        self.jobAssignments = jobAssignments
    }

    /// The clusters a model runs in (sorted), from its placement.
    package func clusters(of model: String) -> [String] {
        // A model sits in a handful of pools: an array beats building a Set on every call.
        var names: [String] = []
        for assignment in modelAssignments[model] ?? [] where !names.contains(assignment.cluster) { names.append(assignment.cluster) }
        return names.sorted()
    }

    /// The cluster a workload lives in: its placed cluster, else its pin, else the first cluster.
    package func primaryCluster(ofModel model: String) -> String? {
        clusters(of: model).first ?? platform.model(model)?.cluster ?? platform.clusters.first?.name
    }
}

/// Where a group of replicas (or a gang) of one workload runs.
package struct PoolAssignment: Hashable, Sendable {
    package var cluster: String
    package var pool: String
    package var replicas: Int
    /// Node names the replicas sit on, as the placement named them (`cluster/pool/node-0`).
    package var nodes: [String]

    package init(cluster: String, pool: String, replicas: Int, nodes: [String]) {
        self.cluster = cluster
        self.pool = pool
        self.replicas = replicas
        self.nodes = nodes
    }
}
