/// What a topology file says about the node's hardware beyond its NVLink islands: the GPUs' PCI
/// device ids and `sm`, and the NICs with their speed and kind. The pool checks compare these with
/// the GPU and fabric the spec or the instance catalog states (`PoolTopology`).
package struct TopologyHardware: Hashable, Sendable {
    /// PCI device ids of the NVIDIA GPU functions (`<pci class="0x03…" vendor="0x10de" device="0x2330">`),
    /// lower-case, in file order; empty in files that omit `device` (Azure's overlays).
    package var gpuDeviceIDs: [String] = []
    /// `sm` of each `<gpu>` (`90` for compute capability 9.0), in file order.
    package var gpuSMs: [Int] = []
    /// Whether the file has `<gpu>` elements: a dump (`NCCL_TOPO_DUMP_FILE`) lists every GPU and NIC NCCL
    /// found, while an overlay may list only some NICs (NCCL adds the ones it detects itself).
    package var isDump = false
    /// NIC ports: `<net>` elements when the file has them (NCCL lists one per RDMA port), else
    /// network-class `<pci>` functions.
    package var nics: Int = 0
    /// The most common `<net speed>` in Gb/s (NCCL writes Mb/s); 0 when the file gives no speed.
    package var gbpsPerNic: Int = 0
    /// What the NICs are, from their PCI vendor and class; nil when the file lists none.
    package var fabric: Fabric?

    package init() {}
}

enum NCCLHardwareFacts {
    /// PCI vendor ids (pci.ids): NVIDIA, Amazon (EFA) and Mellanox/NVIDIA networking.
    static let nvidiaVendor = "0x10de", amazonVendor = "0x1d0f", mellanoxVendor = "0x15b3"

    static func read(_ system: NCCLTopologyElement) -> TopologyHardware {
        var facts = TopologyHardware()
        let all = system.descendants
        let pcis = all.filter { $0.name == "pci" }
        facts.gpuDeviceIDs = pcis.filter { lower($0["class"]).hasPrefix("0x03") && lower($0["vendor"]) == nvidiaVendor }
            .compactMap { $0["device"].map(lower) }
        facts.gpuSMs = all.filter { $0.name == "gpu" }.compactMap { Int($0["sm"] ?? "") }
        facts.isDump = all.contains { $0.name == "gpu" }

        // PCI class 0x02: network controller; subclass 0x07 is InfiniBand, 0x00 Ethernet (PCI code and ID assignment).
        let nicPCIs = pcis.filter { lower($0["class"]).hasPrefix("0x02") }
        let nets = all.filter { $0.name == "net" }
        facts.nics = nets.isEmpty ? nicPCIs.count : nets.count
        let speeds = nets.compactMap { Int($0["speed"] ?? "") }.filter { $0 > 0 }.map { $0 / 1000 }
        facts.gbpsPerNic = Dictionary(speeds.map { ($0, 1) }, uniquingKeysWith: +)
            .max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 0
        if nicPCIs.contains(where: { lower($0["vendor"]) == amazonVendor }) {
            facts.fabric = .efa
        } else if nicPCIs.contains(where: { lower($0["class"]).hasPrefix("0x0207") }) {
            facts.fabric = .infiniband
        } else if nicPCIs.contains(where: { lower($0["vendor"]) == mellanoxVendor })
                    || nets.contains(where: { ($0["name"] ?? "").hasPrefix("mlx5") }) {
            // A Mellanox function of Ethernet class with RDMA ports (`mlx5_*`): RoCE.
            facts.fabric = .roce
        } else if facts.nics > 0 {
            facts.fabric = .ethernet
        }
        return facts
    }

    private static func lower(_ text: String?) -> String { (text ?? "").lowercased() }
}
