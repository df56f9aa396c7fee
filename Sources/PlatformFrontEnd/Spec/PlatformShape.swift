/// The `platformc/v1alpha1` spec language: every section, key, type, default and a line of
/// documentation. README's spec reference and `platformc schema` are generated from this.
package enum PlatformShape {
    static let dnsLabel = #"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"#

    static func name(_ what: String) -> FieldShape {
        FieldShape("name", .string(pattern: dnsLabel), required: true, "name of the \(what) (a DNS-1123 label)")
    }

    static let metadata = ObjectShape("Metadata", "Identity of the platform.", [
        FieldShape("name", .string(pattern: dnsLabel), required: true, "platform name (a DNS-1123 label)"),
        FieldShape("labels", .map(.string()), "labels added to every emitted object"),
    ])

    static let gitops = ObjectShape("GitOps", "Where compiled manifests are committed.", [
        FieldShape("repository", .string(), default: SpecDefaults.gitopsRepository,
            "GitOps repository: a path (relative to the spec's folder) or URL"),
        FieldShape("branch", .string(), default: SpecDefaults.gitopsBranch, "branch that receives the compiled tree"),
        FieldShape("path", .string(), default: SpecDefaults.gitopsPath, "folder of the repository that platformc manages"),
        FieldShape("engine", .enumeration(["argocd", "flux"]), default: SpecDefaults.gitopsEngine,
            "GitOps engine the fleet wiring targets"),
        FieldShape("url", .string(),
            """
                URL the engine clones (Argo CD's `repoURL`); default: `repository` when that is a URL. Required with `engine: argocd` when \
                `repository` is a local path
                """),
    ])

    static let migProfileOverride = ObjectShape("MIGProfileSpec", "A MIG profile of a GPU model.", [
        FieldShape("name", .string(), required: true, "profile name, e.g. `1g.10gb`"),
        FieldShape("memory", .quantity(.memory), required: true, "memory of one slice"),
        FieldShape("computeSlices", .integer(minimum: 1), required: true, "compute slices (out of 7)"),
        FieldShape("maxCount", .integer(minimum: 1), required: true, "how many fit on one GPU"),
    ])

    static let gpuModel = ObjectShape("GPUModelSpec", "Adds a GPU model to the built-in catalog or overrides fields of one.", [
        FieldShape("name", .string(), required: true, "GPU model name, e.g. `H100-SXM-80GB`"),
        FieldShape("memory", .quantity(.memory), "GPU memory"),
        FieldShape("architecture", .string(), "architecture, e.g. `hopper`"),
        FieldShape("computeCapability", .string(pattern: #"^[0-9]+\.[0-9]+$"#), "CUDA compute capability, e.g. `9.0`"),
        FieldShape("nvlinkGeneration", .integer(minimum: 1), "NVLink generation"),
        FieldShape("nvlinkBandwidth", .quantity(.bandwidth), "NVLink bandwidth per GPU"),
        FieldShape("fp8", .boolean, "whether the GPU runs fp8 natively"),
        FieldShape("migProfiles", .list(.object(migProfileOverride)), "MIG profiles"),
        FieldShape("source", .string(), "where these figures come from"),
    ])

    static let network = ObjectShape("Network", "The fabric between nodes of a pool.", [
        FieldShape("fabric", .enumeration(["efa", "infiniband", "roce", "tcpx", "ethernet"]), "inter-node fabric"),
        FieldShape("nics", .integer(minimum: 0), "NICs per node"),
        FieldShape("gbpsPerNic", .integer(minimum: 1), "speed of each NIC in Gbit/s"),
    ])

    static let nodeRange = ObjectShape("NodeCount", "How many nodes a pool has; `max` above `min` means autoscaled.", [
        FieldShape("min", .integer(minimum: 0), required: true, "nodes that always run"),
        FieldShape("max", .integer(minimum: 0), "most nodes the pool may grow to (default: `min`)"),
        FieldShape("static", .boolean, default: SpecDefaults.staticNodes,
            """
                keep exactly `min` nodes running whatever pods ask (`max` must equal `min`): a Karpenter static NodePool (`spec.replicas`, \
                feature gate `StaticCapacity`); needed for `gpuAllocation: dra` on AWS, since Karpenter does not provision nodes for DRA \
                claims
                """),
    ])

    static let mig = ObjectShape("MIGLayout", "The MIG layout applied to every GPU of the pool.", [
        FieldShape("profiles", .map(.integer(minimum: 1)), required: true, "profile name → slices per GPU, e.g. `1g.10gb: 7`"),
    ])

    static let taint = ObjectShape("Taint", "A node taint.", [
        FieldShape("key", .string(), required: true, "taint key"),
        FieldShape("value", .string(), "taint value"),
        FieldShape("effect", .enumeration(["NoSchedule", "PreferNoSchedule", "NoExecute"]), required: true, "taint effect"),
    ])

    static let nodePool = ObjectShape("NodePool", "A group of identical GPU nodes.", [
        name("node pool"),
        FieldShape("instanceType", .string(),
            "cloud instance type; fills gpu, gpusPerNode, interconnect, network and price from the catalog"),
        FieldShape("gpu", .string(), "GPU model (required without instanceType)"),
        FieldShape("gpusPerNode", .integer(minimum: 1), "GPUs per node (required without instanceType)"),
        FieldShape("interconnect", .enumeration(["nvswitch", "nvlink", "pcie"]), "how GPUs inside a node connect"),
        FieldShape("topologyFile", .string(),
            """
                NCCL topology XML dump of the node (relative to the spec's folder, inside its repository, at most 1 MiB); its `<nvlink>` \
                data decides the NVLink islands, and the pool's NCCL pods mount it at `NCCL_TOPO_FILE` (not on EFA, where aws-ofi-nccl \
                sets its own)
                """),
        FieldShape("network", .object(network), "inter-node network"),
        FieldShape("nodes", .object(nodeRange), required: true, "node count"),
        FieldShape("zones", .list(.string()), "zones of this pool (default: the cluster's zones)"),
        FieldShape("capacityType", .enumeration(["on-demand", "spot", "reserved"]), default: SpecDefaults.capacityType,
            "how the nodes are bought"),
        FieldShape("pricePerHour", .quantity(.money), "price of one node per hour (overrides the catalog)"),
        FieldShape("discountPercent", .integer(minimum: 0), "discount on the price for spot or reserved capacity"),
        FieldShape("gpuAllocation", .enumeration(["device-plugin", "dra"]), default: SpecDefaults.gpuAllocation, "how pods get GPUs"),
        FieldShape("mig", .object(mig), "MIG layout"),
        FieldShape("labels", .map(.string()), "node labels"),
        FieldShape("taints", .list(.object(taint)), "extra node taints (GPU pools always carry `nvidia.com/gpu:NoSchedule`)"),
    ])

    static let cluster = ObjectShape("Cluster", "A Kubernetes cluster of the fleet.", [
        name("cluster"),
        FieldShape("provider", .enumeration(["aws", "gcp", "azure", "oci", "onprem"]), required: true, "cloud or on-premises"),
        FieldShape("region", .string(), "cloud region"),
        FieldShape("zones", .list(.string()), "availability zones"),
        FieldShape("production", .boolean, default: SpecDefaults.production, "whether production policies apply"),
        FieldShape("nodePools", .list(.object(nodePool)), required: true, "GPU node pools"),
    ])

    static let quota = ObjectShape("Quota", "GPU quota of a team.", [
        FieldShape("gpus", .integer(minimum: 0), "GPUs in total"),
        FieldShape("perModel", .map(.integer(minimum: 0)), "GPUs per GPU model"),
        FieldShape("perCluster", .map(.integer(minimum: 0)),
            """
                GPUs of `gpus` per cluster (cluster name → GPUs, adding up to at most `gpus`); default: `gpus` split over the clusters in \
                proportion to the GPUs the team's placed workloads hold there (or, when it holds none, to the clusters' GPUs)
                """),
    ])

    static let budget = ObjectShape("Budget", "Monthly spending limit of a team.", [
        FieldShape("monthly", .quantity(.money), required: true, "budget per month"),
        FieldShape("currency", .enumeration(["USD"]), default: SpecDefaults.budgetCurrency, "currency"),
        FieldShape("enforcement", .enumeration(["error", "warn"]), default: SpecDefaults.budgetEnforcement,
            "what happens when the cost exceeds it"),
    ])

    static let platformBudget = ObjectShape("PlatformBudget", "Monthly spending limit of the whole platform: every pool and provider.", [
        FieldShape("monthly", .quantity(.money), required: true, "budget per month"),
        FieldShape("currency", .enumeration(["USD"]), default: SpecDefaults.budgetCurrency, "currency"),
        FieldShape("enforcement", .enumeration(["error", "warn"]), default: SpecDefaults.budgetEnforcement,
            "what happens when the cost exceeds it"),
    ])

    static let team = ObjectShape("Team", "A tenant: a namespace, a quota and a budget.", [
        name("team"),
        FieldShape("quota", .object(quota), "GPU quota"),
        FieldShape("budget", .object(budget), "monthly budget"),
        FieldShape("priority", .enumeration(["critical", "high", "medium", "low"]), default: SpecDefaults.priority,
            "who wins when capacity is short"),
        FieldShape("namespace", .string(pattern: dnsLabel), "namespace (default: the team name)"),
        FieldShape("keySecret", .string(pattern: dnsLabel),
                   """
                       Secret (key `key`, a value starting `sk-`, at least 16 characters) in the system namespace holding the team's \
                       LiteLLM virtual key; the provisioning Job registers it for the team, so the team's clients send it (needs \
                       `litellm.databaseSecret` and `gateway.clientAuth: virtualKeys`)
                       """),
    ])

    static let providerPrice = ObjectShape("ProviderPrice", "Price of an external model.", [
        FieldShape("model", .string(), required: true, "model name at the provider"),
        FieldShape("inputPerMillion", .quantity(.money), required: true, "price per million input tokens"),
        FieldShape("outputPerMillion", .quantity(.money), required: true, "price per million output tokens"),
    ])

    static let provider = ObjectShape("Provider", "An external model API reached through LiteLLM.", [
        name("provider"),
        FieldShape("kind", .enumeration(["openai", "anthropic", "azure", "bedrock", "vertex_ai", "mistral"]), required: true, "API kind"),
        FieldShape("apiKeySecret", .string(pattern: dnsLabel), required: true, "Secret holding the API key (key `api-key`)"),
        FieldShape("baseURL", .string(), "API base URL"),
        FieldShape("prices", .list(.object(providerPrice)), "prices per model (override the built-in table)"),
    ])

    static let parameters = ObjectShape("MixtureOfExperts", "Parameter counts of a mixture-of-experts model.", [
        FieldShape("total", .quantity(.parameters), required: true, "all parameters (memory)"),
        FieldShape("active", .quantity(.parameters), required: true, "parameters active per token"),
    ])

    static let modelGPU = ObjectShape("ModelGPU", "GPUs of one replica.", [
        FieldShape("model", .string(), required: true, "GPU model"),
        FieldShape("count", .integer(minimum: 1), default: SpecDefaults.gpusPerReplica,
            "GPUs per replica: the tensor-parallel size (× nodes for multi-node)"),
        FieldShape("migProfile", .string(), "serve on one MIG slice of this profile instead of whole GPUs"),
        FieldShape("nodes", .integer(minimum: 1), default: SpecDefaults.nodesPerReplica,
            "nodes per replica (> 1: a LeaderWorkerSet with pipeline parallelism)"),
    ])

    static let replicas = ObjectShape("Replicas", "Replica range.", [
        FieldShape("min", .integer(minimum: 0), required: true, "replicas that are always placed"),
        FieldShape("max", .integer(minimum: 0), "most replicas under autoscaling (default: `min`)"),
    ])

    static let autoscaling = ObjectShape("Autoscaling", "KEDA autoscaling of a model.", [
        FieldShape("metric", .enumeration(["queueDepth", "kvCacheUsage", "requestsPerSecond"]), default: SpecDefaults.autoscalingMetric,
            "vLLM metric to scale on"),
        FieldShape("target", .number(minimum: 0), required: true, "target value per replica"),
        FieldShape("cooldown", .quantity(.duration), default: SpecDefaults.autoscalingCooldown, "cooldown before scaling in"),
    ])

    static let routing = ObjectShape("Routing", "How requests reach replicas.", [
        FieldShape("prefixCacheAware", .boolean, default: SpecDefaults.prefixCacheAware,
            "route through an InferencePool with llm-d's endpoint picker"),
    ])

    static let modelPlacement = ObjectShape("ModelPlacement", "Where a model may run.", [
        FieldShape("cluster", .string(), "pin to this cluster"),
        FieldShape("pool", .string(), "pin to this node pool"),
        FieldShape("spread", .enumeration(["zones", "nodes", "none"]), default: SpecDefaults.spread,
            "how replicas spread for availability"),
        FieldShape("allowPCIe", .boolean, default: SpecDefaults.allowPCIe, "allow a tensor-parallel group across PCIe (slow)"),
    ])

    static let modelExperts = ObjectShape("ModelExperts", "Routed experts of a mixture-of-experts model.", [
        FieldShape("total", .integer(minimum: 1), required: true,
            "routed experts per MoE layer (`num_local_experts`, `num_experts` or `n_routed_experts`)"),
        FieldShape("active", .integer(minimum: 1), required: true, "experts per token (`num_experts_per_tok`); at most `total`"),
    ])

    static let modelShape = ObjectShape("ModelShape",
        """
            A model's transformer shape, copied from its checkpoint's `config.json`; sizes the KV cache of any architecture. Fields given \
            here override the built-in `architecture:`.
            """,
        [
        FieldShape("layers", .integer(minimum: 1), "decoder layers (`num_hidden_layers`)"),
        FieldShape("attentionHeads", .integer(minimum: 1), "query heads (`num_attention_heads`); a multiple of `kvHeads`"),
        FieldShape("kvHeads", .integer(minimum: 1), "key/value heads (`num_key_value_heads`; default: `attentionHeads`)"),
        FieldShape("headDim", .integer(minimum: 1),
            "size of one head (`head_dim`; default: `hiddenSize / attentionHeads`, which must then divide evenly)"),
        FieldShape("hiddenSize", .integer(minimum: 1), "model width (`hidden_size`)"),
        FieldShape("experts", .object(modelExperts), "mixture-of-experts routing"),
        FieldShape("kvLoraRank", .integer(minimum: 1),
            """
                multi-head latent attention (DeepSeek V2/V3): `kv_lora_rank`; the KV cache then holds `kvLoraRank + qkRopeHeadDim` values \
                per layer and token instead of K and V per head
                """),
        FieldShape("qkRopeHeadDim", .integer(minimum: 1), "multi-head latent attention: `qk_rope_head_dim`"),
    ])

    /// vLLM's quantization methods that a checkpoint's `config.json` names in
    /// `quantization_config.quant_method` (vllm-project/vllm
    /// `vllm/model_executor/layers/quantization/__init__.py`, `QuantizationMethods`: each of these
    /// is in the list from the v0.10 line on; `fbgemm_fp8` is deprecated in later releases).
    static let checkpointQuantizations = ["fp8", "fbgemm_fp8", "modelopt", "modelopt_fp4", "mxfp4", "compressed-tensors",
                                          "awq", "awq_marlin", "gptq", "gptq_marlin", "bitsandbytes", "gguf", "quark", "torchao",
                                          "moe_wna16", "experts_int8"]

    static let modelCache = ObjectShape("ModelCache",
        "Where a model server keeps downloaded weights and compile caches (mounted at `/cache`).", [
        FieldShape("volume", .enumeration(["emptyDir", "instanceStore", "persistentVolumeClaim"]), default: SpecDefaults.cacheVolume,
                   "`emptyDir` on the node's disk; `instanceStore`: the same on the node's NVMe instance storage, which the pool's "
                   + "EC2NodeClass then mounts as one RAID0 array (AWS Karpenter pools of instance types with local NVMe); "
                   + "`persistentVolumeClaim`: a ReadWriteMany claim every replica shares, kept across restarts"),
        FieldShape("size", .quantity(.memory),
            "size limit and ephemeral-storage request (default: the checkpoint's bytes plus 10 % and 10Gi for compile caches)"),
        FieldShape("claimName", .string(pattern: dnsLabel), "`persistentVolumeClaim`: an existing claim in the team's namespace"),
        FieldShape("storageClass", .string(),
            "`persistentVolumeClaim`: the compiler emits a ReadWriteMany claim `<model>-cache` of this class"),
    ])

    static let model = ObjectShape("Model", "A self-hosted model served by vLLM.", [
        name("model"),
        FieldShape("team", .string(), required: true, "owning team"),
        FieldShape("source", .string(), required: true, "weights: `hf://org/name`, `s3://…` or `pvc://…`"),
        FieldShape("sourceSecret", .string(pattern: dnsLabel), "Secret with credentials for the source (e.g. HF token)"),
        FieldShape("parameters", .quantityOrObject(.parameters, parameters), required: true,
            "parameter count, or `{total, active}` for MoE"),
        FieldShape("architecture", .string(),
            """
                built-in shape for KV-cache sizing, e.g. `llama-3.1-70b`, `qwen3-235b-a22b`, `gpt-oss-120b`, `deepseek-r1`; any other name \
                needs `shape:`
                """),
        FieldShape("shape", .object(modelShape),
            "the model's shape from its `config.json`, for an architecture not built in or to override one"),
        FieldShape("dtype", .enumeration(["bf16", "fp16", "fp8", "int8", "int4", "fp32", "mxfp4", "nvfp4"]), default: SpecDefaults.dtype,
            "weight dtype; `mxfp4` and `nvfp4` come from a pre-quantized checkpoint"),
        FieldShape("checkpointQuantization", .enumeration(checkpointQuantizations),
            """
                the quantization the checkpoint's `config.json` declares (`quantization_config.quant_method`, e.g. `fbgemm_fp8`); vLLM \
                reads it there, so no `--quantization` is passed
                """),
        FieldShape("kvCacheDtype", .enumeration(["auto", "fp8", "bf16", "fp16"]), default: SpecDefaults.kvCacheDtype, "KV-cache dtype"),
        FieldShape("contextLength", .integer(minimum: 1), default: SpecDefaults.contextLength,
            "maximum context length (`--max-model-len`)"),
        FieldShape("maxSequences", .integer(minimum: 1), default: SpecDefaults.maxSequences,
                   "sequences at full context the KV cache must hold at once; "
                   + "vLLM gets `--max-num-seqs` only when stated"),
        FieldShape("engine", .enumeration(["vllm"]), default: SpecDefaults.engine, "serving engine"),
        FieldShape("task", .enumeration(["generate", "embed", "classify"]),
                   "what the model serves: `generate` (chat and completions; vLLM gets `--runner generate`) or a pooling task "
                   + "(`embed` for `/v1/embeddings`, `classify`; vLLM gets `--runner pooling --convert <task>`); "
                   + "omitted: vLLM picks from the checkpoint's architecture"),
        FieldShape("engineArgs", .list(.string()), "extra `vllm serve` flags, one item each (`--flag` or `--flag=value`), checked against "
                   + "the flags of the pinned vLLM version; flags the compiler sets from other keys are refused"),
        FieldShape("cache", .object(modelCache), "where weights are cached (default: an `emptyDir` sized from the weights)"),
        FieldShape("image", .string(), "engine image (default: `components.vllm`, else the pinned vLLM)"),
        FieldShape("gpu", .object(modelGPU), required: true, "GPUs per replica"),
        FieldShape("gpuMemoryUtilization", .number(minimum: 0), default: SpecDefaults.gpuMemoryUtilization,
            "fraction of GPU memory vLLM may use"),
        FieldShape("replicas", .object(replicas), required: true, "replica range"),
        FieldShape("autoscaling", .object(autoscaling), "KEDA autoscaling"),
        FieldShape("routing", .object(routing), "request routing"),
        FieldShape("placement", .object(modelPlacement), "placement constraints"),
        FieldShape("critical", .boolean, default: SpecDefaults.critical, "critical models never run on spot capacity"),
        FieldShape("canaryOf", .string(), "this model is a canary of another model"),
    ])

    static let match = ObjectShape("RouteMatch", "Request matching.", [
        FieldShape("headers", .map(.string()), "exact header matches"),
    ])

    static let backend = ObjectShape("RouteBackend", "A weighted backend model.", [
        FieldShape("model", .string(), required: true, "self-hosted model"),
        FieldShape("weight", .integer(minimum: 0), default: SpecDefaults.backendWeight, "share of traffic in percent"),
    ])

    static let fallback = ObjectShape("RouteFallback", "An external model used when the backends fail.", [
        FieldShape("provider", .string(), required: true, "provider name"),
        FieldShape("model", .string(), required: true, "model at the provider"),
    ])

    static let rateLimit = ObjectShape("RateLimit", "Local rate limit of a route.", [
        FieldShape("requestsPerMinute", .integer(minimum: 1), required: true, "requests per minute"),
    ])

    static let traffic = ObjectShape("Traffic", "Expected load of a route.", [
        FieldShape("tokensPerDay", .quantity(.count), required: true, "tokens per day"),
        FieldShape("fallbackPercent", .integer(minimum: 0), default: SpecDefaults.fallbackPercent,
            "share of traffic expected on fallbacks"),
    ])

    static let route = ObjectShape("Route", "An HTTP route into the platform's gateway.", [
        name("route"),
        FieldShape("hostnames", .list(.string()), required: true, "hostnames"),
        FieldShape("path", .string(), default: SpecDefaults.routePath, "path prefix"),
        FieldShape("match", .object(match), "header matches"),
        FieldShape("backends", .list(.object(backend)), required: true, "weighted backends"),
        FieldShape("fallbacks", .list(.object(fallback)), "external fallbacks through LiteLLM"),
        FieldShape("rateLimit", .object(rateLimit), "rate limit"),
        FieldShape("traffic", .object(traffic), "expected traffic"),
        FieldShape("timeout", .quantity(.duration), default: SpecDefaults.routeTimeout, "request timeout"),
        FieldShape("retries", .integer(minimum: 0), default: SpecDefaults.retries, "retry attempts"),
    ])

    static let rbacRule = ObjectShape("RBACRule", "A Kubernetes RBAC rule an MCP server's tools need.", [
        FieldShape("apiGroups", .list(.string()), required: true, "API groups (`\"\"` is core)"),
        FieldShape("resources", .list(.string()), required: true, "resources"),
        FieldShape("verbs", .list(.enumeration(["get", "list", "watch", "create", "update", "patch", "delete"])), required: true, "verbs"),
    ])

    static let mcpServer = ObjectShape("MCPServer", "A remote MCP server agents use.", [
        name("MCP server"),
        FieldShape("url", .string(), required: true, "URL of the MCP endpoint"),
        FieldShape("transport", .enumeration(["streamableHttp", "sse"]), default: SpecDefaults.mcpTransport, "MCP transport"),
        FieldShape("headersSecret", .string(pattern: dnsLabel), "Secret whose keys become request headers (e.g. an API token)"),
        FieldShape("permissions", .list(.object(rbacRule)), "cluster permissions its tools need, bound to `serviceAccount`"),
        FieldShape("serviceAccount", .object(mcpServerIdentity), "the ServiceAccount the server runs as; required with `permissions`"),
        FieldShape("tools", .list(.string()), "tools the server offers (checked against agents' allow lists)"),
    ])

    static let mcpServerIdentity = ObjectShape("MCPServerIdentity",
        """
            The ServiceAccount an MCP server's pods run as, in every cluster its agents run in (a pod can use only its own namespace's \
            accounts, so this is where the server is deployed). platformc binds `permissions` to it (a Role in each namespace of the \
            agents that use the server, a ClusterRole for cluster-scoped resources); the server's own deployment creates it.
            """,
        [
        FieldShape("namespace", .string(pattern: dnsLabel), required: true,
            "namespace the server runs in (e.g. `tools` for `http://k8s-mcp.tools:8080/mcp`)"),
        FieldShape("name", .string(pattern: dnsLabel), required: true, "name of the ServiceAccount"),
    ])

    static let agentTool = ObjectShape("AgentTool", "MCP tools an agent may call.", [
        FieldShape("mcpServer", .string(), required: true, "MCP server"),
        FieldShape("allow", .list(.string()), required: true, "tool names"),
    ])

    static let agent = ObjectShape("Agent", "A kagent agent.", [
        name("agent"),
        FieldShape("team", .string(), required: true, "owning team"),
        FieldShape("model", .string(), required: true, "self-hosted model, or `provider/model` through LiteLLM"),
        FieldShape("systemMessage", .string(), required: true, "system prompt"),
        FieldShape("description", .string(), "what the agent does"),
        FieldShape("tools", .list(.object(agentTool)), "MCP tools"),
        FieldShape("cluster", .string(), "cluster to run in (default: the model's)"),
        FieldShape("apiKeySecret", .string(pattern: dnsLabel),
            """
                Secret in the team's namespace whose key `api-key` the agent presents to its model endpoint; required for `provider/model` \
                (LiteLLM checks keys); without it a self-hosted model (vLLM checks none) gets a placeholder key
                """),
    ])

    static let nccl = ObjectShape("NCCLSettings", "NCCL settings.", [
        FieldShape("debug", .enumeration(["VERSION", "WARN", "INFO", "TRACE"]), default: SpecDefaults.ncclDebug, "NCCL_DEBUG"),
    ])

    static let training = ObjectShape("TrainingJob", "A gang-scheduled fine-tuning or training job.", [
        name("training job"),
        FieldShape("team", .string(), required: true, "owning team"),
        FieldShape("framework", .enumeration(["pytorch"]), default: SpecDefaults.framework, "framework"),
        FieldShape("operator", .enumeration(["trainer", "pytorchjob"]), default: SpecDefaults.trainingOperator,
            "Kubeflow Trainer TrainJob or the older PyTorchJob"),
        FieldShape("image", .string(), required: true, "training image"),
        FieldShape("command", .list(.string()), "container command"),
        FieldShape("nodes", .integer(minimum: 1), required: true, "nodes in the gang"),
        FieldShape("gpusPerNode", .integer(minimum: 1), required: true, "GPUs per node"),
        FieldShape("gpu", .string(), required: true, "GPU model"),
        FieldShape("cluster", .string(), "cluster (default: the first with that GPU)"),
        FieldShape("pool", .string(), "node pool"),
        FieldShape("nccl", .object(nccl), "NCCL settings"),
        FieldShape("shmSize", .quantity(.memory), default: SpecDefaults.shmSize, "size of /dev/shm"),
        FieldShape("hoursPerMonth", .integer(minimum: 0), default: SpecDefaults.hoursPerMonth,
            "hours a month the job runs: its nodes are priced for these hours (730 = always)"),
    ])

    static let langfuse = ObjectShape("Langfuse", "Langfuse tracing.", [
        FieldShape("host", .string(), required: true, "Langfuse URL"),
        FieldShape("secret", .string(pattern: dnsLabel), required: true,
            """
                Secret with `public-key` and `secret-key` (LiteLLM) and `otlp-headers` (agents: `Authorization=Basic%20` and base64 of \
                `public:secret`)
                """),
    ])

    static let prometheus = ObjectShape("Prometheus", "Prometheus metrics and alerts.", [
        FieldShape("enabled", .boolean, default: SpecDefaults.prometheusEnabled, "emit ServiceMonitors and alert rules"),
        FieldShape("url", .string(), default: SpecDefaults.prometheusURL, "Prometheus URL KEDA queries"),
        FieldShape("authSecret", .string(pattern: dnsLabel), "Secret with a bearer token for KEDA"),
    ])

    static let observability = ObjectShape("Observability", "Observability wiring.", [
        FieldShape("langfuse", .object(langfuse), "Langfuse"),
        FieldShape("prometheus", .object(prometheus), "Prometheus"),
    ])

    // Pod Security exceptions: the spec (never a template) may let one workload past the audit.
    static let securityException = ObjectShape("SecurityException", "A Pod Security exception the spec grants one workload.", [
        FieldShape("workload", .string(), required: true, "model, training job or agent whose pods it covers"),
        FieldShape("allow", .list(.enumeration(PodSecurityControl.allCases.map(\.rawValue))), required: true,
                   "Pod Security controls its pods may break"),
        FieldShape("reason", .string(), required: true, "why; shown in the diff and on the workload's objects"),
    ])

    static let security = ObjectShape("Security", "Security exceptions the audit of the compiled objects accepts.", [
        FieldShape("exceptions", .list(.object(securityException)), "Pod Security exceptions, each for one workload with a reason"),
    ])

    // The front door and the LiteLLM proxy (docs/traffic.md).
    static let gatewayTLS = ObjectShape("GatewayTLS", "TLS of the Gateway's HTTPS listener.", [
        FieldShape("secret", .string(pattern: dnsLabel), required: true,
                   "Secret of type `kubernetes.io/tls` (keys `tls.crt`, `tls.key`) in the system namespace of every serving cluster"),
    ])

    static let gateway = ObjectShape("Gateway", "How clients reach the routes: TLS and client authentication.", [
        FieldShape("tls", .object(gatewayTLS), "HTTPS on port 443 (without it the Gateway listens on plain HTTP port 80)"),
        FieldShape("clientAuth", .enumeration(["virtualKeys", "none"]), default: SpecDefaults.clientAuth,
                   """
                       `virtualKeys`: every route passes through LiteLLM, which admits only its virtual keys (one team each); `none`: \
                       routes without fallbacks go straight to their models, unauthenticated
                       """),
    ])

    static let liteLLM = ObjectShape("LiteLLM", "The LiteLLM proxy's Secrets: its master key and the database that enforces budgets.", [
        FieldShape("masterKeySecret", .string(pattern: dnsLabel), default: SpecDefaults.masterKeySecret,
                   "Secret (key `master-key`) with the proxy's admin key, in the system namespace"),
        FieldShape("databaseSecret", .string(pattern: dnsLabel),
                   """
                       Secret (key `url`) with the PostgreSQL URL LiteLLM keeps teams, keys and spend in; one database shared by every \
                       cluster. Without it budgets are reported only
                       """),
    ])

    // Image overrides: every image platformc emits comes from `ComponentVersions` unless named here.
    static let component = ObjectShape("Component", "A component's image, replacing the version platformc pins.", [
        FieldShape("image", .string(), required: true,
            "image with a version tag or a digest (`name:tag`, `name@sha256:…`); never `latest`"),
    ])

    /// The whole document.
    package static let platform = ObjectShape("Platform", "A platformc platform spec.", [
        FieldShape("apiVersion", .enumeration(["platformc/v1alpha1"]), required: true, "spec version"),
        FieldShape("kind", .enumeration(["Platform"]), required: true, "always `Platform`"),
        FieldShape("metadata", .object(metadata), required: true, "platform identity"),
        FieldShape("kubernetesVersion", .string(pattern: #"^1\.[0-9]+$"#), default: SpecDefaults.kubernetesVersion,
            "Kubernetes minor version of the clusters"),
        FieldShape("gitops", .object(gitops), "GitOps repository"),
        FieldShape("gpuCatalog", .list(.object(gpuModel)), "additions to the built-in GPU catalog"),
        FieldShape("clusters", .list(.object(cluster)), required: true, "clusters and their node pools"),
        FieldShape("teams", .list(.object(team)), required: true, "teams"),
        FieldShape("budget", .object(platformBudget), "monthly budget of the whole platform"),
        FieldShape("providers", .list(.object(provider)), "external model providers"),
        FieldShape("models", .list(.object(model)), "self-hosted models"),
        FieldShape("routes", .list(.object(route)), "gateway routes"),
        FieldShape("gateway", .object(gateway), "the Gateway: TLS and how clients authenticate"),
        FieldShape("litellm", .object(liteLLM), "the LiteLLM proxy's master key and database"),
        FieldShape("mcpServers", .list(.object(mcpServer)), "MCP servers"),
        FieldShape("agents", .list(.object(agent)), "agents"),
        FieldShape("training", .list(.object(training)), "training jobs"),
        FieldShape("observability", .object(observability), "observability"),
        FieldShape("policy", .object(PolicyShape.policy), "policy rule id → severity, per-cluster/per-team overrides, GPU allow-list"),
        FieldShape("security", .object(security), "Pod Security exceptions granted by the spec (templates cannot grant any)"),
        FieldShape("components", .map(.object(component)),
            """
                component → image, replacing a pinned version: `vllm` (default for every model's `image`), `endpoint-picker`, `litellm`, \
                `nccl-tests`; the pinned versions, their sources and the upstream facts checked at them are in \
                `Sources/PlatformFrontEnd/Catalog/ComponentVersions.swift`
                """),
    ])
}
