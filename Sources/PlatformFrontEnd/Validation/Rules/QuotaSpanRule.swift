import PlatformDiagnostics

/// A team's quota is one figure for the fleet; `quota.perCluster` says how it spans clusters
/// (`TeamQuotaSplit`), so its parts must name clusters and fit in `quota.gpus`. A training job's
/// `hoursPerMonth` cannot exceed the cost model's month.
struct QuotaSpanRule: PlatformRule {
    let id = "quota-span"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for team in p.teams where !team.gpuQuotaPerCluster.isEmpty {
            let at = team.locations[.quotaPerCluster] ?? team.location
            for name in team.gpuQuotaPerCluster.keys.sorted() where p.cluster(name) == nil {
                diagnostics
                    .error(TrainingCodes.perClusterQuota, "`quota.perCluster` of team `\(team.name)` names no cluster `\(name)`", at: at,
                                  help: Suggestion.help(for: name, in: p.clusters.map(\.name)) ?? "name a cluster of `clusters:`")
            }
            let sum = team.gpuQuotaPerCluster.values.reduce(0, +)
            guard let quota = team.gpuQuota else {
                diagnostics
                    .error(TrainingCodes.perClusterQuota, "team `\(team.name)` splits `quota.perCluster` but states no `quota.gpus`",
                        at: at,
                                  help: "add `gpus: \(sum)` under `quota:`")
                continue
            }
            if sum > quota {
                diagnostics.error(TrainingCodes.perClusterQuota,
                                  "`quota.perCluster` of team `\(team.name)` adds up to \(sum) GPUs, more than its `quota.gpus` of "
                                      + "\(quota)",
                                  at: at,
                                  notes: [DiagnosticNote("`quota.gpus` is the team's total over every cluster",
                                      at: team.locations[.quota])],
                                  help: "lower the parts to \(quota) GPUs in total, or raise `quota.gpus`")
            }
        }
        let month = Int(CostArithmetic.hoursPerMonth)
        for job in p.training where job.hoursPerMonth > month {
            diagnostics
                .error(TrainingCodes.trainingHours,
                    "training job `\(job.name)` runs \(job.hoursPerMonth) hours a month; a month has \(month)",
                              at: job.locations[.hoursPerMonth] ?? job.location,
                              help: "write at most `hoursPerMonth: \(month)` (always running)")
        }
    }
}
