/// What the compiler knows about one GPU model. Every figure comes from a named public source
/// (see `GPUCatalog.builtIn`); the spec's `gpuCatalog` may add models or override fields.
package struct GPUModel: Hashable, Sendable {
    package var name: String                 // canonical name used in specs: "H100-SXM-80GB"
    package var vendor: String               // "nvidia" | "amd"
    package var memoryMiB: Int               // usable memory as the driver reports it
    package var architecture: String         // "hopper", "ampere", "ada", "blackwell", "cdna3"
    package var computeCapability: ComputeCapability?   // nil for non-CUDA GPUs
    package var nvlinkGeneration: Int?       // nil: no NVLink
    package var nvlinkBandwidthGBps: Double? // per GPU, vendor figure (bidirectional)
    package var fp8: Bool
    package var migProfiles: [MIGProfile]
    package var source: String               // where the figures come from
    package var pciDeviceIDs: [String]       // PCI device IDs ("0x2330"), the keys of mig-parted's table
    package var nvlinksPerGPU: Int?          // NVLink links per GPU as NCCL dumps show them (12 A100, 18 H100)

    package init(name: String, vendor: String = "nvidia", memoryMiB: Int, architecture: String,
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

    package var memoryBytes: Int64 { Int64(memoryMiB) * 1024 * 1024 }

    package func migProfile(named name: String) -> MIGProfile? {
        migProfiles.first { $0.name == name }
    }
}

package struct ComputeCapability: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var major: Int
    package var minor: Int
    package init(_ major: Int, _ minor: Int) { self.major = major; self.minor = minor }
    package static func < (l: ComputeCapability, r: ComputeCapability) -> Bool { (l.major, l.minor) < (r.major, r.minor) }
    package var description: String { "\(major).\(minor)" }
}

/// A MIG profile such as `1g.10gb`: its memory, compute slices (out of 7) and how many fit on one GPU.
package struct MIGProfile: Hashable, Sendable {
    package var name: String
    package var memoryMiB: Int
    package var computeSlices: Int
    package var maxCount: Int
    package init(name: String, memoryMiB: Int, computeSlices: Int, maxCount: Int) {
        self.name = name
        self.memoryMiB = memoryMiB
        self.computeSlices = computeSlices
        self.maxCount = maxCount
    }
}
