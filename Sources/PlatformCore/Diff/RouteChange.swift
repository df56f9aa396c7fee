/// An HTTPRoute whose hops differ between base and head (added, removed, or sending traffic
/// elsewhere or in other shares): what the PR comment's route diagram draws.
public struct RouteChange: Hashable, Sendable {
    public var key: ResourceKey
    public var base: RouteHops?
    public var head: RouteHops?

    /// The routes of the two snapshots whose hops differ, in key order. Only objects that differ
    /// are looked at, so a diff of a large fleet stays linear in what changed.
    static func changes(_ base: PlatformSnapshot, _ head: PlatformSnapshot) -> [RouteChange] {
        let keys = Set(base.resources.keys).union(head.resources.keys).filter { $0.id.kind == "HTTPRoute" }.sorted()
        return keys.compactMap { key in
            let old = base.resources[key].flatMap { RouteHops($0, cluster: key.cluster) }
            let new = head.resources[key].flatMap { RouteHops($0, cluster: key.cluster) }
            guard old != nil || new != nil, old != new else { return nil }
            return RouteChange(key: key, base: old, head: new)
        }
    }
}
