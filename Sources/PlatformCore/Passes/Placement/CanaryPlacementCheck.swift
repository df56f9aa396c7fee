import PlatformDiagnostics

/// A canary shares its stable model's route by weight only where both run: in a cluster with the
/// canary alone, the route sends it all of its traffic. Located at the canary's `canaryOf`.
enum CanaryPlacementCheck {
    static func check(_ plan: PlannedPlatform, into diagnostics: inout DiagnosticBag) {
        for canary in plan.platform.models {
            guard let stableName = canary.canaryOf, let stable = plan.platform.model(stableName) else { continue }
            let stableClusters = plan.clusters(of: stable.name)
            // An unplaced stable model is E3001 already.
            guard !stableClusters.isEmpty,
                  let cluster = plan.clusters(of: canary.name).first(where: { !stableClusters.contains($0) }) else { continue }
            let clusters = stableClusters.map { "`\($0)`" }.joined(separator: ", ")
            diagnostics.error(ServingCodes.canaryCluster,
                              "canary `\(canary.name)` is placed in cluster `\(cluster)`, where its stable model `\(stable.name)` does not "
                                  + "run: routes there would send it all of their traffic",
                              at: canary.locations[.canaryOf] ?? canary.location,
                              notes: [DiagnosticNote("`\(stable.name)` runs in \(clusters)",
                                  at: stable.locations[.placementCluster] ?? stable.location)],
                              help: "give both models the same `placement.cluster`")
        }
    }
}
