/// The built-in GPU catalog, kept as data in one place. Figures cite `shared/reference/hardware.md` §4.
public struct GPUCatalog: Sendable {
    public private(set) var models: [String: GPUModel]

    public init(_ models: [GPUModel]) {
        self.models = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
    }

    public func model(named name: String) -> GPUModel? { models[name] }
    public var names: [String] { models.keys.sorted() }

    public mutating func upsert(_ model: GPUModel) { models[model.name] = model }

    // Filled in by the inventory work (issue 3); these two entries are enough for the foundation.
    public static let builtIn = GPUCatalog([
        GPUModel(name: "H100-SXM-80GB", memoryMiB: 81559, architecture: "hopper", computeCapability: .init(9, 0),
                 nvlinkGeneration: 4, nvlinkBandwidthGBps: 900, fp8: true,
                 migProfiles: [MIGProfile(name: "1g.10gb", memoryMiB: 9856, computeSlices: 1, maxCount: 7)],
                 source: "GFD label dump; NVIDIA/mig-parted config-default.yaml"),
        GPUModel(name: "A100-80GB", memoryMiB: 81920, architecture: "ampere", computeCapability: .init(8, 0),
                 nvlinkGeneration: 3, nvlinkBandwidthGBps: 600, fp8: false,
                 migProfiles: [MIGProfile(name: "1g.10gb", memoryMiB: 9728, computeSlices: 1, maxCount: 7)],
                 source: "karpenter instance-types.md; NVIDIA/mig-parted config-default.yaml"),
    ])
}

/// The built-in instance-type catalog.
public struct InstanceCatalog: Sendable {
    public private(set) var types: [String: InstanceType]

    public init(_ types: [InstanceType]) {
        self.types = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
    }

    public func instance(named name: String) -> InstanceType? { types[name] }
    public var names: [String] { types.keys.sorted() }

    public static let builtIn = InstanceCatalog([
        InstanceType(name: "p5.48xlarge", provider: "aws", gpu: "H100-SXM-80GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .efa, nics: 32, gbpsPerNic: 100, vcpus: 192, memoryGiB: 2048,
                     pricePerHourMicros: 55_040_000, priceSource: "karpenter zz_generated.pricing_aws.go (us-east-1)", priceDate: "2026-07-20"),
    ])
}
