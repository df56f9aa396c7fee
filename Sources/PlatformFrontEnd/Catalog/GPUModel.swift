/// What the compiler knows about one GPU model. Every figure comes from a named public source
/// (see `GPUCatalog.builtIn`); the spec's `gpuCatalog` may add models or override fields.
public struct GPUModel: Hashable, Sendable {
    public var name: String                 // canonical name used in specs: "H100-SXM-80GB"
    public var vendor: String               // "nvidia" | "amd"
    public var memoryMiB: Int               // usable memory as the driver reports it
    public var architecture: String         // "hopper", "ampere", "ada", "blackwell", "cdna3"
    public var computeCapability: ComputeCapability?   // nil for non-CUDA GPUs
    public var nvlinkGeneration: Int?       // nil: no NVLink
    public var nvlinkBandwidthGBps: Double? // per GPU, vendor figure (bidirectional)
    public var fp8: Bool
    public var migProfiles: [MIGProfile]
    public var source: String               // where the figures come from
    public var pciDeviceIDs: [String]       // PCI device IDs ("0x2330"), the keys of mig-parted's table
    public var nvlinksPerGPU: Int?          // NVLink links per GPU as NCCL dumps show them (12 A100, 18 H100)

    public init(name: String, vendor: String = "nvidia", memoryMiB: Int, architecture: String,
                computeCapability: ComputeCapability?, nvlinkGeneration: Int?, nvlinkBandwidthGBps: Double?,
                fp8: Bool, migProfiles: [MIGProfile] = [], source: String,
                pciDeviceIDs: [String] = [], nvlinksPerGPU: Int? = nil) {
        self.name = name
        self.vendor = vendor
        self.memoryMiB = memoryMiB
        self.architecture = architecture
        self.computeCapability = computeCapability
        self.nvlinkGeneration = nvlinkGeneration
        self.nvlinkBandwidthGBps = nvlinkBandwidthGBps
        self.fp8 = fp8
        self.migProfiles = migProfiles
        self.source = source
        self.pciDeviceIDs = pciDeviceIDs
        self.nvlinksPerGPU = nvlinksPerGPU
    }

    public var memoryBytes: Int64 { Int64(memoryMiB) * 1024 * 1024 }

    public func migProfile(named name: String) -> MIGProfile? {
        migProfiles.first { $0.name == name }
    }
}

public struct ComputeCapability: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public init(_ major: Int, _ minor: Int) { self.major = major; self.minor = minor }
    public static func < (l: ComputeCapability, r: ComputeCapability) -> Bool { (l.major, l.minor) < (r.major, r.minor) }
    public var description: String { "\(major).\(minor)" }
}

/// A MIG profile such as `1g.10gb`: its memory, compute slices (out of 7) and how many fit on one GPU.
public struct MIGProfile: Hashable, Sendable {
    public var name: String
    public var memoryMiB: Int
    public var computeSlices: Int
    public var maxCount: Int
    public init(name: String, memoryMiB: Int, computeSlices: Int, maxCount: Int) {
        self.name = name
        self.memoryMiB = memoryMiB
        self.computeSlices = computeSlices
        self.maxCount = maxCount
    }
}
