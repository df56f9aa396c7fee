/// LeaderWorkerSet (kubernetes-sigs/lws v0.8.0): per replica (group) one leader pod and
/// `size - 1` worker pods.
/// - The leader StatefulSet's template is `leaderTemplate` when set, else `workerTemplate`
///   (`pkg/controllers/leaderworkerset_controller.go`, constructLeaderStatefulSetApplyConfiguration).
/// - Leader pods carry `leaderworkerset.sigs.k8s.io/name: <lws>` and `worker-index: "0"` (same
///   function), the pod webhook adds `group-index` and `group-key` (values per group, left out).
/// - Worker pods come from `workerTemplate` with `name`, `group-index` and `group-key`
///   (`pkg/controllers/pod_controller.go`, constructWorkerStatefulSetApplyConfiguration); the
///   webhook adds their `worker-index` (1…size-1).
/// Label keys: `api/leaderworkerset/v1/leaderworkerset_types.go` (SetNameLabelKey,
/// WorkerIndexLabelKey). `replicas` defaults to 1 and `size` to 1 (same file, kubebuilder defaults).
enum LeaderWorkerSetController {
    static let leaderFact = "LeaderWorkerSet v0.8.0: per group one leader from leaderTemplate (else workerTemplate), labels + "
        + "leaderworkerset.sigs.k8s.io/name, worker-index=0 (pkg/controllers/leaderworkerset_controller.go)"
    static let workerFact = "LeaderWorkerSet v0.8.0: per group size-1 workers from workerTemplate, labels + "
        + "leaderworkerset.sigs.k8s.io/name, group-index (pkg/controllers/pod_controller.go)"
    static let setNameLabel = "leaderworkerset.sigs.k8s.io/name"
    static let workerIndexLabel = "leaderworkerset.sigs.k8s.io/worker-index"

    static func pods(_ lws: Manifest, cluster: String, index: ClusterIndex, origins: WorkloadOrigins) -> [DerivedPod] {
        let template = lws.object["spec"]?["leaderWorkerTemplate"]
        let size = Int(template?["size"]?.intValue ?? 1)
        let replicas = DeploymentController.count(lws, index: index)
        let workerTemplate = template?["workerTemplate"]
        let leaderTemplate = template?["leaderTemplate"] ?? workerTemplate
        let name = lws.labels[PlatformLabels.model]?.stringValue ?? lws.name
        let declaredAt = origins.models[name]

        func pod(_ podTemplate: ManifestValue?, role: DerivedPod.Role, extra: [String: String], count: Int) -> DerivedPod {
            let spec = PodTemplate.spec(podTemplate)
            let labels = PodTemplate.labels(podTemplate).merging(extra) { _, controller in controller }
            return DerivedPod(cluster: cluster, namespace: lws.namespace ?? "default", workload: name, role: role, labels: labels,
                              ports: PodTemplate.ports(spec), serviceAccount: PodTemplate.serviceAccount(spec), podSpec: spec,
                              owner: lws.id, declaredAt: declaredAt, count: count)
                                  .derived(by: role == .modelLeader ? leaderFact : workerFact)
        }
        var pods = [pod(leaderTemplate, role: .modelLeader,
                        extra: [setNameLabel: lws.name, workerIndexLabel: "0"], count: replicas)]
        if size > 1 {
            pods.append(pod(workerTemplate, role: .modelWorker, extra: [setNameLabel: lws.name], count: replicas * (size - 1)))
        }
        return pods
    }
}
