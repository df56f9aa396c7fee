import PlatformDiagnostics

/// Codes of the hardware feasibility rules (E21xx). Each is explained in docs/diagnostics.md.
package enum HardwareCodes {
    package static let memoryFit: DiagnosticCode = "E2101"
    package static let tensorParallelIsland: DiagnosticCode = "E2102"
    package static let tensorParallelPCIe: DiagnosticCode = "W2102"
    package static let dtypeUnsupported: DiagnosticCode = "E2103"
    package static let migProfileUnknown: DiagnosticCode = "E2104"
    package static let migLayoutOverfull: DiagnosticCode = "E2105"
    package static let gangTooLarge: DiagnosticCode = "E2106"
    package static let gangWithoutRDMA: DiagnosticCode = "W2107"
    package static let gpuNotInCluster: DiagnosticCode = "E2108"
    package static let quotaBeyondInventory: DiagnosticCode = "W2109"
    package static let kvCacheUnsized: DiagnosticCode = "W2110"
    package static let migPoolMissing: DiagnosticCode = "E2111"
}

extension Platform {
    /// The pools a workload may run on: its GPU model, in its pinned cluster and pool when given.
    package func candidatePools(gpu: String, cluster: String?, pool: String?) -> [NodePool] {
        clusters.filter { cluster == nil || $0.name == cluster }
            .flatMap(\.nodePools)
            .filter { $0.gpu == gpu && (pool == nil || $0.name == pool) }
    }

    package func candidatePools(for model: Model) -> [NodePool] {
        candidatePools(gpu: model.gpuModel, cluster: model.cluster, pool: model.pool)
            .filter { model.migProfile == nil ? $0.migProfiles.isEmpty : $0.migProfiles[model.migProfile!] != nil }
    }
}
