/// `platform.lock.json` at the tree root: what was compiled, by which compiler, and where every
/// workload was placed. Deterministic: keys sorted, no timestamps; cost is filled in by the cost pass.
public struct PlatformLockEmitter: TreeFileEmitter {
    public static let path = "platform.lock.json"

    public init() {}

    public func files(_ plan: PlannedPlatform, manifests: ManifestSet) -> [String: String] {
        [Self.path: PrettyJSON.render(Self.lock(plan, manifests: manifests)) + "\n"]
    }

    public static func lock(_ plan: PlannedPlatform, manifests: ManifestSet) -> ManifestValue {
        let p = plan.platform
        func assignment(_ a: PoolAssignment) -> ManifestValue {
            ["cluster": .string(a.cluster), "pool": .string(a.pool), "replicas": .int(Int64(a.replicas)),
             "nodes": .list(a.nodes.map(ManifestValue.string))]
        }
        var models = ManifestMap()
        for (name, list) in plan.modelAssignments { models[name] = .list(list.map(assignment)) }
        var jobs = ManifestMap()
        for (name, a) in plan.jobAssignments { jobs[name] = assignment(a) }
        var objects = ManifestMap()
        for cluster in manifests.clusters { objects[cluster.name] = .int(Int64(cluster.manifests.count)) }
        return [
            "lockVersion": 1,
            "platform": .string(p.name),
            "specDigest": .string("sha256:\(p.specDigest)"),
            "compiler": ["name": "platformc", "version": .string(PlatformcVersion.string)],
            "placement": ["models": .map(models), "training": .map(jobs)],
            "objects": .map(objects),
            "cost": plan.cost.map(CostReportJSON.summary) ?? .null,
        ]
    }
}

/// JSON with two-space indentation and keys in byte order, for files people review in PRs.
public enum PrettyJSON {
    public static func render(_ value: ManifestValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .list(let items) where !items.isEmpty:
            return "[\n" + items.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .map(let map) where !map.isEmpty:
            return "{\n" + map.entries.map { inner + ManifestValue.string($0.key).jsonText + ": " + render($0.value, indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        default:
            return value.jsonText
        }
    }
}
