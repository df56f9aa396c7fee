/// GPUs that reach each other over NVLink, directly or through an NVSwitch: a tensor-parallel group must
/// sit inside one island. `bandwidthGBps` is NCCL's per-GPU NVLink figure (links × per-link constant,
/// hardware.md fact 5: 240 for an A100, 370.8 for an H100), the slowest member's; 0 for a lone GPU.
package struct NVLinkIsland: Hashable, Sendable {
    package var gpus: [Int]              // GPU indices (`dev`), ascending
    package var bandwidthGBps: Double

    package init(gpus: [Int], bandwidthGBps: Double) {
        self.gpus = gpus
        self.bandwidthGBps = bandwidthGBps
    }
}

/// What one node's topology says about its GPUs and NICs.
package struct NodeTopology: Hashable, Sendable {
    package var gpuCount: Int
    /// Empty when the source cannot tell (a cloud overlay without `<gpu>` elements): the caller then
    /// falls back to the instance type's islands.
    package var islands: [NVLinkIsland]
    package var nics: Int
    package var source: String           // where this came from, for `explain` ("aws-p4d-24xl-topo.xml: overlay …")
    /// What joins the islands: `.nvswitch` when a switch does, `.nvlink` for GPU↔GPU links only, `.pcie`
    /// when every GPU is alone; nil when the source does not tell.
    package var interconnect: Interconnect?
    /// GPU PCI devices, `sm`, NICs of a topology file; empty for a topology implied by an instance type.
    package var hardware = TopologyHardware()

    package init(gpuCount: Int, islands: [NVLinkIsland], nics: Int, source: String, interconnect: Interconnect? = nil) {
        self.gpuCount = gpuCount
        self.islands = islands
        self.nics = nics
        self.source = source
        self.interconnect = interconnect
    }

    /// Whether the islands were derived from NVLink data rather than left unknown.
    package var hasIslands: Bool { !islands.isEmpty }

    /// Island sizes, largest first: `[8]`, `[2, 2, 2, 2]`, the shape `InstanceType.nvlinkIslands` uses.
    package var islandSizes: [Int] { islands.map(\.gpus.count).sorted(by: >) }
}

/// NCCL's NVLink bandwidth per link for a GPU's `sm` (topo.h `ncclTopoNVLinkBw`, NCCL ≥ 2.25).
package enum NVLinkBandwidth {
    package static func perLinkGBps(sm: Int) -> Double {
        if sm >= 100 { return 40.1 }
        if sm >= 90 { return 20.6 }
        if sm == 86 { return 12.0 }
        if sm >= 80 { return 20.0 }
        if sm >= 70 { return 20.0 }
        if sm >= 60 { return 18.0 }
        return 20.0
    }
}
