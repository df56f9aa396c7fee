import PlatformDiagnostics

/// Values that are well-typed but cannot both hold: min above max, weights that do not add up
/// to 100, MIG and multi-node on one replica.
package struct RangeChecks {
    package init() {}

    package func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for c in p.clusters {
            for pool in c.nodePools where pool.maxNodes < pool.minNodes {
                diagnostics
                    .error(SpecCodes.minAboveMax,
                        "node pool `\(pool.name)`: `nodes.min` (\(pool.minNodes)) is above `nodes.max` (\(pool.maxNodes))",
                                  at: pool.locations[.nodes], help: "set `max` to at least \(pool.minNodes)")
            }
        }
        for m in p.models {
            if m.maxReplicas < m.minReplicas {
                diagnostics
                    .error(SpecCodes.minAboveMax,
                        "model `\(m.name)`: `replicas.min` (\(m.minReplicas)) is above `replicas.max` (\(m.maxReplicas))",
                                  at: m.locations[.replicasMax], help: "set `max` to at least \(m.minReplicas)")
            }
            if m.migProfile != nil, m.gpusPerReplica > 1 || m.nodesPerReplica > 1 {
                diagnostics
                    .error(SpecCodes.outOfRange,
                        "model `\(m.name)` asks for a MIG slice and \(m.gpusPerReplica) GPUs on \(m.nodesPerReplica) node(s); a MIG "
                            + "replica holds exactly one slice",
                                  at: m.locations[.gpuMigProfile], help: "remove `count`/`nodes`, or remove `migProfile` to use whole GPUs")
            }
            if m.gpuMemoryUtilization <= 0 || m.gpuMemoryUtilization > 1 {
                diagnostics
                    .error(SpecCodes.outOfRange,
                        "model `\(m.name)`: `gpuMemoryUtilization` must be in (0, 1], found \(m.gpuMemoryUtilization)",
                                  at: m.location)
            }
        }
        for r in p.routes {
            let total = r.backends.reduce(0) { $0 + $1.weight }
            if r.backends.count > 1, total != 100 {
                diagnostics.error(SpecCodes.weightsNotHundred,
                                  "route `\(r.name)`: backend weights add up to \(total), not 100",
                                  at: r.locations[.backends],
                                  notes: r.backends
                                      .sorted { $0.location < $1.location }.map { DiagnosticNote("`\($0.model)` has weight \($0.weight)",
                                          at: $0.location) },
                                  help: "adjust the weights so that they add up to 100")
            }
        }
    }
}
