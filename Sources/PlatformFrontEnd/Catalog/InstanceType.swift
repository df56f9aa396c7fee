/// How the GPUs inside one node talk to each other.
package enum Interconnect: String, Hashable, Sendable, CaseIterable {
    case nvswitch   // all GPUs of the node in one NVLink island
    case nvlink     // NVLink bridges/mesh without a switch: islands as the instance type says
    case pcie       // no NVLink: every GPU is its own island
}

/// The network between nodes, which decides whether multi-node NCCL has RDMA.
package enum Fabric: String, Hashable, Sendable, CaseIterable {
    case efa, infiniband, roce, tcpx, ethernet

    /// EFA, InfiniBand, RoCE and GPUDirect-TCPX carry multi-node NCCL at speed; plain ethernet does not.
    package var isRDMA: Bool { self != .ethernet }
}

/// A cloud instance type: GPUs, interconnect, NICs and size, each with its source. Prices are not
/// here: they depend on region and capacity type and live in `PriceCatalog` (`InstanceCatalog+Prices.swift`).
package struct InstanceType: Hashable, Sendable {
    package var name: String                 // "p5.48xlarge"
    package var provider: String             // "aws" | "azure" | "gcp" | "oci"
    package var gpu: String                  // GPU model name in the GPU catalog
    package var gpuCount: Int
    package var interconnect: Interconnect
    package var nvlinkIslands: [Int]         // sizes of NVLink islands, e.g. [8] or [2, 2, 2, 2]
    package var fabric: Fabric
    package var nics: Int
    package var gbpsPerNic: Int              // 0: not sourced
    package var vcpus: Int
    package var memoryGiB: Int
    /// Pods one node admits by default (the kubelet's `maxPods` as the provider sets it); 0: not sourced.
    /// Karpenter's and AKS's kube-reserved memory grow with it (`NodeAllocatable`).
    package var maxPods: Int
    package var source: String               // where the figures above come from

    package init(name: String, provider: String, gpu: String, gpuCount: Int, interconnect: Interconnect,
                nvlinkIslands: [Int], fabric: Fabric, nics: Int, gbpsPerNic: Int, vcpus: Int, memoryGiB: Int,
                maxPods: Int = 0, source: String) {
        self.name = name
        self.provider = provider
        self.gpu = gpu
        self.gpuCount = gpuCount
        self.interconnect = interconnect
        self.nvlinkIslands = nvlinkIslands
        self.fabric = fabric
        self.nics = nics
        self.gbpsPerNic = gbpsPerNic
        self.vcpus = vcpus
        self.memoryGiB = memoryGiB
        self.maxPods = maxPods
        self.source = source
    }
}
