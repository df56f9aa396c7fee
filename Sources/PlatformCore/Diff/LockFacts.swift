/// The cost and node counts a side's `platform.lock.json` records, in the shape
/// `PlatformLock` writes (documented in docs/diff-json.md; other keys are ignored):
/// ```json
/// { "cost": { "currency": "USD", "monthly": "1000.00",
///             "teams": { "search": { "monthly": "600.00", … } } },
///   "placement": { "models":   { "llama": [ { "cluster": "prod", "pool": "h100", "nodes": ["prod/h100/node-0"] } ] },
///                  "training": { "sft": { "cluster": "prod", "pool": "h100", "nodes": [ … ] } } } }
/// ```
/// Amounts are decimal strings (exact cents; plain numbers are read too). A field the lock
/// lacks is nil and prints as "n/a".
public struct LockFacts: Hashable, Sendable {
    public var currency: String?
    public var monthlyTotal: Double?
    public var monthlyByTeam: [String: Double]
    /// Nodes per (cluster, pool) that hold at least one placed replica or training gang.
    public var nodesByPool: [PoolKey: Int]

    public struct PoolKey: Hashable, Comparable, Sendable {
        public var cluster: String
        public var pool: String
        public static func < (a: PoolKey, b: PoolKey) -> Bool {
            a.cluster != b.cluster ? a.cluster.precedesInByteOrder(b.cluster) : a.pool.precedesInByteOrder(b.pool)
        }
    }

    public init(_ lock: ManifestValue) {
        let cost = lock["cost"]
        currency = cost?["currency"]?.stringValue
        monthlyTotal = Self.amount(cost?["monthly"])
        var teams: [String: Double] = [:]
        for entry in cost?["teams"]?.mapValue ?? ManifestMap() {
            if let amount = Self.amount(entry.value["monthly"]) { teams[entry.key] = amount }
        }
        monthlyByTeam = teams
        // A node serving several models (or a model and a gang) counts once.
        var nodes: [PoolKey: Set<String>] = [:]
        let placement = lock["placement"]
        let assignments = (placement?["models"]?.mapValue ?? ManifestMap()).flatMap { $0.value.listValue ?? [] }
            + (placement?["training"]?.mapValue ?? ManifestMap()).map(\.value)
        for assignment in assignments {
            guard let cluster = assignment["cluster"]?.stringValue, let pool = assignment["pool"]?.stringValue else { continue }
            let names = (assignment["nodes"]?.listValue ?? []).compactMap(\.stringValue)
            nodes[PoolKey(cluster: cluster, pool: pool), default: []].formUnion(names)
        }
        nodesByPool = nodes.mapValues(\.count)
    }

    private static func amount(_ value: ManifestValue?) -> Double? {
        switch value {
        case .string(let text)?: return Double(text)
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        default: return nil
        }
    }
}
