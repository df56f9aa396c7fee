import PlatformDiagnostics

/// The typed platform: references resolved, units parsed, defaults applied, a source location kept
/// on every entity and on each value a later pass may need to point at.
package struct Platform: Sendable {
    package var name: String
    package var labels: [String: String]
    package var kubernetesVersion: String
    package var gitops: GitOpsTarget
    package var gpuCatalog: GPUCatalog
    package var instanceCatalog: InstanceCatalog
    package var clusters: [Cluster] { didSet { names.clusters = nil } }
    package var teams: [Team] { didSet { names.teams = nil } }
    package var providers: [Provider] { didSet { names.providers = nil } }
    package var models: [Model] { didSet { names.models = nil } }
    package var routes: [Route]
    package var mcpServers: [MCPServer] { didSet { names.mcpServers = nil } }
    package var agents: [Agent]
    package var training: [TrainingJob]
    package var observability: Observability
    /// The spec file the platform came from (for messages), and its folder (for relative paths).
    package var specFile: String
    /// sha256 of the effective spec rendered canonically (`EffectiveSpec`): stable across formatting.
    package var specDigest: String = ""
    /// The `policy:` section: severities, overrides and the GPU allow-list.
    package var policyConfiguration = PolicyConfiguration()
    /// The platform-wide monthly budget (every pool and provider), when the spec gives one.
    package var budget: Budget? = nil
    /// `security.exceptions`: what the spec lets named workloads do past their namespace's Pod Security level.
    package var securityExceptions: [SecurityException] = []
    /// `gateway` and `litellm`: TLS, client authentication, LiteLLM's Secrets.
    package var frontDoor = FrontDoor()
    /// The images to emit: pinned versions with the spec's `components:` overrides.
    package var components = ComponentImages()

    /// Positions of the named lists' entries, for lookups by name (`PlatformNames`); not part of the platform's value.
    var names = PlatformNames()
}

package struct GitOpsTarget: Sendable {
    package enum Engine: String, Sendable { case argocd, flux }
    package var repository: String
    package var branch: String
    package var path: String
    package var engine: Engine
    package var location: SourceLocation
    /// Where `repository` is written (nil when defaulted): a refused repository is reported there.
    package var repositoryLocation: SourceLocation? = nil
    /// `gitops.url`: what the engine clones, when `repository` is a path only platformc can reach.
    package var url: String? = nil
    package var urlLocation: SourceLocation? = nil
    /// Where `engine` is written (nil when defaulted).
    package var engineLocation: SourceLocation? = nil

    /// What the engine's objects name as the repository: `url`, else `repository`.
    package var engineURL: String { url ?? repository }
}

package struct Cluster: Sendable {
    package var name: String
    package var provider: String
    package var region: String?
    package var zones: [String]
    package var production: Bool
    package var nodePools: [NodePool]
    package var location: SourceLocation

    package func pool(_ name: String) -> NodePool? { nodePools.first { $0.name == name } }
}

package struct NodePool: Sendable {
    package enum CapacityType: String, Sendable { case onDemand = "on-demand", spot, reserved }
    package enum GPUAllocation: String, Sendable { case devicePlugin = "device-plugin", dra }

    package var name: String
    package var cluster: String
    package var instanceType: String?
    package var gpu: String
    package var gpusPerNode: Int
    package var interconnect: Interconnect
    /// Sizes of the NVLink islands of one node, e.g. `[8]`, or `[1, 1, 1, 1]` for PCIe-only GPUs.
    package var islands: [Int]
    package var topologyFile: String?
    package var fabric: Fabric
    package var nics: Int
    package var gbpsPerNic: Int
    package var minNodes: Int
    package var maxNodes: Int
    package var zones: [String]
    package var capacityType: CapacityType
    /// Price of one node per hour after discounts, and where the figure came from.
    package var pricePerHour: Money?
    package var priceSource: String
    package var gpuAllocation: GPUAllocation
    /// MIG profile → slices per GPU; empty when MIG is off.
    package var migProfiles: [String: Int]
    package var labels: [String: String]
    package var taints: [Taint]
    package var location: SourceLocation
    package var locations: [SpecKey: SourceLocation]
    /// Who stated the islands before any topology file is read; a file may only confirm a stated shape.
    package var islandsBasis: IslandsBasis = .assumed
    /// Who creates the nodes, hence the label that names the pool on them (set from the cluster's provider).
    package var provisioning: NodeProvisioning = .operatorLabelled
    /// `nodes.static`: exactly `nodes.min` nodes run whatever pods ask (a Karpenter static NodePool).
    package var staticNodes: Bool = false
    /// The `topologyFile`, parsed once by `PoolTopology` in the front end; nil when the pool names
    /// none or the caller gave no bytes for it. The emitters write NCCL's copy from it.
    package var topology: NCCLTopologyDocument? = nil

    package var id: String { "\(cluster)/\(name)" }
    package var autoscaled: Bool { maxNodes > minNodes }
    package var largestIsland: Int { islands.max() ?? 1 }
}

/// Where a pool's islands come from when no topology file decides them.
package enum IslandsBasis: Hashable, Sendable {
    case assumed                 // neither `interconnect:` nor a known instance type: PCIe is assumed
    case interconnect            // the spec's `interconnect:`
    case instanceType(String)    // the instance catalog's entry
}

package struct Taint: Hashable, Sendable {
    package var key: String
    package var value: String?
    package var effect: String

    package init(key: String, value: String?, effect: String) {
        self.key = key
        self.value = value
        self.effect = effect
    }
}

package struct Team: Sendable {
    package enum Priority: String, Sendable, CaseIterable {
        case critical, high, medium, low
        /// Higher wins; also the WorkloadPriorityClass value.
        package var value: Int { switch self { case .critical: return 1000; case .high: return 750; case .medium: return 500;
            case .low: return 250 } }
    }
    package var name: String
    package var namespace: String
    package var gpuQuota: Int?
    package var gpuQuotaPerModel: [String: Int]
    package var budget: Budget?
    /// `quota.perCluster`: the part of `gpuQuota` each named cluster gets (`TeamQuotaSplit`).
    package var gpuQuotaPerCluster: [String: Int] = [:]
    /// `keySecret`: the Secret (key `key`) holding the team's LiteLLM virtual key, which the
    /// provisioning Job registers for the team (`LiteLLMProvisioning`).
    package var keySecret: String? = nil
    package var priority: Priority
    package var location: SourceLocation
    package var locations: [SpecKey: SourceLocation]
}

package struct Budget: Hashable, Sendable {
    package enum Enforcement: String, Sendable { case error, warn }
    package var monthly: Money
    package var currency: String
    package var enforcement: Enforcement
    package var location: SourceLocation
}

package struct Provider: Sendable {
    package var name: String
    package var kind: String
    package var apiKeySecret: String
    package var baseURL: String?
    package var prices: [String: TokenPrice]
    package var location: SourceLocation
}

package struct TokenPrice: Hashable, Sendable {
    package var inputPerMillion: Money
    package var outputPerMillion: Money
    package var source: String

    package init(inputPerMillion: Money, outputPerMillion: Money, source: String) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.source = source
    }
}
