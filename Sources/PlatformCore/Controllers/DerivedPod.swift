import PlatformDiagnostics

/// A pod as an upstream controller creates it from objects we emit: kgateway's proxy from a
/// Gateway, the endpoint picker, LiteLLM, vLLM from a Deployment or a LeaderWorkerSet (leader and
/// workers), kagent's agent pod from an Agent, Kubeflow Trainer's nodes from a TrainJob and the
/// runtime it names. The one model of "what runs" that NetworkPolicies, the flow check, the
/// will-it-run pass and `explain workloads` all read (`DerivedPods.derive`); each fact about a
/// controller is written down where it is derived, with its upstream file and version.
package struct DerivedPod: Hashable, Sendable {
    /// What the pod does on the platform; a flow or a check names pods by role.
    package enum Role: String, Hashable, Sendable, CaseIterable {
        case gatewayProxy, endpointPicker, liteLLM, modelServer, modelLeader, modelWorker
        case agent, mcpServer, trainingNode, prometheus, kagentController
        /// A pool's nccl-tests Job.
        case ncclTest
    }

    package var cluster: String
    package var namespace: String
    /// The workload it belongs to: a model, agent, training job or MCP server name, or the
    /// component's own name for platform pods.
    package var workload: String
    package var role: Role
    /// `metadata.labels` of the pod the controller creates (not of the object we emitted).
    package var labels: [String: String]
    /// Ports the pod listens on (container ports, and ports the controller opens).
    package var ports: [NetworkPort]
    package var serviceAccount: String?
    /// The pod's `spec` as the controller builds it (containers, securityContext, nodeSelector,
    /// tolerations, affinity, resourceClaims, volumes).
    package var podSpec: ManifestMap
    /// The emitted object it comes from.
    package var owner: ManifestID
    /// The spec line that declared the workload, where a diagnostic about this pod points.
    package var declaredAt: SourceLocation?
    /// Replicas of this pod the controller creates at the desired state (before autoscaling).
    package var count: Int
    /// The upstream fact the pod was derived by (controller, version, file), for `explain workloads`.
    package var derivedBy: String = ""
    /// The Kueue LocalQueue (in `namespace`) the owning object names in `kueue.x-k8s.io/queue-name`:
    /// Kueue admits (unsuspends) the workload only within that queue's ClusterQueue.
    package var queueName: String? = nil

    package init(cluster: String, namespace: String, workload: String, role: Role, labels: [String: String],
                ports: [NetworkPort], serviceAccount: String?, podSpec: ManifestMap, owner: ManifestID,
                declaredAt: SourceLocation?, count: Int) {
        self.cluster = cluster
        self.namespace = namespace
        self.workload = workload
        self.role = role
        self.labels = labels
        self.ports = ports
        self.serviceAccount = serviceAccount
        self.podSpec = podSpec
        self.owner = owner
        self.declaredAt = declaredAt
        self.count = count
    }
}
