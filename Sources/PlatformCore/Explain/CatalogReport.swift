import Foundation

/// `platformc explain catalog`: the built-in GPU models and instance types, each instance type
/// with every sourced price (region, capacity, USD per hour, source, date). Needs no spec.
public enum CatalogReport {
    public struct GPURow: Codable, Hashable, Sendable {
        public var name: String
        public var vendor: String
        public var memoryMiB: Int
        public var architecture: String
        public var computeCapability: String?
        public var nvlinkGeneration: Int?
        public var fp8: Bool
        public var migProfiles: [String]
        public var source: String
    }

    public struct PriceRow: Codable, Hashable, Sendable {
        public var region: String
        public var capacity: String
        public var pricePerHour: String
        public var source: String
        public var date: String
    }

    public struct InstanceRow: Codable, Hashable, Sendable {
        public var name: String
        public var provider: String
        public var gpu: String
        public var gpuCount: Int
        public var interconnect: String
        public var islands: [Int]
        public var fabric: String
        public var nics: Int
        public var gbpsPerNic: Int
        public var vcpus: Int
        public var memoryGiB: Int
        public var source: String
        public var prices: [PriceRow]
    }

    public static func gpuRows(_ gpus: GPUCatalog = .builtIn) -> [GPURow] {
        gpus.names.compactMap { gpus.model(named: $0) }.map {
            GPURow(name: $0.name, vendor: $0.vendor, memoryMiB: $0.memoryMiB, architecture: $0.architecture,
                   computeCapability: $0.computeCapability?.description, nvlinkGeneration: $0.nvlinkGeneration, fp8: $0.fp8,
                   migProfiles: $0.migProfiles.map(\.name), source: $0.source)
        }
    }

    /// Instance types by provider, then name; prices by region, then capacity.
    public static func instanceRows(_ instances: InstanceCatalog = .builtIn, prices: PriceCatalog = .builtIn) -> [InstanceRow] {
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

    public static func json() -> String {
        struct Report: Codable { var gpus: [GPURow]; var instanceTypes: [InstanceRow] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(Report(gpus: gpuRows(), instanceTypes: instanceRows())), as: UTF8.self) + "\n"
    }

    public static func text() -> String {
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
            out += "fabric \(t.fabric) \(t.nics)×\(t.gbpsPerNic == 0 ? "?" : String(t.gbpsPerNic)) Gbps; \(t.vcpus) vCPU, \(t.memoryGiB) GiB\n"
            out += "    source: \(t.source)\n"
            if t.prices.isEmpty { out += "    price: none sourced\n" }
            for p in t.prices {
                out += "    $\(p.pricePerHour)/h \(p.region) \(p.capacity) (\(p.source), \(p.date))\n"
            }
        }
        return out
    }
}
