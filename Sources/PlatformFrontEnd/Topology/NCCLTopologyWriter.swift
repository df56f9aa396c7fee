/// Writes NCCL topology files that NCCL's hand-written reader accepts (hardware.md §1.2): no XML
/// declaration, two-space indentation, one space between attributes, `<system version="1">` at the root.
package enum NCCLTopologyWriter {
    /// A parsed document written back in NCCL's own layout (comments are not kept).
    package static func write(_ document: NCCLTopologyDocument) -> String {
        write(document.system)
    }

    /// Any element tree, as NCCL's dumper would indent it.
    package static func write(_ system: NCCLTopologyElement) -> String {
        LibXML2Writer.serialise(system)
    }

    /// A file for a node whose islands are known, for `gpu`, with the node's real GPU bus IDs.
    package static func write(_ topology: NodeTopology, gpu: GPUModel, busIDs: [String], numaNodes: Int = 1) -> String {
        write(generate(topology, gpu: gpu, busIDs: busIDs, numaNodes: numaNodes))
    }

    /// The generated shape, chosen from what NCCL trusts (hardware.md fact 1: whatever the file says wins,
    /// so it says only what we know):
    ///
    ///     <system version="1">
    ///       <cpu numaid="0">                              GPUs split evenly over `numaNodes`, in order
    ///         <pci busid="0000:01:00.0" class="0x030200">  the GPU's own PCI function
    ///           <gpu dev="0" sm="90">
    ///             <nvlink target="fffffff:ff:ff.0" count="18" tclass="0x068000"/>   NVSwitch island
    ///             <nvlink target="0000:02:00.0" count="12" tclass="0x030200"/>      or one per bridged peer
    ///
    /// No `link_speed`, `link_width`, CPU `arch`/`vendor`/`affinity`, `rank` or `gdr`: NCCL fills what is
    /// absent from sysfs and NVML, while a value we guessed would be trusted. No synthetic PCIe switches
    /// either: a switch has no sysfs entry, so its link speed would have to be invented. `class` is re-read
    /// from sysfs anyway. The NVSwitch target is the hidden-switch bus ID NCCL dumps in VMs; NCCL folds
    /// every switch target into one NVS node, so its value does not matter. Link counts are the island's
    /// bandwidth over NCCL's per-link constant for the GPU's `sm`, so reading the file back gives the same
    /// islands. Caveat: a GPU listed under a `<cpu>` keeps that parent, so a file is only worth mounting
    /// where NVML detection falls short (NVSwitch hidden in a VM), and only with the node's real bus
    /// IDs: there is no default, because made-up IDs match no device and NCCL trims them (see
    /// `NCCLTopologySource`). The emitters never call this; it serves tests and tools that know a node.
    package static func generate(_ topology: NodeTopology, gpu: GPUModel, busIDs: [String],
                                numaNodes: Int = 1) -> NCCLTopologyElement {
        let count = min(topology.gpuCount, busIDs.count)
        let bus = busIDs
        let sm = (gpu.computeCapability?.major ?? 0) * 10 + (gpu.computeCapability?.minor ?? 0)
        let perLink = NVLinkBandwidth.perLinkGBps(sm: sm)
        let island = Dictionary(topology.islands.flatMap { i in i.gpus.map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
        let numa = max(1, numaNodes)
        let perNode = (count + numa - 1) / numa

        var cpus: [NCCLTopologyElement] = []
        for node in 0..<numa {
            let members = (0..<count).filter { $0 / max(perNode, 1) == node }
            let pcis = members.map { index -> NCCLTopologyElement in
                let links = island[index].map { nvlinks(for: index, in: $0, sm: sm, perLink: perLink, topology: topology, bus: bus) } ?? []
                let gpuElement = NCCLTopologyElement(name: "gpu", attributes: [.init("dev", "\(index)"), .init("sm", "\(sm)")],
                                                     children: links)
                return NCCLTopologyElement(name: "pci", attributes: [.init("busid", bus[index]), .init("class", "0x030200")],
                                           children: [gpuElement])
            }
            cpus.append(NCCLTopologyElement(name: "cpu", attributes: [.init("numaid", "\(node)")], children: pcis))
        }
        return NCCLTopologyElement(name: "system", attributes: [.init("version", "1")], children: cpus)
    }

    private static func nvlinks(for index: Int, in island: NVLinkIsland, sm: Int, perLink: Double,
                                topology: NodeTopology, bus: [String]) -> [NCCLTopologyElement] {
        guard island.gpus.count > 1, island.bandwidthGBps > 0 else { return [] }
        let links = Int((island.bandwidthGBps / perLink).rounded())
        // A whole-node island on an NVSwitch system goes through the switch; smaller islands are bridges.
        if island.gpus.count == topology.gpuCount && island.gpus.count > 2 {
            return [NCCLTopologyElement(name: "nvlink", attributes: [
                .init("target", "fffffff:ff:ff.0"), .init("count", "\(links)"), .init("tclass", "0x068000")])]
        }
        let peers = island.gpus.filter { $0 != index && $0 < bus.count }
        guard !peers.isEmpty else { return [] }
        return peers.map { peer in
            NCCLTopologyElement(name: "nvlink", attributes: [
                .init("target", bus[peer]), .init("count", "\(links / peers.count)"), .init("tclass", "0x030200")])
        }
    }
}
