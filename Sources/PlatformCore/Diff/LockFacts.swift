/// The cost and node counts a side's `platform.lock.json` records. The shape read (documented
/// in docs/diff-json.md; keys other than these are ignored):
/// ```json
/// { "cost": { "currency": "USD", "monthlyTotal": 123.4,
///             "teams": { "search": { "monthly": 100.0 } } },   // or "search": 100.0
///   "placement": [ { "cluster": "prod", "pool": "h100", "nodes": 2, … } ] }
/// ```
/// A field the lock lacks is nil and prints as "n/a".
public struct LockFacts: Hashable, Sendable {
    public var currency: String?
    public var monthlyTotal: Double?
    public var monthlyByTeam: [String: Double]
    /// Nodes per (cluster, pool), the highest count any placement entry gives.
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
        monthlyTotal = cost.flatMap { Self.number($0["monthlyTotal"] ?? $0["total"]) }
        var teams: [String: Double] = [:]
        for entry in cost?["teams"]?.mapValue ?? ManifestMap() {
            if let amount = Self.number(entry.value) ?? Self.number(entry.value["monthly"]) { teams[entry.key] = amount }
        }
        monthlyByTeam = teams
        var nodes: [PoolKey: Int] = [:]
        for item in lock["placement"]?.listValue ?? [] {
            guard let cluster = item["cluster"]?.stringValue, let pool = item["pool"]?.stringValue,
                  let count = item["nodes"]?.intValue else { continue }
            let key = PoolKey(cluster: cluster, pool: pool)
            nodes[key] = max(nodes[key] ?? 0, Int(count))
        }
        nodesByPool = nodes
    }

    private static func number(_ value: ManifestValue?) -> Double? {
        switch value {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        default: return nil
        }
    }
}
