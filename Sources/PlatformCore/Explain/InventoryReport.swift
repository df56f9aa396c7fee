import Foundation

/// `platformc explain inventory`: per cluster and pool, the GPUs, NVLink islands, memory, fabric and
/// price per hour, with where each fact came from.
package enum InventoryReport {
    package struct PoolRow: Codable, Hashable, Sendable {
        package var cluster: String
        package var pool: String
        package var instanceType: String?
        package var gpu: String
        package var gpusPerNode: Int
        package var nodesMin: Int
        package var nodesMax: Int
        package var islands: [Int]
        package var gpuMemoryMiB: Int
        package var interconnect: String
        package var fabric: String
        package var nics: Int
        package var gbpsPerNic: Int
        package var migProfiles: [String: Int]
        package var gpuAllocation: String
        package var capacityType: String
        package var pricePerHour: String?
        package var priceSource: String
    }

    package static func rows(_ p: Platform) -> [PoolRow] {
        p.clusters.sorted { $0.name < $1.name }.flatMap { c in
            c.nodePools.sorted { $0.name < $1.name }.map { pool in
                PoolRow(cluster: c.name, pool: pool.name, instanceType: pool.instanceType, gpu: pool.gpu, gpusPerNode: pool.gpusPerNode,
                        nodesMin: pool.minNodes, nodesMax: pool.maxNodes, islands: pool.islands,
                        gpuMemoryMiB: p.gpuCatalog.model(named: pool.gpu)?.memoryMiB ?? 0, interconnect: pool.interconnect.rawValue,
                        fabric: pool.fabric.rawValue, nics: pool.nics, gbpsPerNic: pool.gbpsPerNic, migProfiles: pool.migProfiles,
                        gpuAllocation: pool.gpuAllocation.rawValue, capacityType: pool.capacityType.rawValue,
                        pricePerHour: pool.pricePerHour?.description, priceSource: pool.priceSource)
            }
        }
    }

    package static func json(_ p: Platform) -> String {
        JSONWriter.text(try! ManifestValueEncoder.encode(["pools": rows(p)]), .foundationPretty) + "\n"
    }

    package static func text(_ p: Platform) -> String {
        var out = ""
        var cluster = ""
        for r in rows(p) {
            if r.cluster != cluster {
                cluster = r.cluster
                out += "cluster \(r.cluster)\n"
            }
            let islands = r.islands.map(String.init).joined(separator: "+")
            out += "  pool \(r.pool): \(r.nodesMin)–\(r.nodesMax) × \(r.instanceType ?? "custom") (\(r.gpusPerNode)× \(r.gpu), "
                + "\(r.gpuMemoryMiB) MiB each)\n"
            out += "    islands \(islands) over \(r.interconnect); fabric \(r.fabric) \(r.nics)×\(r.gbpsPerNic) Gbps; \(r.gpuAllocation); "
                + "\(r.capacityType)\n"
            if !r.migProfiles.isEmpty {
                out += "    MIG " + r.migProfiles.sorted { $0.key < $1.key }.map { "\($0.value)× \($0.key)" }.joined(separator: ", ")
                    + " per GPU\n"
            }
            out += "    price \(r.pricePerHour.map { "$\($0)/h" } ?? "unknown") (\(r.priceSource))\n"
        }
        return out
    }
}
