import PlatformCore
import PlatformDiagnostics

/// Every name the spec defines (teams, models, clusters, pools, providers, MCP servers and their
/// tools, agents, training jobs, GPU models of `gpuCatalog`) and every place one entity names
/// another (the references `ReferenceResolver` and the tool allow-list check resolve), found on
/// the loaded YAML tree so it works even when later stages report errors.
struct NameIndex {
    enum Kind: String, CaseIterable {
        case team, model, cluster, pool, provider, mcpServer = "MCP server", tool, agent, training = "training job", gpu = "GPU model"
        /// Only for completion: a model, training job or agent (`security.exceptions[].workload`).
        case workload
    }

    struct Entry {
        var kind: Kind
        var name: String
        /// For a pool its cluster, for a tool its MCP server (nil: any).
        var scope: String?
        var location: SourceLocation
    }

    private(set) var definitions: [Entry] = []
    private(set) var references: [Entry] = []

    init(_ root: SpecNode?) {
        guard let root else { return }
        func define(_ section: String, _ kind: Kind) {
            for item in root[section]?.items ?? [] {
                if let n = item["name"]?.scalar { definitions.append(Entry(kind: kind, name: n.text, location: n.location)) }
            }
        }
        define("teams", .team); define("models", .model); define("clusters", .cluster); define("providers", .provider)
        define("mcpServers", .mcpServer); define("agents", .agent); define("training", .training); define("gpuCatalog", .gpu)
        for cluster in root["clusters"]?.items ?? [] {
            let clusterName = cluster["name"]?.scalar?.text
            for pool in cluster["nodePools"]?.items ?? [] {
                if let n = pool["name"]?.scalar {
                    definitions.append(Entry(kind: .pool, name: n.text, scope: clusterName, location: n.location))
                }
                refer(pool["gpu"], .gpu)
            }
        }
        for server in root["mcpServers"]?.items ?? [] {
            let serverName = server["name"]?.scalar?.text
            for tool in server["tools"]?.items ?? [] {
                if let t = tool.scalar { definitions.append(Entry(kind: .tool, name: t.text, scope: serverName, location: t.location)) }
            }
        }
        for model in root["models"]?.items ?? [] {
            refer(model["team"], .team)
            refer(model["gpu"]?["model"], .gpu)
            refer(model["canaryOf"], .model)
            let pinned = model["placement"]?["cluster"]?.scalar?.text
            refer(model["placement"]?["cluster"], .cluster)
            refer(model["placement"]?["pool"], .pool, scope: pinned)
        }
        for route in root["routes"]?.items ?? [] {
            for backend in route["backends"]?.items ?? [] { refer(backend["model"], .model) }
            for fallback in route["fallbacks"]?.items ?? [] { refer(fallback["provider"], .provider) }
        }
        for agent in root["agents"]?.items ?? [] {
            refer(agent["team"], .team)
            refer(agent["cluster"], .cluster)
            if let model = agent["model"]?.scalar {
                if let slash = model.text.firstIndex(of: "/") {
                    references.append(Entry(kind: .provider, name: String(model.text[..<slash]), location: model.location))
                } else {
                    refer(agent["model"], .model)
                }
            }
            for tool in agent["tools"]?.items ?? [] {
                let server = tool["mcpServer"]?.scalar?.text
                refer(tool["mcpServer"], .mcpServer)
                for allowed in tool["allow"]?.items ?? [] { refer(allowed, .tool, scope: server) }
            }
        }
        for job in root["training"]?.items ?? [] {
            refer(job["team"], .team)
            refer(job["gpu"], .gpu)
            refer(job["cluster"], .cluster)
            refer(job["pool"], .pool, scope: job["cluster"]?.scalar?.text)
        }
        for team in root["teams"]?.items ?? [] {
            for pair in team["quota"]?["perModel"]?.pairs ?? [] {
                references.append(Entry(kind: .gpu, name: pair.key.text, location: pair.key.location))
            }
        }
        for override in root["policy"]?["overrides"]?.items ?? [] {
            refer(override["team"], .team)
            refer(override["cluster"], .cluster)
        }
        for gpu in root["policy"]?["allowedGPUs"]?.items ?? [] { refer(gpu, .gpu) }
        for exception in root["security"]?["exceptions"]?.items ?? [] {
            guard let workload = exception["workload"]?.scalar else { continue }
            let kind = definitions.first { [.model, .training, .agent].contains($0.kind) && $0.name == workload.text }?.kind ?? .model
            references.append(Entry(kind: kind, name: workload.text, location: workload.location))
        }
    }

    private mutating func refer(_ node: SpecNode?, _ kind: Kind, scope: String? = nil) {
        guard let scalar = node?.scalar, !scalar.isNull else { return }
        references.append(Entry(kind: kind, name: scalar.text, scope: scope, location: scalar.location))
    }

    /// Names of one kind, sorted and unique (for completion).
    func names(_ kind: Kind, scope: String? = nil) -> [String] {
        var seen = Set<String>()
        return definitions.filter { $0.kind == kind && (scope == nil || $0.scope == scope) }.map(\.name)
            .filter { seen.insert($0).inserted }.sorted()
    }

    /// The definition or reference whose scalar contains the position (line 1-based, scalar column 0-based).
    func entry(at line: Int, column: Int, in text: DocumentText) -> (entry: Entry, isDefinition: Bool)? {
        func hit(_ e: Entry) -> Bool {
            guard e.location.line == line else { return false }
            let start = e.location.column - 1
            return column >= start && column <= text.tokenEnd(line: line - 1, from: start)
        }
        if let d = definitions.first(where: hit) { return (d, true) }
        if let r = references.first(where: hit) { return (r, false) }
        return nil
    }

    /// Where `entry` (a reference or a definition) is defined.
    func definitions(of entry: Entry) -> [Entry] {
        definitions
            .filter { $0.kind == entry.kind && $0.name == entry.name && (entry.scope == nil || $0.scope == nil || $0.scope == entry.scope) }
    }

    /// Every reference to what `entry` names.
    func references(to entry: Entry) -> [Entry] {
        let targets = definitions(of: entry)
        return references.filter { r in
            r.kind == entry.kind && r.name == entry.name
                && (r.scope == nil || targets.isEmpty || targets.contains { $0.scope == nil || $0.scope == r.scope })
        }
    }
}
