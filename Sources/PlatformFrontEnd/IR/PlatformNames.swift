/// Where each named entity of a `Platform` sits in its list, so that `Platform.model(_:)` and its
/// siblings find a name without scanning: checks and emitters look names up per route, model, agent
/// and pool, and a linear search there made `check` of a 5,000-node fleet quadratic (1,500 routes ×
/// 2,000 models, each step copying a `Model`). Built once the lists are final (`Platform.indexNames()`);
/// assigning to a list drops its positions (lookups then scan), so the index is never stale.
struct PlatformNames: Sendable {
    var teams: NamePositions?
    var models: NamePositions?
    var clusters: NamePositions?
    var providers: NamePositions?
    var mcpServers: NamePositions?
}

/// Name → position of its first element in a list (the one a linear `first { $0.name == name }` finds).
struct NamePositions: Sendable {
    private var positions: [String: Int] = [:]

    init(_ names: [String]) {
        positions.reserveCapacity(names.count)
        for (i, name) in names.enumerated() where positions[name] == nil { positions[name] = i }
    }

    func position(of name: String) -> Int? { positions[name] }
}

extension Platform {
    /// Indexes every list's names; call once the lists are final (the front end does, after lowering).
    package mutating func indexNames() {
        names = PlatformNames(teams: NamePositions(teams.map(\.name)), models: NamePositions(models.map(\.name)),
                              clusters: NamePositions(clusters.map(\.name)), providers: NamePositions(providers.map(\.name)),
                              mcpServers: NamePositions(mcpServers.map(\.name)))
    }

    package func team(_ name: String) -> Team? { Self.find(name, in: teams, names.teams, \.name) }
    package func model(_ name: String) -> Model? { Self.find(name, in: models, names.models, \.name) }
    package func cluster(_ name: String) -> Cluster? { Self.find(name, in: clusters, names.clusters, \.name) }
    package func provider(_ name: String) -> Provider? { Self.find(name, in: providers, names.providers, \.name) }
    package func mcpServer(_ name: String) -> MCPServer? { Self.find(name, in: mcpServers, names.mcpServers, \.name) }

    private static func find<Element>(_ name: String, in list: [Element], _ index: NamePositions?,
                                      _ key: (Element) -> String) -> Element? {
        guard let index else { return list.first { key($0) == name } }
        return index.position(of: name).map { list[$0] }
    }
}
