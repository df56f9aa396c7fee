/// A group of identical GPU nodes found in a cluster: same cloud node pool, capacity type, instance type,
/// GPU, GPU count, MIG layout and DRA presence. `platformc inventory import` renders these as `nodePools` entries.
package struct ImportedPool: Hashable, Sendable {
    /// DNS-1123 label from the cloud's node-pool label (`gke-nodepool`, `agentpool`, `nodegroup`, Karpenter's
    /// `nodepool`), else the instance type (`p5-48xlarge`, `p5-48xlarge-spot`) or the GPU (`h100-sxm-80gb`),
    /// with `-2`, `-3` … when several pools would share it.
    package var name: String
    package var instanceType: String?
    /// Canonical catalog name (`H100-SXM-80GB`), or the raw product label when the catalog has no match.
    package var gpu: String
    /// Whether `gpu` is a built-in catalog name (false: the spec needs a `gpuCatalog` entry for it).
    package var gpuKnown: Bool
    package var gpusPerNode: Int
    package var nodes: Int
    package var zones: [String]            // sorted, unique; empty when nodes carry no zone label
    /// MIG devices per node by profile (`["1g.10gb": 56]` for 8 GPUs × 7), nil when MIG is off.
    package var migDevicesPerNode: [String: Int]?
    /// Whether a `gpu.nvidia.com` ResourceSlice describes these nodes (DRA rather than device plugin).
    package var dra: Bool
    package var nodeNames: [String]        // sorted, for `explain inventory`
    /// How the nodes are bought, as their labels say; nil when no label says (the spec's default, on-demand).
    package var capacityType: NodePool.CapacityType?

    package init(name: String, instanceType: String?, gpu: String, gpuKnown: Bool, gpusPerNode: Int, nodes: Int,
                zones: [String], migDevicesPerNode: [String: Int]?, dra: Bool, nodeNames: [String],
                capacityType: NodePool.CapacityType? = nil) {
        self.name = name
        self.instanceType = instanceType
        self.gpu = gpu
        self.gpuKnown = gpuKnown
        self.gpusPerNode = gpusPerNode
        self.nodes = nodes
        self.zones = zones
        self.migDevicesPerNode = migDevicesPerNode
        self.dra = dra
        self.nodeNames = nodeNames
        self.capacityType = capacityType
    }

    /// MIG profiles per GPU, the spec's `mig.profiles` shape, when every count divides evenly by
    /// `gpusPerNode` (`["1g.10gb": 56]` on 8 GPUs → `["1g.10gb": 7]`); nil otherwise or when MIG is off.
    package var migProfiles: [String: Int]? {
        guard let devices = migDevicesPerNode, gpusPerNode > 0,
              devices.values.allSatisfy({ $0 % gpusPerNode == 0 }) else { return nil }
        return devices.mapValues { $0 / gpusPerNode }
    }
}
