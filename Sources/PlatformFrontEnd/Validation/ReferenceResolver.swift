import PlatformDiagnostics

/// Every name one entity uses to reach another must resolve: a model's team and GPU model, a
/// route's backends, a fallback's provider, an agent's model and MCP servers, a job's team,
/// cluster, pool and GPU model, a pool's GPU model. Each dangling name gets a suggestion.
package struct ReferenceResolver {
    package init() {}

    package func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        let teams = KnownNames(p.teams.map(\.name)), models = KnownNames(p.models.map(\.name))
        let clusters = KnownNames(p.clusters.map(\.name)), providers = KnownNames(p.providers.map(\.name))
        let servers = KnownNames(p.mcpServers.map(\.name)), gpus = KnownNames(p.gpuCatalog.names)
        let pools = KnownNames(p.clusters.flatMap { $0.nodePools.map(\.name) })

        func resolve(_ name: String, in known: KnownNames, except: String? = nil, kind: String, from owner: String,
                     at location: SourceLocation?) {
            guard !name.isEmpty, name == except || !known.contains(name) else { return }
            let names = known.list.filter { $0 != except }
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
                    resolve(pool, in: KnownNames(cluster.nodePools.map(\.name)), kind: "node pool of cluster `\(c)`", from: owner,
                        at: m.locations[.placementPool])
                }
            } else if let pool = m.pool {
                resolve(pool, in: pools, kind: "node pool", from: owner,
                    at: m.locations[.placementPool])
            }
            if let base = m.canaryOf {
                resolve(base, in: models, except: m.name, kind: "model", from: owner, at: m.locations[.canaryOf])
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
                    resolve(pool, in: KnownNames(cluster.nodePools.map(\.name)), kind: "node pool of cluster `\(c)`", from: owner,
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

/// The names of one kind of entity: resolved by hash (per route backend and per agent, thousands on a
/// large fleet, against thousands of models), listed in the spec's order for the messages.
struct KnownNames {
    let list: [String]
    private let set: Set<String>

    init(_ list: [String]) {
        self.list = list
        set = Set(list)
    }

    func contains(_ name: String) -> Bool { set.contains(name) }
}
