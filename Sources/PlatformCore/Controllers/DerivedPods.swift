import PlatformDiagnostics

/// The pods upstream controllers create from the objects we emit, derived the way each controller
/// derives them (one file per controller, each fact with its upstream source). One pass over each
/// cluster's objects: the few cross-object lookups (a Deployment's ScaledObject) go through an
/// index built in the same pass, so deriving the pods of a 30k-object fleet stays linear.
package enum DerivedPods {
    package static func derive(_ plan: PlannedPlatform, manifests: ManifestSet) -> [DerivedPod] {
        let origins = WorkloadOrigins(plan.platform)
        // Clusters are independent: each on its own core, their pods in cluster order.
        return manifests.clusters.concurrentMap { cluster in pods(of: cluster, origins: origins) }.flatMap { $0 }
    }

    static func pods(of cluster: ManifestSet.Cluster, origins: WorkloadOrigins) -> [DerivedPod] {
        var pods: [DerivedPod] = []
        let index = ClusterIndex(cluster.manifests)
        for manifest in cluster.manifests {
            let derived = derive(manifest, cluster: cluster.name, index: index, origins: origins)
            // Most objects derive no pod: read the queue label only for those that do.
            guard !derived.isEmpty else { continue }
            let queue = manifest.labels[Conventions.kueueQueueLabel]?.stringValue
            for var pod in derived {
                pod.queueName = queue
                pods.append(pod)
            }
        }
        return pods + PlatformComponentPods.pods(cluster: cluster.name, manifests: index, origins: origins)
    }

    static func derive(_ manifest: Manifest, cluster: String, index: ClusterIndex, origins: WorkloadOrigins) -> [DerivedPod] {
        // The kind first: most objects derive no pod, and `group` builds a string.
        switch manifest.kind {
        case "Deployment" where manifest.group == "apps":
            return DeploymentController.pods(manifest, cluster: cluster, index: index, origins: origins)
        case "LeaderWorkerSet" where manifest.group == "leaderworkerset.x-k8s.io":
            return LeaderWorkerSetController.pods(manifest, cluster: cluster, index: index, origins: origins)
        case "Agent" where manifest.group == "kagent.dev":
            return KagentAgentController.pods(manifest, cluster: cluster, origins: origins)
        case "TrainJob" where manifest.group == "trainer.kubeflow.org":
            return TrainJobController.pods(manifest, cluster: cluster, index: index, origins: origins)
        case "Gateway" where manifest.group == "gateway.networking.k8s.io":
            return KgatewayProxyController.pods(manifest, cluster: cluster, origins: origins)
        case "Job" where manifest.group == "batch":
            return JobController.pods(manifest, cluster: cluster, origins: origins)
        default:
            return []
        }
    }
}

/// The objects of one cluster a controller looks up by name, indexed once.
struct ClusterIndex {
    /// ScaledObjects by the (namespace, name) of the object they scale.
    var scaledObjects: [String: Manifest] = [:]
    /// ClusterTrainingRuntimes (and namespaced TrainingRuntimes, keyed `namespace/name`) we emit.
    var trainingRuntimes: [String: Manifest] = [:]
    var hasAgents = false
    var hasMonitors = false

    init(_ manifests: [Manifest]) {
        for manifest in manifests {
            // The kind first: `group` builds a string, so it is read only for the kinds indexed.
            switch manifest.kind {
            case "ScaledObject" where manifest.group == "keda.sh":
                if let target = manifest.object["spec"]?["scaleTargetRef"]?["name"]?.stringValue {
                    scaledObjects[Self.key(manifest.namespace, target)] = manifest
                }
            case "ClusterTrainingRuntime" where manifest.group == "trainer.kubeflow.org": trainingRuntimes[manifest.name] = manifest
            case "TrainingRuntime" where manifest.group == "trainer.kubeflow.org":
                trainingRuntimes[Self.key(manifest.namespace, manifest.name)] = manifest
            case "Agent" where manifest.group == "kagent.dev": hasAgents = true
            // Every kind of the group: its apiVersion's bytes, `group/…`.
            case _ where manifest.apiVersion.utf8.starts(with: "monitoring.coreos.com/".utf8): hasMonitors = true
            default: break
            }
        }
    }

    static func key(_ namespace: String?, _ name: String) -> String { "\(namespace ?? "")/\(name)" }
}

/// Where the spec declared each workload, by the name its objects carry.
struct WorkloadOrigins {
    var models: [String: SourceLocation] = [:]
    var agents: [String: SourceLocation] = [:]
    var training: [String: SourceLocation] = [:]
    var mcpServers: [String: SourceLocation] = [:]
    /// The first route: the Gateway and LiteLLM exist for the routes.
    var routes: SourceLocation?
    var pools: [String: SourceLocation] = [:]

    init(_ platform: Platform) {
        for model in platform.models where models[model.name] == nil { models[model.name] = model.location }
        for agent in platform.agents where agents[agent.name] == nil { agents[agent.name] = agent.location }
        for job in platform.training where training[job.name] == nil { training[job.name] = job.location }
        for server in platform.mcpServers where mcpServers[server.name] == nil { mcpServers[server.name] = server.location }
        routes = platform.routes.first?.location
        for cluster in platform.clusters {
            for pool in cluster.nodePools { pools["\(cluster.name)/\(pool.name)"] = pool.location }
        }
    }
}

extension DerivedPod {
    /// The pod with the upstream fact it was derived by.
    func derived(by fact: String) -> DerivedPod {
        var pod = self
        pod.derivedBy = fact
        return pod
    }
}
