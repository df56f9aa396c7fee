import PlatformDiagnostics

/// A canary shares its stable model's route by weight only where both run: in a cluster with the
/// canary alone, the route sends it all of its traffic. Located at the canary's `canaryOf`.
enum CanaryPlacementCheck {
    static func check(_ plan: PlannedPlatform, into diagnostics: inout DiagnosticBag) {
        for canary in plan.platform.models {
            guard let stableName = canary.canaryOf,
                  let stable = plan.platform.models.first(where: { $0.name == stableName }) else { continue }
            let stableClusters = Set((plan.modelAssignments[stable.name] ?? []).map(\.cluster))
            // An unplaced stable model is E3001 already.
            guard !stableClusters.isEmpty else { continue }
            let alone = Set((plan.modelAssignments[canary.name] ?? []).map(\.cluster)).subtracting(stableClusters).sorted()
            guard let cluster = alone.first else { continue }
            let clusters = stableClusters.sorted().map { "`\($0)`" }.joined(separator: ", ")
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
