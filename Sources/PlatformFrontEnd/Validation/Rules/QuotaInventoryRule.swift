import PlatformDiagnostics

/// Team quotas that add up to more GPUs than the fleet can ever have promise what cannot be given.
struct QuotaInventoryRule: PlatformRule {
    let id = "quota-inventory"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        let inventory = p.clusters.flatMap(\.nodePools).reduce(0) { $0 + $1.maxNodes * $1.gpusPerNode }
        let quotas = p.teams.compactMap { t in t.gpuQuota.map { (t, $0) } }
        let total = quotas.reduce(0) { $0 + $1.1 }
        guard total > inventory, let last = quotas.last else { return }
        diagnostics.warning(HardwareCodes.quotaBeyondInventory,
                            "team quotas add up to \(total) GPUs, but the fleet has at most \(inventory) (every pool at `nodes.max`)",
                            at: last.0.locations[.quota],
                            notes: quotas.map { DiagnosticNote("team `\($0.0.name)`: \($0.1) GPUs", at: $0.0.locations[.quota]) },
                            help: "lower the quotas by \(total - inventory) GPUs, or add capacity")
    }
}
