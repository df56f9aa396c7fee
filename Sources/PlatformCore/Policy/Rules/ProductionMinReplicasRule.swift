import PlatformDiagnostics

/// `production-min-replicas`: one replica is one node failure, one rollout or one eviction away
/// from an outage. Canaries (`canaryOf`) are exempt: they share traffic with their stable model.
package struct ProductionMinReplicasRule: PolicyRule {
    package let id = "production-min-replicas"
    package static let minimum = 2
    package init() {}

    package func check(_ input: PolicyInput) -> [PolicyViolation] {
        let p = input.platform
        return p.models.compactMap { m in
            guard m.canaryOf == nil, m.minReplicas < Self.minimum else { return nil }
            let clusters = input.plan.map { $0.servingClusters(ofModel: m.name) }
                ?? Array(Set(p.candidatePools(for: m).map(\.cluster))).sorted()
            guard let production = clusters.first(where: { p.cluster($0)?.production ?? false }) else { return nil }
            return PolicyViolation("""
                model `\(m.name)` has \(m.minReplicas) minimum replica\(m.minReplicas == 1 ? "" : "s") in production cluster \
                `\(production)`; at least \(Self.minimum) are required
                """,
                                   at: m.locations[.replicasMin] ?? m.location,
                                   help: "set `replicas.min: \(Self.minimum)`, or mark the cluster `production: false`",
                                   cluster: production, team: m.team)
        }
    }
}
