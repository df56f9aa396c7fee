import PlatformDiagnostics

/// An agent pinned to a cluster calls its self-hosted model at the model's Service in that same
/// cluster (`AgentEmitter.modelConfig`: `<model>.<namespace>.svc`, a name each cluster resolves only
/// among its own Services), so the model must run there. An unpinned agent follows its model
/// (`AgentPlacement`); a `provider/model` goes through that cluster's LiteLLM. Located at the agent's
/// `cluster`, with a note at the model's `placement.cluster`.
enum AgentModelClusterCheck {
    static func check(_ plan: PlannedPlatform, into diagnostics: inout DiagnosticBag) {
        let p = plan.platform
        for agent in p.agents {
            guard let pinned = agent.cluster, let model = p.model(agent.model) else { continue }
            let clusters = plan.clusters(of: model.name)
            // An unplaced model is E3001 already.
            guard !clusters.isEmpty, !clusters.contains(pinned) else { continue }
            let list = clusters.map { "`\($0)`" }.joined(separator: ", ")
            diagnostics.error(ServingCodes.agentModelCluster,
                              "agent `\(agent.name)` is pinned to cluster `\(pinned)`, where its model `\(model.name)` does not run: "
                                  + "its ModelConfig there names a Service that cluster does not have",
                              at: agent.locations[.cluster] ?? agent.location,
                              notes: [DiagnosticNote("`\(model.name)` runs in \(list)",
                                  at: model.locations[.placementCluster] ?? model.location)],
                              help: "pin `\(agent.name)` to `\(clusters[0])`, or drop its `cluster` so that it follows its model")
        }
    }
}
