/// The cluster of each agent, keeping the previous one while it still holds: an agent's objects
/// (its kagent Agent, ModelConfig, MCP servers, RBAC and network policies) move only when its pin,
/// its model or the clusters say so.
enum AgentPlacement {
    static func place(_ plan: PlannedPlatform, previous: [String: String]) -> (clusters: [String: String], moves: [PlacementMove]) {
        let p = plan.platform
        let clusterNames = Set(p.clusters.map(\.name))
        var clusters: [String: String] = [:]
        var moves: [PlacementMove] = []
        for agent in p.agents {
            let before = previous[agent.name]
            let cluster: String?
            var cause: PlacementMove.Cause = .removed
            if let pinned = agent.cluster {
                cluster = pinned
                cause = .pinned(at: agent.locations[.cluster])
            } else if p.model(agent.model) != nil {
                // A self-hosted model: stay while the model still serves from the previous cluster.
                let serving = plan.clusters(of: agent.model)
                cluster = before.flatMap { serving.contains($0) ? $0 : nil } ?? plan.primaryCluster(ofModel: agent.model)
                cause = .followsModel(agent.model)
            } else {
                cluster = before.flatMap { clusterNames.contains($0) ? $0 : nil } ?? p.clusters.first?.name
            }
            guard let cluster else { continue }
            clusters[agent.name] = cluster
            if let before, before != cluster {
                if !clusterNames.contains(before) { cause = .removed }
                moves.append(PlacementMove(kind: .agent, name: agent.name, from: before, to: cluster, cause: cause))
            }
        }
        return (clusters, moves)
    }
}
