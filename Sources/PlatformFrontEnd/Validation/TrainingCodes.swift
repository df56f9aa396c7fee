import PlatformDiagnostics

/// Codes of the training, queue and node-pool checks (E7600–E7699; docs/diagnostics.md).
package enum TrainingCodes {
    /// A DRA pool whose nodes Karpenter provisions on demand: its pods never get a node.
    package static let draOnKarpenter: DiagnosticCode = "E7601"
    /// A pool name the cloud's node pool cannot have, so the pool label never matches.
    package static let cloudPoolName: DiagnosticCode = "E7602"
    /// `nodes.static` with `nodes.max` above `nodes.min`.
    package static let staticRange: DiagnosticCode = "E7603"
    /// `nodes.static` on a pool Karpenter does not provision.
    package static let staticNotKarpenter: DiagnosticCode = "E7604"
    /// A team's `quota.perCluster` that adds up to more than `quota.gpus`, or names an unknown cluster.
    package static let perClusterQuota: DiagnosticCode = "E7605"
    /// A training job's `hoursPerMonth` beyond the hours of a month.
    package static let trainingHours: DiagnosticCode = "E7606"
}
