/// Pod Security Standards per team namespace and cluster: `restricted` wherever the workloads
/// allow it; `baseline` where a workload that runs there needs more, with the reason as the
/// `Conventions.securityExceptionAnnotation` annotation; `privileged` where a training job uses
/// InfiniBand, whose RDMA needs `IPC_LOCK` (`FabricDevices`), a capability outside the baseline's
/// list (kubernetes/pod-security-admission `policy/check_capabilities_baseline.go`), so neither
/// `restricted` nor `baseline` admits its pods. `warn` and `audit` stay `restricted`
/// everywhere, so every deviation shows up in `kubectl` warnings and the audit log.
public enum PodSecurityLevels {
    public static let enforce = "pod-security.kubernetes.io/enforce"
    public static let enforceVersion = "pod-security.kubernetes.io/enforce-version"
    public static let warn = "pod-security.kubernetes.io/warn"
    public static let audit = "pod-security.kubernetes.io/audit"

    /// Why a team's namespace in a cluster cannot enforce `restricted`, by team then cluster
    /// (sorted; teams and clusters without a reason are absent). One pass over the workloads:
    /// asking per team and cluster scanned every model each time, 15,000 scans of 2,000 models
    /// on the largest platform.
    public static func exceptions(_ plan: PlannedPlatform) -> [String: [String: [String]]] {
        let p = plan.platform
        var reasons: [String: [String: [String]]] = [:]
        for job in p.training {
            guard let cluster = plan.cluster(ofJob: job) else { continue }
            reasons[job.team, default: [:]][cluster, default: []]
                .append("training job `\(job.name)` runs NCCL ranks from a training image that runs as root")
            if let pool = pool(ofJob: job, plan), FabricDevices.needsMemoryLock(pool) {
                reasons[job.team, default: [:]][cluster, default: []].append(privilegedMarker + Self.memoryLockReason(job))
            }
        }
        for model in p.models where model.nodesPerReplica > 1 {
            for cluster in plan.servingClusters(ofModel: model.name) {
                reasons[model.team, default: [:]][cluster, default: []]
                    .append("model `\(model.name)` runs multi-node replicas (NCCL and torch.distributed) from an image that runs as root")
            }
        }
        return reasons.mapValues { $0.mapValues { $0.sorted() } }
    }

    /// Reasons that need `privileged` start with this marker (dropped when written).
    static let privilegedMarker = "privileged: "

    static func memoryLockReason(_ job: TrainingJob) -> String {
        "training job `\(job.name)` adds `\(FabricDevices.memoryLockCapability)` for InfiniBand RDMA, which `baseline` does not allow"
    }

    static func pool(ofJob job: TrainingJob, _ plan: PlannedPlatform) -> NodePool? {
        guard let placed = plan.jobAssignments[job.name] else { return nil }
        return plan.platform.cluster(placed.cluster)?.pool(placed.pool)
    }

    /// The labels and annotations to add to a team's Namespace whose exceptions are `reasons`.
    public static func namespaceMetadata(reasons: [String], plan: PlannedPlatform) -> (labels: ManifestMap, annotations: ManifestMap) {
        let privileged = reasons.contains { $0.hasPrefix(privilegedMarker) }
        let level = privileged ? "privileged" : reasons.isEmpty ? "restricted" : "baseline"
        let reasons = reasons.map { $0.hasPrefix(privilegedMarker) ? String($0.dropFirst(privilegedMarker.count)) : $0 }
        var labels: ManifestMap = [
            enforce: .string(level),
            enforceVersion: .string("v\(plan.platform.kubernetesVersion)"),
            warn: "restricted", warn + "-version": .string("v\(plan.platform.kubernetesVersion)"),
            audit: "restricted", audit + "-version": .string("v\(plan.platform.kubernetesVersion)"),
        ]
        var annotations = ManifestMap()
        if !reasons.isEmpty { annotations[Conventions.securityExceptionAnnotation] = .string("\(level): " + reasons.joined(separator: "; ")) }
        return (labels, annotations)
    }
}
