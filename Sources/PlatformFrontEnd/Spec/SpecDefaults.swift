/// Every default of the spec language, written once and typed: `PlatformShape` documents each
/// (its text renders the README's spec reference, `platformc schema` and `SpecObject`'s fallback),
/// and `Lowering` applies the same constant. `SpecDefaultsTests` lowers a spec that states none of
/// them and compares each documented default with the value in the IR.
package enum SpecDefaults {
    // kubernetesVersion, gitops
    package static let kubernetesVersion = "1.34"
    package static let gitopsRepository = "./gitops"
    package static let gitopsBranch = "main"
    package static let gitopsPath = "clusters"
    package static let gitopsEngine = GitOpsTarget.Engine.argocd

    // clusters, node pools
    package static let production = true
    package static let staticNodes = false
    package static let capacityType = NodePool.CapacityType.onDemand
    package static let gpuAllocation = NodePool.GPUAllocation.devicePlugin

    // teams and the platform's budget
    package static let priority = Team.Priority.medium
    package static let budgetCurrency = "USD"
    package static let budgetEnforcement = Budget.Enforcement.error

    // models
    package static let dtype = Model.DType.bf16
    package static let kvCacheDtype = "auto"
    package static let contextLength = 8192
    package static let maxSequences = 4
    package static let engine = "vllm"
    package static let gpuMemoryUtilization = 0.9
    package static let critical = false
    package static let gpusPerReplica = 1
    package static let nodesPerReplica = 1
    package static let autoscalingMetric = "queueDepth"
    package static let autoscalingCooldown = SpecSeconds(300)
    package static let prefixCacheAware = false
    package static let spread = Model.Spread.zones
    package static let allowPCIe = false
    package static let cacheVolume = ModelCacheSpec.Volume.emptyDir

    // routes
    package static let routePath = "/"
    package static let backendWeight = 100
    package static let fallbackPercent = 5
    package static let routeTimeout = SpecSeconds(60)
    package static let retries = 2

    // MCP servers, training, observability, the front door
    package static let mcpTransport = "streamableHttp"
    package static let framework = "pytorch"
    package static let trainingOperator = "trainer"
    package static let ncclDebug = "WARN"
    package static let shmSize = ByteCount.gib(64)
    package static let hoursPerMonth = Int(CostArithmetic.hoursPerMonth)
    package static let prometheusEnabled = true
    package static let prometheusURL = "http://prometheus-operated.monitoring:9090"
    package static let clientAuth = FrontDoor.ClientAuth.virtualKeys
    package static let masterKeySecret = Conventions.liteLLMMasterKeySecret
}

/// A default as the spec would write it: the text `PlatformShape` documents.
package protocol SpecDefaultValue: Sendable {
    var specText: String { get }
}

extension String: SpecDefaultValue { package var specText: String { self } }
extension Int: SpecDefaultValue { package var specText: String { String(self) } }
extension Double: SpecDefaultValue { package var specText: String { String(self) } }
extension Bool: SpecDefaultValue { package var specText: String { self ? "true" : "false" } }

extension SpecDefaultValue where Self: RawRepresentable, RawValue == String {
    package var specText: String { rawValue }
}

extension GitOpsTarget.Engine: SpecDefaultValue {}
extension NodePool.CapacityType: SpecDefaultValue {}
extension NodePool.GPUAllocation: SpecDefaultValue {}
extension Team.Priority: SpecDefaultValue {}
extension Budget.Enforcement: SpecDefaultValue {}
extension Model.DType: SpecDefaultValue {}
extension Model.Spread: SpecDefaultValue {}
extension ModelCacheSpec.Volume: SpecDefaultValue {}
extension FrontDoor.ClientAuth: SpecDefaultValue {}

/// A duration default in whole seconds, written `<n>s`.
package struct SpecSeconds: SpecDefaultValue {
    package let seconds: Int
    package init(_ seconds: Int) { self.seconds = seconds }
    package var specText: String { "\(seconds)s" }
}

extension ByteCount: SpecDefaultValue {
    /// Whole GiB as `<n>Gi`, anything else in bytes.
    package var specText: String {
        bytes % 1_073_741_824 == 0 ? "\(bytes / 1_073_741_824)Gi" : String(bytes)
    }
}
