import PlatformDiagnostics

/// The passes between validation and emission, in order: placement, then quota and cost.
public enum Passes {
    public static func run(_ platform: Platform, into diagnostics: inout DiagnosticBag) -> PlannedPlatform {
        ProvisionalPlacement.plan(platform)
    }
}

/// Until the placement solver is wired in: every model on its first candidate pool, every job on
/// its first pool with enough GPUs per node. Node names are left empty.
enum ProvisionalPlacement {
    static func plan(_ p: Platform) -> PlannedPlatform {
        var models: [String: [PoolAssignment]] = [:]
        for m in p.models {
            if let pool = p.candidatePools(for: m).first {
                models[m.name] = [PoolAssignment(cluster: pool.cluster, pool: pool.name, replicas: m.minReplicas, nodes: [])]
            }
        }
        var jobs: [String: PoolAssignment] = [:]
        for j in p.training {
            if let pool = p.candidatePools(gpu: j.gpuModel, cluster: j.cluster, pool: j.pool).first(where: { $0.gpusPerNode >= j.gpusPerNode }) {
                jobs[j.name] = PoolAssignment(cluster: pool.cluster, pool: pool.name, replicas: 1, nodes: [])
            }
        }
        return PlannedPlatform(platform: p, modelAssignments: models, jobAssignments: jobs)
    }
}
