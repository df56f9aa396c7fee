import PlatformDiagnostics

/// Quota checks the placement solver does not make: per-GPU-model quotas (`quota.perModel`) of
/// placed workloads, and the autoscaling envelope (`replicas.max`) against the team's quota.
/// A team's placed total beyond `quota.gpus` is the solver's E3001 and is not reported again.
enum QuotaChecks {
    static func check(_ plan: PlannedPlatform, _ report: CostReport, into diagnostics: inout DiagnosticBag) {
        let p = plan.platform
        for team in p.teams.sorted(by: { $0.name < $1.name }) where !team.gpuQuotaPerCluster.isEmpty {
            // A stated split must leave each cluster what the team's placed workloads hold there,
            // or the namespace's ResourceQuota refuses their pods (`TeamQuotaSplit`).
            for cluster in p.clusters.map(\.name).sorted() {
                let held = TeamQuotaSplit.held(team.name, cluster: cluster, plan, atMax: false)
                let part = team.gpuQuotaPerCluster[cluster] ?? 0
                guard held > part else { continue }
                diagnostics.error(TrainingCodes.perClusterQuota,
                                  "`quota.perCluster` gives team `\(team.name)` \(part) GPUs in cluster `\(cluster)`, where its placed "
                                      + "workloads hold \(held)",
                                  at: team.locations[.quotaPerCluster] ?? team.location,
                                  help: "give `\(cluster)` at least \(held) GPUs, or pin the workloads elsewhere")
            }
        }
        for team in p.teams.sorted(by: { $0.name < $1.name }) {
            let own = report.workloads.filter { $0.team == team.name }
            let quotaAt = team.locations[.quota] ?? team.location
            for gpu in team.gpuQuotaPerModel.keys.sorted() {
                guard let limit = team.gpuQuotaPerModel[gpu] else { continue }
                let using = own.filter { $0.gpu == gpu }
                let held = using.reduce(GPUCount.zero) { $0 + $1.gpus }
                if held.ceiling > Int64(limit) {
                    diagnostics.error(CostCodes.perModelQuotaExceeded,
                                      "team `\(team.name)` holds \(held) \(gpu) GPUs, its quota for \(gpu) is \(limit)",
                                      at: quotaAt, notes: notes(using, p, atMax: false),
                                      help: "raise `quota.perModel.\(gpu)` or lower `replicas.min` of its models")
                }
            }
            guard let quota = team.gpuQuota else { continue }
            var reported = false
            for w in own where w.kind == .model && w.gpusAtMax.ceiling > Int64(quota) {
                guard let m = p.model(w.name) else { continue }
                reported = true
                diagnostics.warning(CostCodes.autoscalingBeyondQuota,
                                    "scaling `\(m.name)` to \(m.maxReplicas) replicas needs \(w.gpusAtMax) \(m.gpuModel), team "
                                        + "`\(team.name)` has \(quota)",
                                    at: m.locations[.replicas] ?? m.location,
                                    notes: [DiagnosticNote("quota of team `\(team.name)`", at: quotaAt)],
                                    help: "raise the quota of team `\(team.name)` or lower `replicas.max`; beyond the quota new replicas "
                                        + "are refused at admission")
            }
            let atMax = own.reduce(GPUCount.zero) { $0 + $1.gpusAtMax }
            if !reported && atMax.ceiling > Int64(quota) {
                diagnostics.warning(CostCodes.autoscalingBeyondQuota,
                                    "with every model at `replicas.max`, team `\(team.name)` needs \(atMax) GPUs and has \(quota)",
                                    at: quotaAt, notes: notes(own, p, atMax: true),
                                    help: "raise the quota of team `\(team.name)` or lower `replicas.max`; beyond the quota new replicas "
                                        + "are refused at admission")
            }
        }
    }

    /// One note per workload at its declaration: its GPUs (now or at max).
    static func notes(_ workloads: [WorkloadCost], _ p: Platform, atMax: Bool) -> [DiagnosticNote] {
        workloads.map { w in
            let location = w.kind == .model ? p.model(w.name).map { $0.locations[.replicas] ?? $0.location }
                                            : p.training.first { $0.name == w.name }?.location
            return DiagnosticNote("\(w.kind == .model ? "model" : "training job") `\(w.name)`: \(atMax ? w.gpusAtMax : w.gpus) \(w.gpu) "
                + "GPUs",
                at: location)
        }
    }
}
