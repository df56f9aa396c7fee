import PlatformDiagnostics

/// Every name one entity uses to reach another must resolve: a model's team and GPU model, a
/// route's backends, a fallback's provider, an agent's model and MCP servers, a job's team,
/// cluster, pool and GPU model, a pool's GPU model. Each dangling name gets a suggestion.
package struct ReferenceResolver {
    package init() {}

    package func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        let teams = p.teams.map(\.name), models = p.models.map(\.name), clusters = p.clusters.map(\.name)
        let providers = p.providers.map(\.name), servers = p.mcpServers.map(\.name)
        let gpus = p.gpuCatalog.names

        func resolve(_ name: String, in names: [String], kind: String, from owner: String, at location: SourceLocation?) {
            guard !name.isEmpty, !names.contains(name) else { return }
            diagnostics.error(SpecCodes.unresolvedReference, "\(owner) refers to unknown \(kind) `\(name)`", at: location,
                              help: Suggestion.help(for: name, in: names)
                                  ?? (names.isEmpty ? "no \(kind) is defined"
                                      : "defined: " + names.sorted().map { "`\($0)`" }.joined(separator: ", ")))
        }

        for m in p.models {
            let owner = "model `\(m.name)`"
            resolve(m.team, in: teams, kind: "team", from: owner, at: m.locations[.team])
            resolve(m.gpuModel, in: gpus, kind: "GPU model", from: owner, at: m.locations[.gpuModel])
            if let c = m.cluster {
                resolve(c, in: clusters, kind: "cluster", from: owner, at: m.locations[.placementCluster])
                if let pool = m.pool, let cluster = p.cluster(c) {
                    resolve(pool, in: cluster.nodePools.map(\.name), kind: "node pool of cluster `\(c)`", from: owner,
                        at: m.locations[.placementPool])
                }
            } else if let pool = m.pool {
                resolve(pool, in: p.clusters.flatMap { $0.nodePools.map(\.name) }, kind: "node pool", from: owner,
                    at: m.locations[.placementPool])
            }
            if let base = m.canaryOf {
                resolve(base, in: models.filter { $0 != m.name }, kind: "model", from: owner, at: m.locations[.canaryOf])
            }
        }
        for r in p.routes {
            let owner = "route `\(r.name)`"
            for b in r.backends { resolve(b.model, in: models, kind: "model", from: owner, at: b.location) }
            for f in r.fallbacks { resolve(f.provider, in: providers, kind: "provider", from: owner, at: f.location) }
        }
        for a in p.agents {
            let owner = "agent `\(a.name)`"
            resolve(a.team, in: teams, kind: "team", from: owner, at: a.locations[.team])
            if let slash = a.model.firstIndex(of: "/") {
                resolve(String(a.model[..<slash]), in: providers, kind: "provider", from: owner, at: a.locations[.model])
            } else {
                resolve(a.model, in: models, kind: "model", from: owner, at: a.locations[.model])
            }
            for t in a.tools { resolve(t.mcpServer, in: servers, kind: "MCP server", from: owner, at: t.location) }
            if let c = a.cluster { resolve(c, in: clusters, kind: "cluster", from: owner, at: a.locations[.cluster]) }
        }
        for j in p.training {
            let owner = "training job `\(j.name)`"
            resolve(j.team, in: teams, kind: "team", from: owner, at: j.locations[.team])
            resolve(j.gpuModel, in: gpus, kind: "GPU model", from: owner, at: j.locations[.gpu])
            if let c = j.cluster {
                resolve(c, in: clusters, kind: "cluster", from: owner, at: j.locations[.cluster])
                if let pool = j.pool, let cluster = p.cluster(c) {
                    resolve(pool, in: cluster.nodePools.map(\.name), kind: "node pool of cluster `\(c)`", from: owner,
                        at: j.locations[.pool])
                }
            }
        }
        for t in p.teams {
            for (gpu, _) in t.gpuQuotaPerModel.sorted(by: { $0.key < $1.key }) {
                resolve(gpu, in: gpus, kind: "GPU model", from: "quota of team `\(t.name)`", at: t.locations[.quota])
            }
        }
    }
}
