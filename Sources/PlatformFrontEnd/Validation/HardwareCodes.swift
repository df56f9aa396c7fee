import PlatformDiagnostics

/// Codes of the hardware feasibility rules (E21xx). Each is explained in docs/diagnostics.md.
public enum HardwareCodes {
    public static let memoryFit: DiagnosticCode = "E2101"
    public static let tensorParallelIsland: DiagnosticCode = "E2102"
    public static let tensorParallelPCIe: DiagnosticCode = "W2102"
    public static let dtypeUnsupported: DiagnosticCode = "E2103"
    public static let migProfileUnknown: DiagnosticCode = "E2104"
    public static let migLayoutOverfull: DiagnosticCode = "E2105"
    public static let gangTooLarge: DiagnosticCode = "E2106"
    public static let gangWithoutRDMA: DiagnosticCode = "W2107"
    public static let gpuNotInCluster: DiagnosticCode = "E2108"
    public static let quotaBeyondInventory: DiagnosticCode = "W2109"
    public static let kvCacheUnsized: DiagnosticCode = "W2110"
    public static let migPoolMissing: DiagnosticCode = "E2111"
}

extension Platform {
    /// The pools a workload may run on: its GPU model, in its pinned cluster and pool when given.
    public func candidatePools(gpu: String, cluster: String?, pool: String?) -> [NodePool] {
        clusters.filter { cluster == nil || $0.name == cluster }
            .flatMap(\.nodePools)
            .filter { $0.gpu == gpu && (pool == nil || $0.name == pool) }
    }

    public func candidatePools(for model: Model) -> [NodePool] {
        candidatePools(gpu: model.gpuModel, cluster: model.cluster, pool: model.pool)
            .filter { model.migProfile == nil ? $0.migProfiles.isEmpty : $0.migProfiles[model.migProfile!] != nil }
    }
}
