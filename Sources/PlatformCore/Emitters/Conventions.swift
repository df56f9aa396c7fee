/// Names, namespaces, ports and labels every emitter agrees on, so that routes find services,
/// NetworkPolicies open exactly the right ports and monitors scrape the right pods.
public enum Conventions {
    /// Per-cluster namespace of the shared platform services: the Gateway, the LiteLLM proxy,
    /// endpoint pickers are per model in the team namespace.
    public static let systemNamespace = "platform-system"
    /// Namespace where Kgateway's controller and its Envoy proxies run (Kgateway's Helm default).
    public static let gatewayControllerNamespace = "kgateway-system"
    /// Namespace of Prometheus (the kube-prometheus-stack default) and KEDA.
    public static let monitoringNamespace = "monitoring"
    public static let kedaNamespace = "keda"
    /// Namespace of the kagent controller and its agents' runtime.
    public static let kagentNamespace = "kagent"

    /// vLLM's OpenAI-compatible server and its Prometheus metrics (`/metrics`) share this port.
    public static let modelServerPort = 8000
    public static let liteLLMPort = 4000
    /// The endpoint picker's gRPC ext-proc port (Gateway API inference extension default).
    public static let endpointPickerPort = 9002
    public static let gatewayName = "platform-gateway"
    public static let gatewayClassName = "kgateway"
    public static let liteLLMName = "litellm"

    /// Node label every node of a pool carries (set by whatever provisions the pool, e.g. the
    /// Karpenter NodePool's template labels); serving pods select their pools with it.
    public static let poolLabel = "platformc.dev/pool"
    /// Prometheus of the kube-prometheus-stack (its `prometheus-operated` Service), used when the
    /// spec gives no `observability.prometheus.url`.
    public static let defaultPrometheusURL = "http://prometheus-operated.monitoring.svc:9090"
    /// Key of a provider's `apiKeySecret` Secret holding the API key.
    public static let providerAPIKeySecretKey = "api-key"
    /// Key of a model's `sourceSecret` Secret holding the Hugging Face token.
    public static let sourceTokenSecretKey = "token"
    /// Key of `observability.prometheus.authSecret` holding the bearer token KEDA sends.
    public static let prometheusAuthSecretKey = "token"
    /// Secret (key `master-key`) with the LiteLLM master key, created out of band in the system namespace.
    public static let liteLLMMasterKeySecret = "litellm-master-key"
    /// Default images; `model.image` overrides the model server's.
    public static let vllmImage = "vllm/vllm-openai:v0.11.0"
    public static let endpointPickerImage = "registry.k8s.io/gateway-api-inference-extension/epp:v1.0.0"
    public static let liteLLMImage = "ghcr.io/berriai/litellm:main-stable"

    /// `app.kubernetes.io/component` values.
    public enum Component {
        public static let modelServer = "model-server"
        public static let endpointPicker = "endpoint-picker"
        public static let liteLLM = "llm-proxy"
        public static let agent = "agent"
        public static let training = "training"
        public static let ncclTest = "nccl-test"
    }

    /// The Service (and Deployment) name of a model's servers.
    public static func modelServiceName(_ model: String) -> String { model }
    /// The endpoint picker (Deployment, Service, ConfigMap, ServiceAccount) of a model's InferencePool.
    public static func endpointPickerName(_ model: String) -> String { "\(model)-epp" }
    /// The in-cluster base URL of a model's OpenAI-compatible API.
    public static func modelServiceURL(_ model: String, namespace: String) -> String {
        "http://\(modelServiceName(model)).\(namespace).svc.cluster.local:\(modelServerPort)/v1"
    }
    /// The selector labels of a model's server pods.
    public static func modelSelector(_ model: String) -> ManifestMap {
        [PlatformLabels.name: .string(model), PlatformLabels.component: .string(Component.modelServer)]
    }
}
