import PlatformDiagnostics

package struct Model: Sendable {
    package enum DType: String, Sendable {
        case bf16, fp16, fp8, int8, int4, fp32, mxfp4, nvfp4
        /// Bytes per weight, block scales included. MXFP4: 32 FP4 (E2M1) values share one 8-bit
        /// E8M0 scale, 4 + 8/32 = 4.25 bits (OCP Microscaling Formats (MX) v1.0, §5.2 MXFP4). NVFP4:
        /// 16 FP4 values share one FP8 E4M3 scale, 4 + 8/16 = 4.5 bits, plus a per-tensor FP32 scale
        /// (NVIDIA/TensorRT-Model-Optimizer `modelopt/torch/quantization/config.py`,
        /// NVFP4_DEFAULT_CFG: `block_sizes: {-1: 16, scale_bits: (4, 3)}`).
        package var bytesPerParameter: Double {
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
    package enum Spread: String, Sendable { case zones, nodes, none }

    package var name: String
    package var team: String
    package var source: String
    package var sourceSecret: String?
    package var parameters: Int64
    /// For mixture-of-experts models, the parameters active per token; nil for dense models.
    package var activeParameters: Int64?
    package var architecture: String?
    /// The transformer shape the spec declares (`shape:`), over or instead of `architecture:`.
    package var shape: DeclaredModelShape?
    package var dtype: DType
    /// The vLLM quantization method the checkpoint's `config.json` declares
    /// (`quantization_config.quant_method`); vLLM reads it there, so no `--quantization` is passed.
    package var checkpointQuantization: String?
    package var kvCacheDtype: String
    package var contextLength: Int
    package var maxSequences: Int
    /// The spec states `maxSequences`: only then is vLLM capped with `--max-num-seqs` (its own
    /// default is far higher); unstated, 4 is only the KV-cache sizing assumption.
    package var maxSequencesStated: Bool = false
    package var engine: String
    package var image: String
    package var gpuModel: String
    /// GPUs per node of one replica: the tensor-parallel size.
    package var gpusPerReplica: Int
    package var nodesPerReplica: Int
    package var migProfile: String?
    package var gpuMemoryUtilization: Double
    package var minReplicas: Int
    package var maxReplicas: Int
    package var autoscaling: Autoscaling?
    package var prefixCacheAware: Bool
    package var cluster: String?
    package var pool: String?
    package var spread: Spread
    package var allowPCIe: Bool
    package var critical: Bool
    package var canaryOf: String?
    package var location: SourceLocation
    package var locations: [SpecKey: SourceLocation]
    /// An agent uses this model (or the stable model it is a canary of): vLLM must accept `tools`.
    package var servesAgents: Bool = false
    /// What the model serves (`task:`); nil: vLLM picks from the checkpoint.
    package var task: ModelTask? = nil
    /// The stated `task`, else `embed` for the built-in encoder-only architecture (`bert-large`):
    /// vLLM 0.34.0 registers `BertModel` only as an embedding model (`vllm/model_executor/models/registry.py`,
    /// `_EMBEDDING_MODELS`), so its server has no other task.
    package var effectiveTask: ModelTask? { task ?? (architecture?.hasPrefix("bert-") == true ? .embed : nil) }
    /// Extra `vllm serve` flags as written (`engineArgs:`), each with its location.
    package var engineArgs: [EngineArgument] = []
    /// Where weights are cached (`cache:`).
    package var cache: ModelCacheSpec = ModelCacheSpec()

    /// The names clients may ask for: its own, then, for a canary, its stable model's, which is
    /// what clients of the route send. vLLM labels metrics with the first (`--served-model-name`).
    package var servedModelNames: [String] { [name] + (canaryOf.map { [$0] } ?? []) }

    /// All GPUs (or MIG slices) one replica holds.
    package var gpusPerReplicaTotal: Int { gpusPerReplica * nodesPerReplica }
}

package struct Autoscaling: Sendable {
    package var metric: String
    package var target: Double
    package var cooldownSeconds: Int
}

package struct Route: Sendable {
    package struct Backend: Sendable {
        package var model: String; package var weight: Int; package var location: SourceLocation
        package init(model: String, weight: Int, location: SourceLocation) { self.model = model; self.weight = weight;
            self.location = location }
    }
    package struct Fallback: Sendable {
        package var provider: String; package var model: String; package var location: SourceLocation
        /// Where the spec wrote `model` (nil for fallbacks the compiler builds).
        package var modelLocation: SourceLocation? = nil
    }
    package var name: String
    package var hostnames: [String]
    package var path: String
    package var headers: [String: String]
    package var backends: [Backend]
    package var fallbacks: [Fallback]
    package var requestsPerMinute: Int?
    package var tokensPerDay: Int64?
    package var fallbackPercent: Int
    package var timeoutSeconds: Int
    package var retries: Int
    package var location: SourceLocation
    package var locations: [SpecKey: SourceLocation]
    /// Each hostname → where the spec wrote it, for diagnostics about one hostname.
    package var hostnameLocations: [String: SourceLocation] = [:]
}

package struct RBACRule: Hashable, Sendable {
    package var apiGroups: [String]
    package var resources: [String]
    package var verbs: [String]
    /// Where the spec wrote the entry, each resource and each verb (first occurrence), for policy findings.
    package var locations: RBACRuleLocations = RBACRuleLocations()

    package init(apiGroups: [String], resources: [String], verbs: [String], locations: RBACRuleLocations = RBACRuleLocations()) {
        self.apiGroups = apiGroups
        self.resources = resources
        self.verbs = verbs
        self.locations = locations
    }
}

/// Source locations of one permission entry's items; nil for rules the compiler builds itself.
package struct RBACRuleLocations: Hashable, Sendable {
    package var entry: SourceLocation?
    package var resources: [String: SourceLocation] = [:]
    package var verbs: [String: SourceLocation] = [:]
    package init(entry: SourceLocation? = nil) { self.entry = entry }
}

package struct MCPServer: Sendable {
    package var name: String
    package var url: String
    package var transport: String
    package var headersSecret: String?
    package var permissions: [RBACRule]
    package var tools: [String]
    package var location: SourceLocation
    /// Where `tools:` is written, when it is.
    package var toolsLocation: SourceLocation? = nil
    /// The ServiceAccount the server runs as (`serviceAccount:`), which `permissions` are bound to.
    package var identity: Identity? = nil
    /// Where `permissions:` is written, when it is.
    package var permissionsLocation: SourceLocation? = nil

    package struct Identity: Hashable, Sendable {
        package var namespace: String
        package var name: String
        /// Where `serviceAccount.namespace` is written.
        package var namespaceLocation: SourceLocation
    }
}

package struct Agent: Sendable {
    package struct Tool: Sendable {
        package var mcpServer: String
        package var allow: [String]
        package var location: SourceLocation
        /// Where each `allow` entry was written (first occurrence), and the `allow:` key itself.
        package var allowLocations: [String: SourceLocation] = [:]
        package var allowKeyLocation: SourceLocation? = nil
    }
    package var name: String
    package var team: String
    /// A self-hosted model name, or `provider/model` for an external one through LiteLLM.
    package var model: String
    package var systemMessage: String
    package var description: String?
    package var tools: [Tool]
    package var cluster: String?
    /// Secret (key `api-key`) whose value the agent presents to its model endpoint.
    package var apiKeySecret: String? = nil
    package var location: SourceLocation
    package var locations: [SpecKey: SourceLocation]
}

package struct TrainingJob: Sendable {
    package var name: String
    package var team: String
    package var framework: String
    package var operatorKind: String
    package var image: String
    package var command: [String]
    package var nodes: Int
    package var gpusPerNode: Int
    package var gpuModel: String
    package var cluster: String?
    package var pool: String?
    package var ncclDebug: String
    package var shmSize: ByteCount
    package var location: SourceLocation
    package var locations: [SpecKey: SourceLocation]
    /// Hours a month the job runs (`hoursPerMonth`): the nodes it alone holds are priced for these.
    package var hoursPerMonth: Int = 730

    package var totalGPUs: Int { nodes * gpusPerNode }
}

package struct Observability: Sendable {
    package var langfuseHost: String?
    package var langfuseSecret: String?
    package var prometheusEnabled: Bool
    package var prometheusURL: String
    package var prometheusAuthSecret: String?
}

/// A model's `task:`: generation, or one of vLLM's pooling conversions.
package enum ModelTask: String, Sendable {
    case generate, embed, classify

    /// Pooling tasks serve no chat or completions endpoint.
    package var isPooling: Bool { self != .generate }
}

/// One item of `engineArgs:`.
package struct EngineArgument: Sendable {
    package var text: String
    package var location: SourceLocation
}

/// A model's `cache:`.
package struct ModelCacheSpec: Sendable {
    package enum Volume: String, Sendable { case emptyDir, instanceStore, persistentVolumeClaim }
    package var volume: Volume = SpecDefaults.cacheVolume
    /// Bytes the spec states; nil: sized from the checkpoint.
    package var size: Int64? = nil
    package var claimName: String? = nil
    package var storageClass: String? = nil
    /// Where `cache:` (and its keys) were written.
    package var location: SourceLocation? = nil
    package var locations: [SpecKey: SourceLocation] = [:]
}
