import PlatformDiagnostics

/// Pools that name an NCCL topology file take their NVLink islands from it (read through
/// libxml2 by `NCCLTopologyReader`); a file without `<gpu>` elements (a cloud overlay) leaves the
/// islands of the instance type or `interconnect`, and the reader's note says so.
public enum PoolTopology {
    public static let gpuCountMismatch: DiagnosticCode = "E2007"

    /// `files` maps each `topologyFile` as written in the spec to its bytes (the CLI reads them
    /// relative to the spec's folder); a missing file is reported by the NCCL topology emitter.
    /// `refusals` are files the CLI would not read (outside the repository, a link out, not a
    /// regular file, too large): each is an error at the pool's `topologyFile` value.
    public static func apply(to platform: inout Platform, files: [String: [UInt8]], refusals: [String: FileRefusal] = [:],
                             into diagnostics: inout DiagnosticBag) {
        for c in platform.clusters.indices {
            for i in platform.clusters[c].nodePools.indices {
                let pool = platform.clusters[c].nodePools[i]
                if let path = pool.topologyFile, let refusal = refusals[path] {
                    diagnostics.error(refusal.code, refusal.message, at: pool.locations["topologyFile"] ?? pool.location, help: refusal.help)
                    continue
                }
                guard let path = pool.topologyFile, let bytes = files[path] else { continue }
                let (document, problems) = NCCLTopologyReader.read(xml: bytes, file: path)
                problems.forEach { diagnostics.report($0) }
                guard let topology = document?.topology, topology.hasIslands else { continue }
                guard topology.gpuCount == pool.gpusPerNode else {
                    diagnostics.error(gpuCountMismatch,
                                      "topology file `\(path)` describes \(topology.gpuCount) GPUs, but node pool `\(pool.name)` has \(pool.gpusPerNode) per node",
                                      at: pool.locations["topologyFile"], help: "use the topology file of this instance type")
                    continue
                }
                platform.clusters[c].nodePools[i].islands = topology.islandSizes
            }
        }
    }
}
