/// Where an object lives in the platform: its cluster and its Kubernetes identity. The diff keys
/// every object by it, ordered by cluster, then group, kind, namespace and name.
public struct ResourceKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The cluster folder the object was found in; "" for files outside the clusters root
    /// (the Argo CD or Flux objects that span clusters).
    public var cluster: String
    public var id: ManifestID

    public init(cluster: String, id: ManifestID) {
        self.cluster = cluster
        self.id = id
    }

    public static func < (lhs: ResourceKey, rhs: ResourceKey) -> Bool {
        if lhs.cluster != rhs.cluster { return lhs.cluster.precedesInByteOrder(rhs.cluster) }
        return lhs.id < rhs.id
    }

    /// The cluster as printed: its name, or `(global)` for objects outside every cluster.
    public var clusterLabel: String { cluster.isEmpty ? "(global)" : cluster }

    /// `cluster: Kind.group namespace/name`.
    public var description: String { "\(clusterLabel): \(id)" }
}
