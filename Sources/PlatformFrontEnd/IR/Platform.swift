import PlatformDiagnostics

/// The typed platform: references resolved, units parsed, defaults applied, a source location kept
/// on every entity and on each value a later pass may need to point at.
public struct Platform: Sendable {
    public var name: String
    public var labels: [String: String]
    public var kubernetesVersion: String
    public var gitops: GitOpsTarget
    public var gpuCatalog: GPUCatalog
    public var instanceCatalog: InstanceCatalog
    public var clusters: [Cluster]
    public var teams: [Team]
    public var providers: [Provider]
    public var models: [Model]
    public var routes: [Route]
    public var mcpServers: [MCPServer]
    public var agents: [Agent]
    public var training: [TrainingJob]
    public var observability: Observability
    /// The spec file the platform came from (for messages), and its folder (for relative paths).
    public var specFile: String
    /// sha256 of the effective spec rendered canonically (`EffectiveSpec`): stable across formatting.
    public var specDigest: String = ""
    /// The `policy:` section: severities, overrides and the GPU allow-list.
    public var policyConfiguration = PolicyConfiguration()
    /// The platform-wide monthly budget (every pool and provider), when the spec gives one.
    public var budget: Budget? = nil
    /// `security.exceptions`: what the spec lets named workloads do past their namespace's Pod Security level.
    public var securityExceptions: [SecurityException] = []
    /// `gateway` and `litellm`: TLS, client authentication, LiteLLM's Secrets.
    public var frontDoor = FrontDoor()
    /// The images to emit: pinned versions with the spec's `components:` overrides.
    public var components = ComponentImages()

    public func team(_ name: String) -> Team? { teams.first { $0.name == name } }
    public func model(_ name: String) -> Model? { models.first { $0.name == name } }
    public func cluster(_ name: String) -> Cluster? { clusters.first { $0.name == name } }
    public func provider(_ name: String) -> Provider? { providers.first { $0.name == name } }
    public func mcpServer(_ name: String) -> MCPServer? { mcpServers.first { $0.name == name } }
}

public struct GitOpsTarget: Sendable {
    public enum Engine: String, Sendable { case argocd, flux }
    public var repository: String
    public var branch: String
    public var path: String
    public var engine: Engine
    public var location: SourceLocation
    /// Where `repository` is written (nil when defaulted): a refused repository is reported there.
    public var repositoryLocation: SourceLocation? = nil
    /// `gitops.url`: what the engine clones, when `repository` is a path only platformc can reach.
    public var url: String? = nil
    public var urlLocation: SourceLocation? = nil
    /// Where `engine` is written (nil when defaulted).
    public var engineLocation: SourceLocation? = nil

    /// What the engine's objects name as the repository: `url`, else `repository`.
    public var engineURL: String { url ?? repository }
}

public struct Cluster: Sendable {
    public var name: String
    public var provider: String
    public var region: String?
    public var zones: [String]
    public var production: Bool
    public var nodePools: [NodePool]
    public var location: SourceLocation

    public func pool(_ name: String) -> NodePool? { nodePools.first { $0.name == name } }
}

public struct NodePool: Sendable {
    public enum CapacityType: String, Sendable { case onDemand = "on-demand", spot, reserved }
    public enum GPUAllocation: String, Sendable { case devicePlugin = "device-plugin", dra }

    public var name: String
    public var cluster: String
    public var instanceType: String?
    public var gpu: String
    public var gpusPerNode: Int
    public var interconnect: Interconnect
    /// Sizes of the NVLink islands of one node, e.g. `[8]`, or `[1, 1, 1, 1]` for PCIe-only GPUs.
    public var islands: [Int]
    public var topologyFile: String?
    public var fabric: Fabric
    public var nics: Int
    public var gbpsPerNic: Int
    public var minNodes: Int
    public var maxNodes: Int
    public var zones: [String]
    public var capacityType: CapacityType
    /// Price of one node per hour after discounts, and where the figure came from.
    public var pricePerHour: Money?
    public var priceSource: String
    public var gpuAllocation: GPUAllocation
    /// MIG profile → slices per GPU; empty when MIG is off.
    public var migProfiles: [String: Int]
    public var labels: [String: String]
    public var taints: [Taint]
    public var location: SourceLocation
    public var locations: [String: SourceLocation]
    /// Who stated the islands before any topology file is read; a file may only confirm a stated shape.
    public var islandsBasis: IslandsBasis = .assumed
    /// Who creates the nodes, hence the label that names the pool on them (set from the cluster's provider).
    public var provisioning: NodeProvisioning = .operatorLabelled
    /// `nodes.static`: exactly `nodes.min` nodes run whatever pods ask (a Karpenter static NodePool).
    public var staticNodes: Bool = false

    public var id: String { "\(cluster)/\(name)" }
    public var autoscaled: Bool { maxNodes > minNodes }
    public var largestIsland: Int { islands.max() ?? 1 }
}

/// Where a pool's islands come from when no topology file decides them.
public enum IslandsBasis: Hashable, Sendable {
    case assumed                 // neither `interconnect:` nor a known instance type: PCIe is assumed
    case interconnect            // the spec's `interconnect:`
    case instanceType(String)    // the instance catalog's entry
}

public struct Taint: Hashable, Sendable {
    public var key: String
    public var value: String?
    public var effect: String

    package init(key: String, value: String?, effect: String) {
        self.key = key
        self.value = value
        self.effect = effect
    }
}

public struct Team: Sendable {
    public enum Priority: String, Sendable, CaseIterable {
        case critical, high, medium, low
        /// Higher wins; also the WorkloadPriorityClass value.
        public var value: Int { switch self { case .critical: return 1000; case .high: return 750; case .medium: return 500; case .low: return 250 } }
    }
    public var name: String
    public var namespace: String
    public var gpuQuota: Int?
    public var gpuQuotaPerModel: [String: Int]
    public var budget: Budget?
    /// `quota.perCluster`: the part of `gpuQuota` each named cluster gets (`TeamQuotaSplit`).
    public var gpuQuotaPerCluster: [String: Int] = [:]
    /// `keySecret`: the Secret (key `key`) holding the team's LiteLLM virtual key, which the
    /// provisioning Job registers for the team (`LiteLLMProvisioning`).
    public var keySecret: String? = nil
    public var priority: Priority
    public var location: SourceLocation
    public var locations: [String: SourceLocation]
}

public struct Budget: Hashable, Sendable {
    public enum Enforcement: String, Sendable { case error, warn }
    public var monthly: Money
    public var currency: String
    public var enforcement: Enforcement
    public var location: SourceLocation
}

public struct Provider: Sendable {
    public var name: String
    public var kind: String
    public var apiKeySecret: String
    public var baseURL: String?
    public var prices: [String: TokenPrice]
    public var location: SourceLocation
}

public struct TokenPrice: Hashable, Sendable {
    public var inputPerMillion: Money
    public var outputPerMillion: Money
    public var source: String

    package init(inputPerMillion: Money, outputPerMillion: Money, source: String) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.source = source
    }
}
