import PlatformDiagnostics

/// `critical-models-on-demand`: spot nodes are reclaimed at two minutes' notice; a model marked
/// `critical` must not be able to land on one.
package struct CriticalModelsOnDemandRule: PolicyRule {
    package let id = "critical-models-on-demand"
    package init() {}

    package func check(_ input: PolicyInput) -> [PolicyViolation] {
        let p = input.platform
        return p.models.filter(\.critical).compactMap { m in
            // Every pool the model may use, not only today's placement: autoscaling may grow onto any of them.
            let spot = p.candidatePools(for: m).filter { $0.capacityType == .spot }
            guard let first = spot.first else { return nil }
            let pools = spot.map { "`\($0.id)`" }.joined(separator: ", ")
            return PolicyViolation("critical model `\(m.name)` may run on spot capacity (node pool\(spot.count == 1 ? "" : "s") \(pools))",
                                   at: m.locations[.placementPool] ?? m.locations[.placement] ?? m.location,
                                   help: "pin it to an on-demand or reserved pool with `placement.pool`, or drop `critical: true`",
                                   cluster: first.cluster, team: m.team)
        }
    }
}
