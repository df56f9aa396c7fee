/// kagent v0.9.12: a declarative Agent becomes a Deployment named after the Agent, in the Agent's
/// namespace (`go/core/internal/controller/translator/agent/manifest_builder.go`, objectMeta).
/// - Pod labels are `app: kagent`, `kagent: <agent>` (newManifestContext, selectorLabels) plus
///   getDefaultLabels: `app.kubernetes.io/managed-by: kagent`, `app.kubernetes.io/part-of: kagent`,
///   `app.kubernetes.io/name: <agent>`, overridden by `declarative.deployment.labels`
///   (`deployments.go`, getDefaultLabels; podLabels). The Agent's own metadata.labels are NOT copied.
/// - Pod securityContext is `declarative.deployment.podSecurityContext` and the container's is
///   `declarative.deployment.securityContext`, nothing else (buildPodTemplate;
///   buildContainerSecurityContext returns nil without them).
/// - One container `kagent`, port 8080 named `http`, image `cr.kagent.dev/kagent-dev/kagent/app:<controller
///   version>` (the Makefile's VERSION, `git describe`: v0.9.12); resources default to requests cpu 100m / memory 384Mi, limits cpu 2 /
///   memory 1Gi (`deployments.go`, resolveInlineDeployment, getDefaultResources; `adk_api_translator.go`, DefaultImageConfig).
///   ServiceAccount: `declarative.deployment.serviceAccountName`, else one named after the Agent. nodeSelector, tolerations, affinity, env,
///   volumes: from `declarative.deployment` as written. Replicas: `declarative.deployment.replicas` (Deployment default 1).
enum KagentAgentController {
    static let fact = "kagent v0.9.12 translator/agent: Deployment <agent> in the Agent's namespace, labels app=kagent, kagent=<agent> + "
        + "getDefaultLabels, securityContext only from declarative.deployment (manifest_builder.go, deployments.go)"
    static let port = 8080
    static let image = "cr.kagent.dev/kagent-dev/kagent/app:v0.9.12"

    static func pods(_ agent: Manifest, cluster: String, origins: WorkloadOrigins) -> [DerivedPod] {
        let deployment = agent.object["spec"]?["declarative"]?["deployment"]
        var labels: [String: String] = [
            "app": "kagent", "kagent": agent.name,
            PlatformLabels.managedBy: "kagent", PlatformLabels.partOf: "kagent", PlatformLabels.name: agent.name,
        ]
        for entry in deployment?["labels"]?.mapValue ?? ManifestMap() {
            if let value = entry.value.stringValue { labels[entry.key] = value }
        }
        var container: ManifestMap = [
            "name": "kagent", "image": .string(image),
            "ports": [["name": "http", "containerPort": .int(Int64(port))]],
            "resources": deployment?["resources"] ?? [
                "requests": ["cpu": "100m", "memory": "384Mi"], "limits": ["cpu": "2", "memory": "1Gi"],
            ],
        ]
        container["env"] = deployment?["env"]
        container["securityContext"] = deployment?["securityContext"]
        var spec: ManifestMap = ["containers": [.map(container)]]
        let serviceAccount = deployment?["serviceAccountName"]?.stringValue ?? agent.name
        spec["serviceAccountName"] = .string(serviceAccount)
        spec["securityContext"] = deployment?["podSecurityContext"]
        for key in ["nodeSelector", "tolerations", "affinity", "volumes", "imagePullSecrets"] { spec[key] = deployment?[key] }
        return [DerivedPod(cluster: cluster, namespace: agent.namespace ?? "default", workload: agent.name, role: .agent,
                           labels: labels, ports: [NetworkPort(port)], serviceAccount: serviceAccount, podSpec: spec,
                           owner: agent.id, declaredAt: origins.agents[agent.name],
                           count: Int(deployment?["replicas"]?.intValue ?? 1)).derived(by: fact)]
    }
}
