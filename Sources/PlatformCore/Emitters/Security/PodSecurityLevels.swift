/// Pod Security Standards per team namespace and cluster: `restricted` wherever the workloads
/// allow it; `baseline` where a workload that runs there needs more, with the reason as the
/// `Conventions.securityExceptionAnnotation` annotation; `privileged` where a training job uses
/// InfiniBand, whose RDMA needs `IPC_LOCK` (`FabricDevices`), a capability outside the baseline's
/// list (kubernetes/pod-security-admission `policy/check_capabilities_baseline.go`), so neither
/// `restricted` nor `baseline` admits its pods; and where `security.exceptions` grants a workload
/// a control its namespace's level forbids (`specExceptionReason`). `warn` and `audit` stay `restricted`
/// everywhere, so every deviation shows up in `kubectl` warnings and the audit log.
package enum PodSecurityLevels {
    package static let enforce = "pod-security.kubernetes.io/enforce"
    package static let enforceVersion = "pod-security.kubernetes.io/enforce-version"
    package static let warn = "pod-security.kubernetes.io/warn"
    package static let audit = "pod-security.kubernetes.io/audit"

    /// Why a team's namespace in a cluster cannot enforce `restricted`, by team then cluster
    /// (sorted; teams and clusters without a reason are absent). One pass over the workloads:
    /// asking per team and cluster scanned every model each time, 15,000 scans of 2,000 models
    /// on the largest platform.
    package static func exceptions(_ plan: PlannedPlatform) -> [String: [String: [String]]] {
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
        for exception in p.securityExceptions {
            let reason = specExceptionReason(exception)
            for (team, cluster) in placements(of: exception.workload, plan) {
                reasons[team, default: [:]][cluster, default: []].append(reason)
            }
        }
        return reasons.mapValues { $0.mapValues { $0.sorted() } }
    }

    /// A `security.exceptions` entry as a namespace reason. The API server admits a pod only if
    /// its namespace's `enforce` level allows every control it breaks, whatever the spec grants, so
    /// the grant must lower the level: `baseline` when it allows only `restricted` controls
    /// (`volumeTypes`, `privilegeEscalation`, `runAsRoot`), `privileged` when it allows a
    /// `baseline` one (`capabilities` and `seccomp` have a baseline form too, which a grant cannot
    /// tell apart, so they count as baseline). The audit (`MergedObjectAudit`) still holds the
    /// workload's pods to the controls not granted.
    static func specExceptionReason(_ exception: SecurityException) -> String {
        let controls = exception.allow.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        let text = "`\(exception.workload)` is granted \(controls) by `security.exceptions`: \(exception.reason)"
        return exception.allow.contains { $0.level == .baseline } ? privilegedMarker + text : text
    }

    /// (team, cluster) of each place `workload` (a model, training job or agent) runs.
    static func placements(of workload: String, _ plan: PlannedPlatform) -> [(String, String)] {
        let p = plan.platform
        if let model = p.model(workload) { return plan.servingClusters(ofModel: model.name).map { (model.team, $0) } }
        if let job = p.training.first(where: { $0.name == workload }) { return plan.cluster(ofJob: job).map { [(job.team, $0)] } ?? [] }
        if let agent = p.agents.first(where: { $0.name == workload }) {
            return plan.cluster(ofAgent: agent).map { [(agent.team, $0)] } ?? []
        }
        return []
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
    package static func namespaceMetadata(reasons: [String], plan: PlannedPlatform) -> (labels: ManifestMap, annotations: ManifestMap) {
        let privileged = reasons.contains { $0.hasPrefix(privilegedMarker) }
        let level = privileged ? "privileged" : reasons.isEmpty ? "restricted" : "baseline"
        let reasons = reasons.map { $0.hasPrefix(privilegedMarker) ? String($0.dropFirst(privilegedMarker.count)) : $0 }
        let labels: ManifestMap = [
            enforce: .string(level),
            enforceVersion: .string("v\(plan.platform.kubernetesVersion)"),
            warn: "restricted", warn + "-version": .string("v\(plan.platform.kubernetesVersion)"),
            audit: "restricted", audit + "-version": .string("v\(plan.platform.kubernetesVersion)"),
        ]
        var annotations = ManifestMap()
        if !reasons.isEmpty {
            annotations[Conventions.securityExceptionAnnotation] = .string("\(level): " + reasons.joined(separator: "; "))
        }
        return (labels, annotations)
    }
}
