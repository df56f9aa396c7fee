import PlatformDiagnostics

/// Pools that name an NCCL topology file take their NVLink islands from it (read through
/// libxml2 by `NCCLTopologyReader`) when it has `<nvlink>` data; a file without (a cloud overlay)
/// leaves the islands of the instance type or `interconnect`, and the reader's note says so. A file
/// that contradicts the islands the spec or the instance catalog states is an error: one of the two
/// describes another machine.
package enum PoolTopology {
    package static let gpuCountMismatch: DiagnosticCode = "E2007"
    /// The file's NVLink islands contradict `interconnect:` or the instance type (E2120).
    package static let islandsContradiction: DiagnosticCode = "E2120"

    /// `files` maps each `topologyFile` as written in the spec to its bytes (the CLI reads them
    /// relative to the spec's folder); a missing file is reported by the NCCL topology emitter.
    /// Each file is parsed here, once, and kept on its pools (`NodePool.topology`): nothing
    /// after the front end sees the bytes.
    /// `refusals` are files the CLI would not read (outside the repository, a link out, not a
    /// regular file, too large): each is an error at the pool's `topologyFile` value.
    package static func apply(to platform: inout Platform, files: [String: [UInt8]], refusals: [String: FileRefusal] = [:],
                             into diagnostics: inout DiagnosticBag) {
        var parsed: [String: (NCCLTopologyDocument?, [Diagnostic])] = [:]
        for c in platform.clusters.indices {
            for i in platform.clusters[c].nodePools.indices {
                let pool = platform.clusters[c].nodePools[i]
                if let path = pool.topologyFile, let refusal = refusals[path] {
                    diagnostics.error(refusal.code, refusal.message, at: pool.locations[.topologyFile] ?? pool.location, help: refusal.help)
                    continue
                }
                guard let path = pool.topologyFile, let bytes = files[path] else { continue }
                // Parsed once per file, however many pools name it; its problems are reported at each.
                let (document, problems) = parsed[path] ?? NCCLTopologyReader.read(xml: bytes, file: path)
                parsed[path] = (document, problems)
                problems.forEach { diagnostics.report($0) }
                guard let document else { continue }
                platform.clusters[c].nodePools[i].topology = document
                let topology = document.topology
                // Any GPU count the file gives (`<gpu>` elements or, in an overlay, GPU PCI functions) must be the pool's.
                guard topology.gpuCount == 0 || topology.gpuCount == pool.gpusPerNode else {
                    diagnostics.error(gpuCountMismatch,
                                      "topology file `\(path)` describes \(topology.gpuCount) GPUs, but node pool `\(pool.name)` has "
                                          + "\(pool.gpusPerNode) per node",
                                      at: pool.locations[.topologyFile], help: "use the topology file of this instance type")
                    continue
                }
                // GPU model, `sm` and NIC ports; islands are checked as well, so one run names every contradiction.
                let consistent = PoolHardwareCheck.check(pool, path: path, hardware: topology.hardware, gpus: platform.gpuCatalog,
                                                         into: &diagnostics)
                if consistent, PoolHardwareCheck.takesFabric(pool, from: topology.hardware) {
                    platform.clusters[c].nodePools[i].nics = topology.hardware.nics
                    platform.clusters[c].nodePools[i].gbpsPerNic = topology.hardware.gbpsPerNic
                    if let fabric = topology.hardware.fabric { platform.clusters[c].nodePools[i].fabric = fabric }
                }
                guard topology.hasIslands else { continue }
                let derived = topology.interconnect ?? .pcie
                if contradicts(pool, fileIslands: topology.islandSizes, fileInterconnect: derived) {
                    report(pool, path: path, fileIslands: topology.islandSizes, fileInterconnect: derived, into: &diagnostics)
                    continue
                }
                platform.clusters[c].nodePools[i].islands = topology.islandSizes
                if pool.islandsBasis == .assumed { platform.clusters[c].nodePools[i].interconnect = derived }
            }
        }
    }

    /// `interconnect: nvlink` without an instance type does not say the island sizes, only that there
    /// are some; every other basis states them.
    static func contradicts(_ pool: NodePool, fileIslands: [Int], fileInterconnect: Interconnect) -> Bool {
        switch pool.islandsBasis {
        case .assumed: return false
        case .interconnect where pool.interconnect == .nvlink: return fileInterconnect == .pcie
        case .interconnect, .instanceType: return fileIslands != pool.islands.sorted(by: >)
        }
    }

    static func report(_ pool: NodePool, path: String, fileIslands: [Int], fileInterconnect: Interconnect,
                       into diagnostics: inout DiagnosticBag) {
        let shown = "NVLink islands \(plus(fileIslands)) (\(fileInterconnect.rawValue))"
        let stated = "islands \(plus(pool.islands.sorted(by: >))) (\(pool.interconnect.rawValue))"
        let (claim, note, help): (String, DiagnosticNote, String)
        if case let .instanceType(type) = pool.islandsBasis {
            claim = "its instance type `\(type)` has \(stated)"
            note = DiagnosticNote("instance type `\(type)` chosen here", at: pool.locations[.instanceType] ?? pool.location)
            help = "name the topology dump of a `\(type)` node, or state the pool with `gpu:` and `gpusPerNode:` instead of `instanceType:`"
        } else {
            claim = "it states `interconnect: \(pool.interconnect.rawValue)` (\(pool.interconnect == .nvlink ? "NVLink islands" : stated))"
            note = DiagnosticNote("`interconnect: \(pool.interconnect.rawValue)` stated here",
                at: pool.locations[.interconnect] ?? pool.location)
            help = "remove `interconnect:` to let the topology file decide, or name this node's own topology dump"
        }
        diagnostics.error(islandsContradiction,
                          "topology file `\(path)` of node pool `\(pool.name)` shows \(shown), but \(claim)",
                          at: pool.locations[.topologyFile], notes: [note], help: help)
    }

    private static func plus(_ sizes: [Int]) -> String { sizes.map(String.init).joined(separator: "+") }
}
