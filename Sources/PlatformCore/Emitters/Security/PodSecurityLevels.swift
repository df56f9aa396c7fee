/// Pod Security Standards per team namespace and cluster: `restricted` wherever the workloads
/// allow it; `baseline` where a workload that runs there needs more, with the reason as the
/// `Conventions.securityExceptionAnnotation` annotation. `warn` and `audit` stay `restricted`
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
        }
        for model in p.models where model.nodesPerReplica > 1 {
            for cluster in plan.servingClusters(ofModel: model.name) {
                reasons[model.team, default: [:]][cluster, default: []]
                    .append("model `\(model.name)` runs multi-node replicas (NCCL and Ray) from an image that runs as root")
            }
        }
        return reasons.mapValues { $0.mapValues { $0.sorted() } }
    }

    /// The labels and annotations to add to a team's Namespace whose exceptions are `reasons`.
    public static func namespaceMetadata(reasons: [String], plan: PlannedPlatform) -> (labels: ManifestMap, annotations: ManifestMap) {
        var labels: ManifestMap = [
            enforce: .string(reasons.isEmpty ? "restricted" : "baseline"),
            enforceVersion: .string("v\(plan.platform.kubernetesVersion)"),
            warn: "restricted", warn + "-version": .string("v\(plan.platform.kubernetesVersion)"),
            audit: "restricted", audit + "-version": .string("v\(plan.platform.kubernetesVersion)"),
        ]
        var annotations = ManifestMap()
        if !reasons.isEmpty { annotations[Conventions.securityExceptionAnnotation] = .string("baseline: " + reasons.joined(separator: "; ")) }
        return (labels, annotations)
    }
}
