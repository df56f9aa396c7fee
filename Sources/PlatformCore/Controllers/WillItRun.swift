import PlatformDiagnostics

/// The will-it-run pass: each derived pod (`DerivedPods`) is admitted by its namespace's Pod
/// Security level, admitted by Kueue, finds a node pool that can run it as that cloud provisions
/// it, and runs a pinned image. Findings point at the spec line of the workload.
package enum WillItRun {
    package static let podSecurityRejects: DiagnosticCode = "E7101"
    package static let kueueUncovered: DiagnosticCode = "E7102"
    package static let quotaOverCapacity: DiagnosticCode = "W7103"
    package static let noNodePool: DiagnosticCode = "E7104"
    package static let imageNotPinned: DiagnosticCode = "E7105"
    package static let draWithoutProvisioning: DiagnosticCode = "E7106"

    package static func run(_ plan: PlannedPlatform, manifests: ManifestSet) -> [Diagnostic] {
        run(plan, manifests: manifests, pods: DerivedPods.derive(plan, manifests: manifests))
    }

    package static func run(_ plan: PlannedPlatform, manifests: ManifestSet, pods: [DerivedPod]) -> [Diagnostic] {
        let byCluster = podsByCluster(pods)
        let platform = plan.platform
        // Clusters are independent: each on its own core, the findings in cluster order.
        return manifests.clusters.concurrentMap { cluster in check(cluster, pods: byCluster[cluster.name] ?? [], platform: platform) }
            .flatMap { $0 }
    }

    /// The derived pods by cluster name, each cluster's in their order.
    static func podsByCluster(_ pods: [DerivedPod]) -> [String: [DerivedPod]] { Dictionary(grouping: pods, by: \.cluster) }

    /// One cluster's findings (`pods`: the pods derived in it).
    static func check(_ cluster: ManifestSet.Cluster, pods: [DerivedPod], platform: Platform) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let context = ClusterFacts(cluster, platform: platform)
        for pod in pods where !pod.podSpec.isEmpty {
            found += PodAdmissionCheck.check(pod, context)
            found += KueueAdmissionCheck.check(pod, context)
            found += NodeMatchCheck.check(pod, context)
            found += ImagePinCheck.check(pod)
        }
        return found + KueueAdmissionCheck.quotas(context)
    }

    /// How a diagnostic names a pod: "the pods kagent creates for agent `ops`".
    static func describe(_ pod: DerivedPod) -> String {
        switch pod.role {
        case .agent: return "the pod kagent creates for agent `\(pod.workload)`"
        case .trainingNode: return "the pods Kubeflow Trainer creates for training job `\(pod.workload)`"
        case .modelServer: return "the pods of model `\(pod.workload)`"
        case .modelLeader: return "the leader pods of model `\(pod.workload)`"
        case .modelWorker: return "the worker pods of model `\(pod.workload)`"
        case .endpointPicker: return "the endpoint picker of model `\(pod.workload)`"
        case .liteLLM: return "the LiteLLM pods"
        case .gatewayProxy: return "the kgateway proxy of Gateway `\(pod.workload)`"
        case .ncclTest: return "the pods of Job `\(pod.workload)`"
        case .mcpServer: return "the pods of `\(pod.workload)`"
        case .prometheus, .kagentController: return "the `\(pod.workload)` pods"
        }
    }
}

/// What the checks of one cluster look up, indexed once.
struct ClusterFacts {
    var name: String
    var cluster: Cluster?
    /// Namespace → (enforced Pod Security level, Kubernetes minor it is pinned to).
    var podSecurity: [String: (level: PodSecurityControl.Level, minor: Int)] = [:]
    /// `namespace/name` of a LocalQueue → its ClusterQueue.
    var localQueues: [String: String] = [:]
    var clusterQueues: [String: Manifest] = [:]
    /// Karpenter NodePools by name (the pool they provision).
    var karpenterPools: [String: Manifest] = [:]
    /// What sizes a pool's nodes (`NodeAllocatable`): the instance types and the Kubernetes minor.
    var instanceCatalog: InstanceCatalog
    var kubernetesMinor: Int
    /// Each pool's nodes as the cloud provisions them, in the cluster's pool order: built once per
    /// cluster, not once per pod and pool.
    var nodes: [NodeModel] = []

    init(_ set: ManifestSet.Cluster, platform: Platform) {
        name = set.name
        cluster = platform.cluster(set.name)
        instanceCatalog = platform.instanceCatalog
        kubernetesMinor = Int(platform.kubernetesVersion.split(separator: ".").last ?? "") ?? 34
        for manifest in set.manifests {
            // The kind first: most objects are none of these, and `group` builds a string.
            switch manifest.kind {
            case "Namespace" where manifest.group == "":
                let labels = manifest.labels
                guard let enforce = labels["pod-security.kubernetes.io/enforce"]?.stringValue else { continue }
                let version = labels["pod-security.kubernetes.io/enforce-version"]?.stringValue ?? ""
                let minor = Int(version.split(separator: ".").last ?? "") ?? 99
                switch enforce {
                case "restricted": podSecurity[manifest.name] = (.restricted, minor)
                case "baseline": podSecurity[manifest.name] = (.baseline, minor)
                default: break
                }
            case "LocalQueue" where manifest.group == "kueue.x-k8s.io":
                if let queue = manifest.object["spec"]?["clusterQueue"]?.stringValue {
                    localQueues[ClusterIndex.key(manifest.namespace, manifest.name)] = queue
                }
            case "ClusterQueue" where manifest.group == "kueue.x-k8s.io": clusterQueues[manifest.name] = manifest
            case "NodePool" where manifest.group == "karpenter.sh": karpenterPools[manifest.name] = manifest
            default: break
            }
        }
        if let cluster {
            nodes = cluster.nodePools.map { NodeModel($0, cluster: cluster, karpenter: karpenterPools[$0.name]) }
        }
    }
}
