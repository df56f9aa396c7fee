import PlatformDiagnostics

/// Kubernetes' Deployment controller (through its ReplicaSet): each pod is the pod template with
/// its labels (plus `pod-template-hash`, a hash of the template no selector of ours names, left
/// out). `replicas` defaults to 1 (kubernetes `pkg/apis/apps/v1/defaults.go`,
/// SetDefaults_Deployment). When KEDA owns the count (our Deployments then omit `replicas`) the
/// desired count is the ScaledObject's `minReplicaCount`, default 0 (kedacore/keda-docs
/// `content/docs/2.15/reference/scaledobject-spec.md`).
enum DeploymentController {
    static let fact = "Deployment → ReplicaSet → pods: the template and its labels, `replicas` (default 1) or KEDA's minReplicaCount "
        + "(kubernetes pkg/apis/apps/v1/defaults.go; KEDA 2.15 scaledobject-spec)"
    static func pods(_ deployment: Manifest, cluster: String, index: ClusterIndex, origins: WorkloadOrigins) -> [DerivedPod] {
        let template = deployment.object["spec"]?["template"]
        let spec = PodTemplate.spec(template)
        let labels = PodTemplate.labels(template)
        let (role, workload, declaredAt) = identity(deployment, labels: labels, origins: origins)
        return [DerivedPod(cluster: cluster, namespace: deployment.namespace ?? "default", workload: workload, role: role,
                           labels: labels, ports: PodTemplate.ports(spec), serviceAccount: PodTemplate.serviceAccount(spec),
                           podSpec: spec, owner: deployment.id, declaredAt: declaredAt,
                           count: count(deployment, index: index)).derived(by: fact)]
    }

    static func count(_ deployment: Manifest, index: ClusterIndex) -> Int {
        if let replicas = deployment.object["spec"]?["replicas"]?.intValue { return Int(replicas) }
        if let scaled = index.scaledObjects[ClusterIndex.key(deployment.namespace, deployment.name)] {
            return Int(scaled.object["spec"]?["minReplicaCount"]?.intValue ?? 0)
        }
        return 1
    }

    /// What the Deployment runs, from the component label our emitters put on it.
    static func identity(_ deployment: Manifest, labels: [String: String], origins: WorkloadOrigins)
        -> (DerivedPod.Role, String, SourceLocation?) {
        let component = deployment.labels[PlatformLabels.component]?.stringValue
        let model = deployment.labels[PlatformLabels.model]?.stringValue
        switch component {
        case Conventions.Component.modelServer:
            let name = model ?? deployment.name
            return (.modelServer, name, origins.models[name])
        case Conventions.Component.endpointPicker:
            let name = model ?? deployment.name
            return (.endpointPicker, name, origins.models[name])
        case Conventions.Component.liteLLM:
            return (.liteLLM, deployment.name, origins.routes)
        default:
            return (.mcpServer, deployment.name, origins.mcpServers[deployment.name])
        }
    }
}
