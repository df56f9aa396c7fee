import PlatformDiagnostics

/// A pool's topology file against the GPU and NICs the spec or the instance type states. A file of
/// another machine would mount the wrong PCI layout into NCCL and, through its islands, place work
/// on GPUs the pool does not have: each contradiction is an error at the pool's `topologyFile`, with
/// a note where the other fact was stated. What the file does not say (no device ids, no `sm`, no
/// NICs, or fewer NICs in an overlay, which NCCL completes from the node) is not checked; for a pool that states no instance type and no
/// `network:`, the file's NICs become the pool's fabric.
enum PoolHardwareCheck {
    /// The GPU's PCI device is another model than the pool's.
    static let gpuDeviceMismatch: DiagnosticCode = "E2130"
    /// The GPUs' `sm` is another compute capability than the pool's GPU has.
    static let computeCapabilityMismatch: DiagnosticCode = "E2131"
    /// The file lists another number of NIC ports than the pool's network or instance type has.
    static let nicCountMismatch: DiagnosticCode = "E2132"

    /// Reports every contradiction; false when there was one (the file then decides nothing).
    static func check(_ pool: NodePool, path: String, hardware: TopologyHardware, gpus: GPUCatalog,
                      into diagnostics: inout DiagnosticBag) -> Bool {
        let at = pool.locations[.topologyFile] ?? pool.location
        var consistent = true
        let gpuNote: DiagnosticNote = pool.instanceType.map { type in
            DiagnosticNote("instance type `\(type)` has `\(pool.gpu)`", at: pool.locations[.instanceType] ?? pool.location)
        } ?? DiagnosticNote("GPU `\(pool.gpu)` stated here", at: pool.locations[.gpu] ?? pool.location)

        let foreign = hardware.gpuDeviceIDs.compactMap { id in GPUPCIDeviceTable.entry(forDevice: id).map { (id, $0) } }
            .first { $0.1.gpu != pool.gpu }
        if let (id, entry) = foreign {
            let count = hardware.gpuDeviceIDs.filter { $0 == id }.count
            diagnostics.error(gpuDeviceMismatch,
                "topology file `\(path)` of node pool `\(pool.name)` shows \(count) GPU\(count == 1 ? "" : "s") of PCI device \(id) "
                    + "(\(entry.pciName), `\(entry.gpu)`), but the pool has `\(pool.gpu)`",
                at: at, notes: [gpuNote],
                help: "name the topology dump of a node with `\(pool.gpu)` GPUs, or state the pool's real GPU")
            consistent = false
        } else if let cc = gpus.model(named: pool.gpu)?.computeCapability,
                  let sm = hardware.gpuSMs.first(where: { $0 != cc.major * 10 + cc.minor }) {
            diagnostics.error(computeCapabilityMismatch,
                "topology file `\(path)` of node pool `\(pool.name)` shows GPUs with `sm=\"\(sm)\"` (compute capability "
                    + "\(sm / 10).\(sm % 10)), but `\(pool.gpu)` has compute capability \(cc)",
                at: at, notes: [gpuNote],
                help: "name the topology dump of a node with `\(pool.gpu)` GPUs, or state the pool's real GPU")
            consistent = false
        }
        // More ports than the pool has is another machine; fewer only in a dump (an overlay may list some).
        if pool.nics > 0, hardware.nics > 0, hardware.nics > pool.nics || (hardware.isDump && hardware.nics != pool.nics) {
            let stated = pool.locations[.network].map { DiagnosticNote("`network:` stated here", at: $0) }
                ?? DiagnosticNote("instance type `\(pool.instanceType ?? "")` has \(pool.nics) NICs",
                    at: pool.locations[.instanceType] ?? pool.location)
            diagnostics.error(nicCountMismatch,
                "topology file `\(path)` of node pool `\(pool.name)` lists \(hardware.nics) NIC ports, but the pool has \(pool.nics)",
                at: at, notes: [stated],
                help: "name this node's own topology dump, or correct `network.nics`")
            consistent = false
        }
        return consistent
    }

    /// Whether the file states the pool's fabric: a custom pool (no instance type) without `network:`.
    static func takesFabric(_ pool: NodePool, from hardware: TopologyHardware) -> Bool {
        pool.instanceType == nil && pool.locations[.network] == nil && hardware.nics > 0
    }
}
