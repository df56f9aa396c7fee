import PlatformDiagnostics

/// MIG profiles must exist on the GPU, and a pool's layout must fit one GPU: at most `maxCount`
/// of a profile and at most 7 compute slices in all.
struct MIGProfileRule: PlatformRule {
    let id = "mig-profile"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for pool in p.clusters.flatMap(\.nodePools) where !pool.migProfiles.isEmpty {
            guard let gpu = p.gpuCatalog.model(named: pool.gpu) else { continue }
            var slices = 0
            for (name, count) in pool.migProfiles.sorted(by: { $0.key < $1.key }) {
                guard let profile = gpu.migProfile(named: name) else {
                    diagnostics.error(HardwareCodes.migProfileUnknown, "node pool `\(pool.id)`: \(gpu.name) has no MIG profile `\(name)`",
                                      at: pool.locations[.mig], help: profilesHelp(gpu, near: name))
                    continue
                }
                if count > profile.maxCount {
                    diagnostics
                        .error(HardwareCodes.migLayoutOverfull,
                            "node pool `\(pool.id)`: \(count)× `\(name)` per GPU, but at most \(profile.maxCount) fit on \(gpu.name)",
                                      at: pool.locations[.mig], help: "use at most \(profile.maxCount)")
                }
                slices += profile.computeSlices * count
            }
            if slices > 7 {
                diagnostics
                    .error(HardwareCodes.migLayoutOverfull,
                        "node pool `\(pool.id)`: the MIG layout uses \(slices) compute slices per GPU; a GPU has 7",
                                  at: pool.locations[.mig], help: "remove profiles until the compute slices add up to 7 or fewer")
            }
        }
        for m in p.models {
            guard let profile = m.migProfile, let gpu = p.gpuCatalog.model(named: m.gpuModel) else { continue }
            if gpu.migProfile(named: profile) == nil {
                diagnostics.error(HardwareCodes.migProfileUnknown, "model `\(m.name)`: \(gpu.name) has no MIG profile `\(profile)`",
                                  at: m.locations[.gpuMigProfile], help: profilesHelp(gpu, near: profile))
            } else if p.candidatePools(gpu: m.gpuModel, cluster: m.cluster, pool: m.pool).allSatisfy({ $0.migProfiles[profile] == nil }) {
                diagnostics
                    .error(HardwareCodes.migPoolMissing,
                        "model `\(m.name)` needs `\(profile)` slices, but no pool it may use is partitioned that way",
                                  at: m.locations[.gpuMigProfile],
                                  help: "add `mig: { profiles: { \"\(profile)\": N } }` to a \(gpu.name) pool")
            }
        }
    }

    private func profilesHelp(_ gpu: GPUModel, near name: String) -> String {
        let names = gpu.migProfiles.map(\.name)
        if names.isEmpty { return "\(gpu.name) does not support MIG" }
        return Suggestion.help(for: name, in: names) ?? "profiles of \(gpu.name): " + names.map { "`\($0)`" }.joined(separator: ", ")
    }
}
