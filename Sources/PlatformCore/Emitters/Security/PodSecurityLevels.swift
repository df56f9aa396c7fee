/// Pod Security Standards per team namespace and cluster: `restricted` wherever the workloads
/// allow it; `baseline` where a workload that runs there needs more, with the reason as the
/// `Conventions.securityExceptionAnnotation` annotation. `warn` and `audit` stay `restricted`
/// everywhere, so every deviation shows up in `kubectl` warnings and the audit log.
public enum PodSecurityLevels {
    public static let enforce = "pod-security.kubernetes.io/enforce"
    public static let enforceVersion = "pod-security.kubernetes.io/enforce-version"
    public static let warn = "pod-security.kubernetes.io/warn"
    public static let audit = "pod-security.kubernetes.io/audit"

    /// Why `team`'s namespace in `cluster` cannot enforce `restricted`; empty when it can.
    public static func exceptions(team: String, cluster: String, plan: PlannedPlatform) -> [String] {
        let p = plan.platform
        var reasons: [String] = []
        for job in p.training where job.team == team && plan.cluster(ofJob: job) == cluster {
            reasons.append("training job `\(job.name)` runs NCCL ranks from a training image that runs as root")
        }
        for model in p.models where model.team == team && model.nodesPerReplica > 1
            && plan.servingClusters(ofModel: model.name).contains(cluster) {
            reasons.append("model `\(model.name)` runs multi-node replicas (NCCL and Ray) from an image that runs as root")
        }
        return reasons.sorted()
    }

    /// The labels and annotations to add to `team`'s Namespace in `cluster`.
    public static func namespaceMetadata(team: String, cluster: String, plan: PlannedPlatform) -> (labels: ManifestMap, annotations: ManifestMap) {
        let reasons = exceptions(team: team, cluster: cluster, plan: plan)
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
