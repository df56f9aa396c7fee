/// A key of a spec entry, relative to the entry (`placement.pool` of a model): what an IR entity's
/// `locations` are keyed by, so a misspelt key does not compile. The raw value is the path as the
/// spec writes it, which the lowering reads.
package enum SpecKey: String, Hashable, Sendable, CaseIterable {
    // shared by several entries
    case name, team, gpu, cluster, pool, image, nodes, model

    // node pools
    case instanceType, interconnect, topologyFile, network, capacityType, gpuAllocation, mig, labels
    case nodesMin = "nodes.min", nodesStatic = "nodes.static"

    // teams
    case quota, budget, namespace, keySecret
    case quotaPerCluster = "quota.perCluster"

    // models
    case parameters, dtype, contextLength, replicas, placement, canaryOf, architecture, checkpointQuantization, task
    case parametersTotal = "parameters.total", parametersActive = "parameters.active"
    case gpuModel = "gpu.model", gpuCount = "gpu.count", gpuMigProfile = "gpu.migProfile"
    case replicasMin = "replicas.min", replicasMax = "replicas.max"
    case placementCluster = "placement.cluster", placementPool = "placement.pool"

    // a model's `cache:`
    case volume, size, claimName, storageClass

    // a model's `shape:`
    case layers, attentionHeads, kvHeads, headDim, hiddenSize, kvLoraRank, qkRopeHeadDim
    case expertsTotal = "experts.total", expertsActive = "experts.active"

    // routes
    case backends, fallbacks, rateLimit, traffic, hostnames

    // agents and training jobs
    case tools, gpusPerNode, hoursPerMonth
}
