/// Names, namespaces, ports and labels every emitter agrees on, so that routes find services,
/// NetworkPolicies open exactly the right ports and monitors scrape the right pods.
package enum Conventions {
    /// Per-cluster namespace of the shared platform services: the Gateway, the LiteLLM proxy,
    /// endpoint pickers are per model in the team namespace.
    package static let systemNamespace = "platform-system"
    /// The lock file at the root of the GitOps tree (its codec is `LockFile` in the compiler).
    package static let lockFilePath = "platform.lock.json"
    /// Namespace of the kgateway controller (its Helm default). Its Envoy proxies run in each
    /// Gateway's own namespace (kgateway `pkg/deployer/deployer.go`, SetNamespaceAndOwnerWithGVK).
    package static let gatewayControllerNamespace = "kgateway-system"
    /// Namespace of Prometheus (the kube-prometheus-stack default) and KEDA.
    package static let monitoringNamespace = "monitoring"
    package static let kedaNamespace = "keda"
    /// Namespace of the kagent controller and its agents' runtime.
    package static let kagentNamespace = "kagent"

    /// vLLM's OpenAI-compatible server and its Prometheus metrics (`/metrics`) share this port.
    package static let modelServerPort = 8000
    package static let liteLLMPort = 4000
    /// The endpoint picker's gRPC ext-proc port (Gateway API inference extension default).
    package static let endpointPickerPort = 9002
    package static let gatewayName = "platform-gateway"
    package static let gatewayClassName = "kgateway"
    /// The cluster-internal Gateway (a ClusterIP Service) through which LiteLLM reaches InferencePools:
    /// only a Gateway can send to an InferencePool's endpoint picker.
    package static let internalGatewayName = "platform-internal"
    /// Header LiteLLM sets on requests to the internal Gateway, naming the model whose pool serves it.
    package static let poolHeader = "x-platformc-pool"
    /// kgateway names the proxy's Service after its Gateway, in the Gateway's namespace, with one port per
    /// listener port (kgateway-dev/kgateway `internal/kgateway/helm/gloo-gateway/templates/gateway/proxy-deployment.yaml`,
    /// `internal/kgateway/deployer/values_helpers.go` getPortsValues, commit 06ff8b9d6c).
    package static var internalGatewayEndpoint: String {
        "http://\(internalGatewayName).\(systemNamespace).svc.cluster.local:80/v1"
    }
    package static let liteLLMName = "litellm"

    /// Prometheus of the kube-prometheus-stack (its `prometheus-operated` Service), used when the
    /// spec gives no `observability.prometheus.url`.
    package static let defaultPrometheusURL = "http://prometheus-operated.monitoring.svc:9090"
    /// Key of a provider's `apiKeySecret` Secret holding the API key.
    package static let providerAPIKeySecretKey = "api-key"
    /// Key of a model's `sourceSecret` Secret holding the Hugging Face token.
    package static let sourceTokenSecretKey = "token"
    /// Key of `observability.prometheus.authSecret` holding the bearer token KEDA sends.
    package static let prometheusAuthSecretKey = "token"
    /// Secret (key `master-key`) with the LiteLLM master key, created out of band in the system namespace.
    package static let liteLLMMasterKeySecret = "litellm-master-key"
    // Images: `ComponentVersions` (pinned), overridden by the spec's `components:` (`Platform.components`).

    /// `app.kubernetes.io/component` values.
    package enum Component {
        package static let modelServer = "model-server"
        package static let endpointPicker = "endpoint-picker"
        package static let liteLLM = "llm-proxy"
        package static let agent = "agent"
        package static let training = "training"
        package static let ncclTest = "nccl-test"
    }

    /// Annotation on a pod template (or its owning object, or a Namespace) that states why it may
    /// run as root, with a writable root filesystem, or under a Pod Security level below
    /// `restricted`. `PodSecurityAudit` accepts a pod template lacking the hardening only with it.
    package static let securityExceptionAnnotation = "platformc.dev/security-exception"
    /// Label carrying a training job's name on its pods (NCCL peers find each other through it).
    package static let trainingJobLabel = "platformc.dev/training-job"
    /// Namespace and labels of the cluster DNS (CoreDNS keeps the kube-dns label).
    package static let dnsNamespace = "kube-system"
    package static let dnsPort = 53

    /// The selector labels of an agent's pods in its team namespace.
    package static func agentSelector(_ agent: String) -> ManifestMap {
        [PlatformLabels.name: .string(agent), PlatformLabels.component: .string(Component.agent)]
    }
    /// The selector labels of one training job's pods (every rank, every node).
    package static func trainingSelector(_ job: String) -> ManifestMap {
        [trainingJobLabel: .string(job), PlatformLabels.component: .string(Component.training)]
    }
    /// The Role (in each team namespace whose agents use an MCP server) holding the server's
    /// permissions, bound to the ServiceAccount the server runs as (`platformc-` + this for its ClusterRole).
    package static func mcpRoleName(_ server: String) -> String { "mcp-\(server)" }

    /// The Service (and Deployment) name of a model's servers.
    package static func modelServiceName(_ model: String) -> String { model }
    /// The endpoint picker (Deployment, Service, ConfigMap, ServiceAccount) of a model's InferencePool.
    package static func endpointPickerName(_ model: String) -> String { "\(model)-epp" }
    /// The selector labels of a model's server pods.
    package static func modelSelector(_ model: String) -> ManifestMap {
        [PlatformLabels.name: .string(model), PlatformLabels.component: .string(Component.modelServer)]
    }

    /// The Kueue LocalQueue of a team, in the team's namespace: training jobs name it in
    /// `kueue.x-k8s.io/queue-name`.
    package static func localQueueName(team: String) -> String { "\(team)-queue" }
    package static let kueueQueueLabel = "kueue.x-k8s.io/queue-name"
    /// The Kueue ClusterQueue of a team (cluster-scoped); its LocalQueue points at it.
    package static func clusterQueueName(team: String) -> String { team }
    /// The cohort every team's ClusterQueue joins, so idle quota can be borrowed.
    package static let kueueCohort = "platform"
    /// The Kueue WorkloadPriorityClass of a team priority; jobs name it in `kueuePriorityClassLabel`.
    package static func workloadPriorityClassName(_ priority: Team.Priority) -> String { "priority-\(priority.rawValue)" }
    package static let kueuePriorityClassLabel = "kueue.x-k8s.io/priority-class"

    /// The taint every GPU node carries (Karpenter NodePools set it), so only pods that ask for
    /// GPUs land there; GPU workloads tolerate it with `gpuToleration`.
    package static let gpuTaint = Taint(key: "nvidia.com/gpu", value: nil, effect: "NoSchedule")
    /// Tolerates `gpuTaint` whatever its value.
    package static var gpuToleration: ManifestValue {
        ["key": .string(gpuTaint.key), "operator": "Exists", "effect": .string(gpuTaint.effect)]
    }
    /// The node label naming the platform node pool a node belongs to; workloads select their
    /// placed pool with it.
    package static let nodePoolLabel = "platformc.dev/node-pool"

    /// A self-hosted model's OpenAI-compatible endpoint inside the cluster.
    package static func modelEndpoint(model: String, namespace: String) -> String {
        "http://\(modelServiceName(model)).\(namespace).svc.cluster.local:\(modelServerPort)/v1"
    }
    /// The LiteLLM proxy's endpoint, for agents that use an external `provider/model`.
    package static var liteLLMEndpoint: String {
        "http://\(liteLLMName).\(systemNamespace).svc.cluster.local:\(liteLLMPort)"
    }
    /// Key of an agent's `apiKeySecret` Secret holding the key it presents to its model endpoint.
    package static let agentAPIKeySecretKey = "api-key"

    /// Namespace of the NVIDIA GPU Operator and its DCGM exporter.
    package static let gpuOperatorNamespace = "gpu-operator"
    /// Where training pods find the pool's NCCL topology file (`NCCL_TOPO_FILE`).
    package static let ncclTopologyDirectory = "/etc/nccl"
    package static let ncclTopologyFileName = "topology.xml"
    /// The ConfigMap holding a pool's NCCL topology, in each namespace that mounts it.
    package static func ncclTopologyConfigMapName(pool: String) -> String { "nccl-topology-\(pool)" }
}
