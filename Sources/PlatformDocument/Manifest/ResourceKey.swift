/// Where an object lives in the platform: its cluster and its Kubernetes identity. The diff keys
/// every object by it, ordered by cluster, then group, kind, namespace and name.
package struct ResourceKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The cluster folder the object was found in; "" for files outside the clusters root
    /// (the Argo CD or Flux objects that span clusters).
    package var cluster: String
    package var id: ManifestID

    package init(cluster: String, id: ManifestID) {
        self.cluster = cluster
        self.id = id
    }

    package static func < (lhs: ResourceKey, rhs: ResourceKey) -> Bool {
        if lhs.cluster != rhs.cluster { return lhs.cluster.precedesInByteOrder(rhs.cluster) }
        return lhs.id < rhs.id
    }

    /// The cluster as printed: its name, or `(global)` for objects outside every cluster.
    package var clusterLabel: String { cluster.isEmpty ? "(global)" : cluster }

    /// `cluster: Kind.group namespace/name`.
    package var description: String { "\(clusterLabel): \(id)" }
}
