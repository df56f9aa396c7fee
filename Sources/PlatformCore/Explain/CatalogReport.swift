import Foundation

/// `platformc explain catalog`: the built-in GPU models and instance types, each instance type
/// with every sourced price (region, capacity, USD per hour, source, date). Needs no spec.
package enum CatalogReport {
    package struct GPURow: Codable, Hashable, Sendable {
        package var name: String
        package var vendor: String
        package var memoryMiB: Int
        package var architecture: String
        package var computeCapability: String?
        package var nvlinkGeneration: Int?
        package var fp8: Bool
        package var migProfiles: [String]
        package var source: String
    }

    package struct PriceRow: Codable, Hashable, Sendable {
        package var region: String
        package var capacity: String
        package var pricePerHour: String
        package var source: String
        package var date: String
    }

    package struct InstanceRow: Codable, Hashable, Sendable {
        package var name: String
        package var provider: String
        package var gpu: String
        package var gpuCount: Int
        package var interconnect: String
        package var islands: [Int]
        package var fabric: String
        package var nics: Int
        package var gbpsPerNic: Int
        package var vcpus: Int
        package var memoryGiB: Int
        package var source: String
        package var prices: [PriceRow]
    }

    package static func gpuRows(_ gpus: GPUCatalog = .builtIn) -> [GPURow] {
        gpus.names.compactMap { gpus.model(named: $0) }.map {
            GPURow(name: $0.name, vendor: $0.vendor, memoryMiB: $0.memoryMiB, architecture: $0.architecture,
                   computeCapability: $0.computeCapability?.description, nvlinkGeneration: $0.nvlinkGeneration, fp8: $0.fp8,
                   migProfiles: $0.migProfiles.map(\.name), source: $0.source)
        }
    }

    /// Instance types by provider, then name; prices by region, then capacity.
    package static func instanceRows(_ instances: InstanceCatalog = .builtIn, prices: PriceCatalog = .builtIn) -> [InstanceRow] {
        instances.types.values.sorted { ($0.provider, $0.name) < ($1.provider, $1.name) }.map { t in
            InstanceRow(name: t.name, provider: t.provider, gpu: t.gpu, gpuCount: t.gpuCount, interconnect: t.interconnect.rawValue,
                        islands: t.nvlinkIslands, fabric: t.fabric.rawValue, nics: t.nics, gbpsPerNic: t.gbpsPerNic,
                        vcpus: t.vcpus, memoryGiB: t.memoryGiB, source: t.source,
                        prices: prices.prices(of: t.name).map {
                            PriceRow(region: $0.region, capacity: $0.capacity.rawValue, pricePerHour: $0.money.description,
                                     source: $0.source, date: $0.date)
                        })
        }
    }

    package static func json() -> String {
        struct Report: Codable { var gpus: [GPURow]; var instanceTypes: [InstanceRow] }
        return JSONWriter.text(try! ManifestValueEncoder.encode(Report(gpus: gpuRows(), instanceTypes: instanceRows())), .foundationPretty)
            + "\n"
    }

    package static func text() -> String {
        var out = "GPU models\n"
        for g in gpuRows() {
            let cc = g.computeCapability.map { ", CC \($0)" } ?? ""
            out += "  \(g.name): \(g.memoryMiB) MiB, \(g.architecture)\(cc)\(g.fp8 ? ", fp8" : "")"
            out += g.migProfiles.isEmpty ? "\n" : ", MIG \(g.migProfiles.joined(separator: " "))\n"
            out += "    source: \(g.source)\n"
        }
        out += "instance types\n"
        for t in instanceRows() {
            let islands = t.islands.map(String.init).joined(separator: "+")
            out += "  \(t.provider) \(t.name): \(t.gpuCount)× \(t.gpu), islands \(islands) over \(t.interconnect); "
            out += "fabric \(t.fabric) \(t.nics)×\(t.gbpsPerNic == 0 ? "?" : String(t.gbpsPerNic)) Gbps; \(t.vcpus) vCPU, \(t.memoryGiB) "
                + "GiB\n"
            out += "    source: \(t.source)\n"
            if t.prices.isEmpty { out += "    price: none sourced\n" }
            for p in t.prices {
                out += "    $\(p.pricePerHour)/h \(p.region) \(p.capacity) (\(p.source), \(p.date))\n"
            }
        }
        return out
    }
}
