/// Which cluster each workload runs in, as the security emitters see it: the same rules the
/// serving and platform emitters follow (placement first, then the spec's pin, then the model's).
extension PlannedPlatform {
    /// The clusters serving `model`: its placed clusters, else its primary cluster.
    package func servingClusters(ofModel model: String) -> [String] {
        let placed = clusters(of: model)
        if !placed.isEmpty { return placed }
        return primaryCluster(ofModel: model).map { [$0] } ?? []
    }

    /// An agent's cluster: where the placement pass put it (its previous cluster when that still
    /// holds, see `AgentPlacement`), else its pin, else its (self-hosted) model's primary cluster,
    /// else the first cluster.
    package func cluster(ofAgent agent: Agent) -> String? {
        if let placed = agentClusters[agent.name] { return placed }
        if let pinned = agent.cluster { return pinned }
        if platform.model(agent.model) != nil { return primaryCluster(ofModel: agent.model) }
        return platform.clusters.first?.name
    }

    /// A training job's cluster: where its gang was placed, else its pin.
    package func cluster(ofJob job: TrainingJob) -> String? {
        jobAssignments[job.name]?.cluster ?? job.cluster
    }
}

/// Where a remote MCP server listens, read from its URL.
package struct MCPEndpoint: Hashable, Sendable {
    /// The namespace of an in-cluster server (`http://svc.ns:8080`, `svc.ns.svc`, `svc.ns.svc.cluster.local`);
    /// nil for a server outside the cluster.
    package var namespace: String?
    package var port: Int

    /// nil when the URL has no host.
    package init?(url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let rest = url[schemeEnd.upperBound...]
        var authority = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        if let at = authority.lastIndex(of: "@") { authority = String(authority[authority.index(after: at)...]) }
        var host = authority
        var port = scheme == "https" ? 443 : 80
        if let colon = authority.lastIndex(of: ":"), let p = Int(authority[authority.index(after: colon)...]) {
            host = String(authority[..<colon])
            port = p
        }
        guard !host.isEmpty else { return nil }
        let labels = host.lowercased().split(separator: ".").map(String.init)
        let inCluster = labels.count == 2 || host.hasSuffix(".svc") || host.hasSuffix(".svc.cluster.local")
        self.namespace = inCluster && labels.count >= 2 ? labels[1] : nil
        self.port = port
    }
}
