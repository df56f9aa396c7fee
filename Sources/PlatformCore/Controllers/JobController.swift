/// Kubernetes' Job controller: `parallelism` pods (default 1, kubernetes
/// `pkg/apis/batch/v1/defaults.go`, SetDefaults_Job) from the template, with its labels; the
/// controller's own labels (job-name, controller-uid) are left out. Our Jobs are the pools'
/// nccl-tests runs.
enum JobController {
    static let fact = "Job → `parallelism` pods (default 1) from the template (kubernetes pkg/apis/batch/v1/defaults.go)"
    static func pods(_ job: Manifest, cluster: String, origins: WorkloadOrigins) -> [DerivedPod] {
        let template = job.object["spec"]?["template"]
        let spec = PodTemplate.spec(template)
        let pool = job.labels[Conventions.nodePoolLabel]?.stringValue
        return [DerivedPod(cluster: cluster, namespace: job.namespace ?? "default", workload: job.name, role: .ncclTest,
                           labels: PodTemplate.labels(template), ports: PodTemplate.ports(spec),
                           serviceAccount: PodTemplate.serviceAccount(spec), podSpec: spec, owner: job.id,
                           declaredAt: pool.flatMap { origins.pools["\(cluster)/\($0)"] },
                           count: Int(job.object["spec"]?["parallelism"]?.intValue ?? 1)).derived(by: fact)]
    }
}
