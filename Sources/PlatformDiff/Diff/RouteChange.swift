/// An HTTPRoute whose hops differ between base and head (added, removed, or sending traffic
/// elsewhere or in other shares): what the PR comment's route diagram draws.
package struct RouteChange: Hashable, Sendable {
    package var key: ResourceKey
    package var base: RouteHops?
    package var head: RouteHops?

    /// The routes of the two snapshots whose hops differ, in key order. Only objects that differ
    /// are looked at, so a diff of a large fleet stays linear in what changed.
    static func changes(_ base: PlatformSnapshot, _ head: PlatformSnapshot) -> [RouteChange] {
        let keys = Set(base.resources.keys).union(head.resources.keys).filter { $0.id.kind == "HTTPRoute" }.sorted()
        return keys.compactMap { key in
            let old = base.resources[key].flatMap { RouteHops($0, cluster: key.cluster) }
            let new = head.resources[key].flatMap { RouteHops($0, cluster: key.cluster) }
            guard old != nil || new != nil, old != new else { return nil }
            return RouteChange(key: key, base: old, head: new)
        } + liteLLMChanges(base, head)
    }

    /// Through LiteLLM an HTTPRoute names only LiteLLM's Service; the shares live in LiteLLM's
    /// `model_list`. Each model name whose backends or shares differ is a change of its own.
    static func liteLLMChanges(_ base: PlatformSnapshot, _ head: PlatformSnapshot) -> [RouteChange] {
        let keys = Set(base.resources.keys).union(head.resources.keys).filter {
            $0.id.kind == "ConfigMap" && $0.id.name == Conventions.liteLLMName && $0.id.namespace == Conventions.systemNamespace
        }.sorted()
        var out: [RouteChange] = []
        for key in keys {
            guard base.resources[key] != head.resources[key] else { continue }
            func models(_ snapshot: PlatformSnapshot) -> [String: [RouteHops.Backend]] {
                guard let map = snapshot.resources[key] else { return [:] }
                return RouteHops.liteLLMModels(map) { pool in
                    snapshot.resources
                        .first { $0.key.cluster == key.cluster && $0.key.id.kind == "InferencePool" && $0.key.id.name == pool }?
                        .key.id.namespace
                }
            }
            let old = models(base), new = models(head)
            for model in Set(old.keys).union(new.keys).sorted() where old[model] != new[model] {
                out
                    .append(RouteChange(key: key,
                        base: old[model].map { RouteHops(liteLLMModel: model, backends: $0, cluster: key.cluster) },
                                       head: new[model].map { RouteHops(liteLLMModel: model, backends: $0, cluster: key.cluster) }))
            }
        }
        return out
    }
}
