/// The decisions behind a synthetic platform — which model runs where, for whom, and how many nodes
/// each pool needs — made once, so the YAML writer only prints them.
struct GeneratorLayout {
    struct Pool { var name: String; var shape: GeneratorShapes.Pool; var nodes: Int }
    struct Cluster { var name: String; var region: String; var zones: [String]; var pools: [Pool] }
    struct Team { var name: String; var priority: String; var gpus: Int }
    struct Model {
        var index: Int, name: String, team: String, cluster: String, pool: Pool
        var shape: GeneratorShapes.Model, minReplicas: Int, maxReplicas: Int
        var autoscaled: Bool, prefixCacheAware: Bool
    }
    struct Route { var name: String; var backends: [(String, Int)]; var fallback: Bool; var requestsPerMinute: Int }
    struct Agent { var name: String; var team: String; var model: String; var mcpServer: String }
    struct Job { var name: String; var team: String; var cluster: String; var nodes: Int }

    var clusters: [Cluster] = []
    var teams: [Team] = []
    var models: [Model] = []
    var routes: [Route] = []
    var mcpServers: [String] = []
    var agents: [Agent] = []
    var jobs: [Job] = []

    init(_ p: GeneratorParameters, random: inout SeededRandom) {
        let priorities = ["low", "medium", "high", "critical"]
        teams = (0..<p.teams).map { Team(name: "team-\(pad($0))", priority: priorities[$0 % 3 == 2 ? 2 : $0 % 2], gpus: 0) }
        mcpServers = (0..<max(1, min(20, p.teams / 10))).map { "mcp-\(pad($0))" }

        // Demand in GPUs per (cluster, pool index), from training jobs first, then models.
        var demand = Array(repeating: Array(repeating: 0, count: GeneratorShapes.pools.count), count: p.clusters)
        for c in 0..<p.clusters {
            let team = c % p.teams
            jobs.append(Job(name: "train-\(pad(c))", team: teams[team].name, cluster: clusterName(c), nodes: 2))
            // The gang's two nodes share a zone while the models spread over both: one node of slack.
            demand[c][0] += 16 + GeneratorShapes.pools[0].gpusPerNode
            teams[team].gpus += 16
        }
        var placed: [(cluster: Int, pool: Int, shape: GeneratorShapes.Model, min: Int, max: Int, team: Int)] = []
        let perCluster = (p.models + p.clusters - 1) / p.clusters
        for i in 0..<p.models {
            let cluster = min(i / perCluster, p.clusters - 1)
            let pool = [0, 1, 1, 2, 2][random.below(5)]
            let shape = random.pick(GeneratorShapes.models[pool])
            let minReplicas = 2
            let maxReplicas = minReplicas + random.below(3)
            let team = i % p.teams
            demand[cluster][pool] += maxReplicas * shape.gpus
            teams[team].gpus += maxReplicas * shape.gpus
            placed.append((cluster, pool, shape, minReplicas, maxReplicas, team))
        }

        // Nodes: what the demand needs, then the rest of `nodes` shared out round-robin.
        var nodes = demand.map { row in row.enumerated().map { max(1, ceilDiv($0.element, GeneratorShapes.pools[$0.offset].gpusPerNode)) } }
        var spare = p.nodes - nodes.joined().reduce(0, +)
        var slot = 0
        let slots = p.clusters * GeneratorShapes.pools.count
        if spare > 0 {
            let each = spare / slots
            for c in 0..<p.clusters { for k in nodes[c].indices { nodes[c][k] += each } }
            spare -= each * slots
        }
        while spare > 0 { nodes[slot / GeneratorShapes.pools.count][slot % GeneratorShapes.pools.count] += 1; spare -= 1; slot += 1 }

        clusters = (0..<p.clusters).map { c in
            let region = GeneratorShapes.regions[c % GeneratorShapes.regions.count]
            let pools = GeneratorShapes.pools.enumerated().map { k, shape in
                Pool(name: shape.suffix, shape: shape, nodes: nodes[c][k])
            }
            return Cluster(name: clusterName(c), region: region.region, zones: region.zones, pools: pools)
        }
        models = placed.enumerated().map { i, m in
            Model(index: i, name: "m-\(pad(i))-\(m.shape.architecture.replacingDots)", team: teams[m.team].name,
                  cluster: clusterName(m.cluster), pool: clusters[m.cluster].pools[m.pool], shape: m.shape,
                  minReplicas: m.min, maxReplicas: m.max, autoscaled: i % 3 == 0, prefixCacheAware: i % 4 == 1)
        }

        // Routes: a canary-style pair when two neighbours share a cluster, otherwise one backend.
        var i = 0
        while i < models.count {
            if i + 1 < models.count && models[i].cluster == models[i + 1].cluster && i % 4 == 0 {
                routes.append(Route(name: "r-\(pad(i))", backends: [(models[i].name, 90), (models[i + 1].name, 10)],
                                    fallback: i % 8 == 0, requestsPerMinute: 600))
                i += 2
            } else {
                routes.append(Route(name: "r-\(pad(i))", backends: [(models[i].name, 100)], fallback: false, requestsPerMinute: 1200))
                i += 1
            }
        }
        for (k, model) in models.enumerated() where k % 4 == 2 {
            agents.append(Agent(name: "a-\(pad(k))", team: model.team, model: model.name, mcpServer: mcpServers[k % mcpServers.count]))
        }
    }
}

private func pad(_ n: Int) -> String {
    let s = String(n)
    return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
}

private func clusterName(_ c: Int) -> String { "c-\(pad(c))" }

private func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }

private extension String {
    var replacingDots: String { String(map { $0 == "." ? "-" : $0 }) }
}
