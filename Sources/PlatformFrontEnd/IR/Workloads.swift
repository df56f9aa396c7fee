import PlatformDiagnostics

public struct Model: Sendable {
    public enum DType: String, Sendable {
        case bf16, fp16, fp8, int8, int4, fp32, mxfp4, nvfp4
        /// Bytes per weight, block scales included. MXFP4: 32 FP4 (E2M1) values share one 8-bit
        /// E8M0 scale, 4 + 8/32 = 4.25 bits (OCP Microscaling Formats (MX) v1.0, §5.2 MXFP4). NVFP4:
        /// 16 FP4 values share one FP8 E4M3 scale, 4 + 8/16 = 4.5 bits, plus a per-tensor FP32 scale
        /// (NVIDIA/TensorRT-Model-Optimizer `modelopt/torch/quantization/config.py`,
        /// NVFP4_DEFAULT_CFG: `block_sizes: {-1: 16, scale_bits: (4, 3)}`).
        public var bytesPerParameter: Double {
            switch self {
            case .fp32: return 4
            case .bf16, .fp16: return 2
            case .fp8, .int8: return 1
            case .int4: return 0.5
            case .mxfp4: return 4.25 / 8
            case .nvfp4: return 4.5 / 8
            }
        }
    }
    public enum Spread: String, Sendable { case zones, nodes, none }

    public var name: String
    public var team: String
    public var source: String
    public var sourceSecret: String?
    public var parameters: Int64
    /// For mixture-of-experts models, the parameters active per token; nil for dense models.
    public var activeParameters: Int64?
    public var architecture: String?
    /// The transformer shape the spec declares (`shape:`), over or instead of `architecture:`.
    public var shape: DeclaredModelShape?
    public var dtype: DType
    /// The vLLM quantization method the checkpoint's `config.json` declares
    /// (`quantization_config.quant_method`); vLLM reads it there, so no `--quantization` is passed.
    public var checkpointQuantization: String?
    public var kvCacheDtype: String
    public var contextLength: Int
    public var maxSequences: Int
    /// The spec states `maxSequences`: only then is vLLM capped with `--max-num-seqs` (its own
    /// default is far higher); unstated, 4 is only the KV-cache sizing assumption.
    public var maxSequencesStated: Bool = false
    public var engine: String
    public var image: String
    public var gpuModel: String
    /// GPUs per node of one replica: the tensor-parallel size.
    public var gpusPerReplica: Int
    public var nodesPerReplica: Int
    public var migProfile: String?
    public var gpuMemoryUtilization: Double
    public var minReplicas: Int
    public var maxReplicas: Int
    public var autoscaling: Autoscaling?
    public var prefixCacheAware: Bool
    public var cluster: String?
    public var pool: String?
    public var spread: Spread
    public var allowPCIe: Bool
    public var critical: Bool
    public var canaryOf: String?
    public var location: SourceLocation
    public var locations: [String: SourceLocation]
    /// An agent uses this model (or the stable model it is a canary of): vLLM must accept `tools`.
    public var servesAgents: Bool = false
    /// What the model serves (`task:`); nil: vLLM picks from the checkpoint.
    public var task: ModelTask? = nil
    /// The stated `task`, else `embed` for the built-in encoder-only architecture (`bert-large`):
    /// vLLM 0.34.0 registers `BertModel` only as an embedding model (`vllm/model_executor/models/registry.py`,
    /// `_EMBEDDING_MODELS`), so its server has no other task.
    public var effectiveTask: ModelTask? { task ?? (architecture?.hasPrefix("bert-") == true ? .embed : nil) }
    /// Extra `vllm serve` flags as written (`engineArgs:`), each with its location.
    public var engineArgs: [EngineArgument] = []
    /// Where weights are cached (`cache:`).
    public var cache: ModelCacheSpec = ModelCacheSpec()

    /// The names clients may ask for: its own, then, for a canary, its stable model's, which is
    /// what clients of the route send. vLLM labels metrics with the first (`--served-model-name`).
    public var servedModelNames: [String] { [name] + (canaryOf.map { [$0] } ?? []) }

    /// All GPUs (or MIG slices) one replica holds.
    public var gpusPerReplicaTotal: Int { gpusPerReplica * nodesPerReplica }
}

public struct Autoscaling: Sendable {
    public var metric: String
    public var target: Double
    public var cooldownSeconds: Int
}

public struct Route: Sendable {
    public struct Backend: Sendable {
        public var model: String; public var weight: Int; public var location: SourceLocation
        package init(model: String, weight: Int, location: SourceLocation) { self.model = model; self.weight = weight; self.location = location }
    }
    public struct Fallback: Sendable {
        public var provider: String; public var model: String; public var location: SourceLocation
        /// Where the spec wrote `model` (nil for fallbacks the compiler builds).
        public var modelLocation: SourceLocation? = nil
    }
    public var name: String
    public var hostnames: [String]
    public var path: String
    public var headers: [String: String]
    public var backends: [Backend]
    public var fallbacks: [Fallback]
    public var requestsPerMinute: Int?
    public var tokensPerDay: Int64?
    public var fallbackPercent: Int
    public var timeoutSeconds: Int
    public var retries: Int
    public var location: SourceLocation
    public var locations: [String: SourceLocation]
    /// Each hostname → where the spec wrote it, for diagnostics about one hostname.
    public var hostnameLocations: [String: SourceLocation] = [:]
}

public struct RBACRule: Hashable, Sendable {
    public var apiGroups: [String]
    public var resources: [String]
    public var verbs: [String]
    /// Where the spec wrote the entry, each resource and each verb (first occurrence), for policy findings.
    public var locations: RBACRuleLocations = RBACRuleLocations()

    package init(apiGroups: [String], resources: [String], verbs: [String], locations: RBACRuleLocations = RBACRuleLocations()) {
        self.apiGroups = apiGroups
        self.resources = resources
        self.verbs = verbs
        self.locations = locations
    }
}

/// Source locations of one permission entry's items; nil for rules the compiler builds itself.
public struct RBACRuleLocations: Hashable, Sendable {
    public var entry: SourceLocation?
    public var resources: [String: SourceLocation] = [:]
    public var verbs: [String: SourceLocation] = [:]
    public init(entry: SourceLocation? = nil) { self.entry = entry }
}

public struct MCPServer: Sendable {
    public var name: String
    public var url: String
    public var transport: String
    public var headersSecret: String?
    public var permissions: [RBACRule]
    public var tools: [String]
    public var location: SourceLocation
    /// Where `tools:` is written, when it is.
    public var toolsLocation: SourceLocation? = nil
    /// The ServiceAccount the server runs as (`serviceAccount:`), which `permissions` are bound to.
    public var identity: Identity? = nil
    /// Where `permissions:` is written, when it is.
    public var permissionsLocation: SourceLocation? = nil

    public struct Identity: Hashable, Sendable {
        public var namespace: String
        public var name: String
        /// Where `serviceAccount.namespace` is written.
        public var namespaceLocation: SourceLocation
    }
}

public struct Agent: Sendable {
    public struct Tool: Sendable {
        public var mcpServer: String
        public var allow: [String]
        public var location: SourceLocation
        /// Where each `allow` entry was written (first occurrence), and the `allow:` key itself.
        public var allowLocations: [String: SourceLocation] = [:]
        public var allowKeyLocation: SourceLocation? = nil
    }
    public var name: String
    public var team: String
    /// A self-hosted model name, or `provider/model` for an external one through LiteLLM.
    public var model: String
    public var systemMessage: String
    public var description: String?
    public var tools: [Tool]
    public var cluster: String?
    /// Secret (key `api-key`) whose value the agent presents to its model endpoint.
    public var apiKeySecret: String? = nil
    public var location: SourceLocation
    public var locations: [String: SourceLocation]
}

public struct TrainingJob: Sendable {
    public var name: String
    public var team: String
    public var framework: String
    public var operatorKind: String
    public var image: String
    public var command: [String]
    public var nodes: Int
    public var gpusPerNode: Int
    public var gpuModel: String
    public var cluster: String?
    public var pool: String?
    public var ncclDebug: String
    public var shmSize: ByteCount
    public var location: SourceLocation
    public var locations: [String: SourceLocation]
    /// Hours a month the job runs (`hoursPerMonth`): the nodes it alone holds are priced for these.
    public var hoursPerMonth: Int = 730

    public var totalGPUs: Int { nodes * gpusPerNode }
}

public struct Observability: Sendable {
    public var langfuseHost: String?
    public var langfuseSecret: String?
    public var prometheusEnabled: Bool
    public var prometheusURL: String
    public var prometheusAuthSecret: String?
}

/// A model's `task:`: generation, or one of vLLM's pooling conversions.
public enum ModelTask: String, Sendable {
    case generate, embed, classify

    /// Pooling tasks serve no chat or completions endpoint.
    public var isPooling: Bool { self != .generate }
}

/// One item of `engineArgs:`.
public struct EngineArgument: Sendable {
    public var text: String
    public var location: SourceLocation
}

/// A model's `cache:`.
public struct ModelCacheSpec: Sendable {
    public enum Volume: String, Sendable { case emptyDir, instanceStore, persistentVolumeClaim }
    public var volume: Volume = .emptyDir
    /// Bytes the spec states; nil: sized from the checkpoint.
    public var size: Int64? = nil
    public var claimName: String? = nil
    public var storageClass: String? = nil
    /// Where `cache:` (and its keys) were written.
    public var location: SourceLocation? = nil
    public var locations: [String: SourceLocation] = [:]
}
