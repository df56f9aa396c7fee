/// Every object the emitters produced, per cluster: clusters in byte order of their names, each
/// cluster's objects sorted by `ManifestID`, so the order never depends on emission order.
/// No cluster holds two objects with the same id; `insert` refuses the second.
package struct ManifestSet: Hashable, Sendable {
    /// One cluster's objects, sorted by id.
    package struct Cluster: Hashable, Sendable {
        package var name: String
        package fileprivate(set) var manifests: [Manifest]
        /// `manifests[i].id`, kept so inserts do not recompute ids.
        fileprivate var ids: [ManifestID]

        fileprivate init(name: String) {
            self.name = name
            manifests = []
            ids = []
        }

        /// Inserts keeping the id order; returns the object already holding the id, if any.
        fileprivate mutating func insert(_ manifest: Manifest, id: ManifestID) -> Manifest? {
            var low = 0
            var high = manifests.count
            while low < high {
                let mid = (low + high) / 2
                if ids[mid] < id { low = mid + 1 } else { high = mid }
            }
            if low < ids.count, ids[low] == id { return manifests[low] }
            manifests.insert(manifest, at: low)
            ids.insert(id, at: low)
            return nil
        }
    }

    /// Two objects of one cluster with the same id: the first was kept, the second refused.
    package struct Duplicate: Hashable, Sendable {
        package var cluster: String
        package var id: ManifestID
        package var kept: Manifest
        package var refused: Manifest
    }

    /// Clusters in byte order of their names.
    package private(set) var clusters: [Cluster] = []

    /// An empty set.
    package init() {}

    /// The set of `items` and the duplicates it refused, in the order they came.
    package static func collecting<S: Sequence>(_ items: S) -> (ManifestSet, [Duplicate])
    where S.Element == (cluster: String, manifest: Manifest) {
        var set = ManifestSet()
        var duplicates: [Duplicate] = []
        for item in items {
            if let duplicate = set.insert(item.manifest, into: item.cluster) { duplicates.append(duplicate) }
        }
        return (set, duplicates)
    }

    /// Adds `manifest` to `cluster` (creating the cluster); returns the duplicate instead of
    /// inserting when the cluster already holds an object with the same id.
    @discardableResult
    package mutating func insert(_ manifest: Manifest, into cluster: String) -> Duplicate? {
        insert(manifest, id: manifest.id, into: cluster)
    }

    /// `insert(_:into:)` with the object's id already worked out (`id` must be `manifest.id`).
    package mutating func insert(_ manifest: Manifest, id: ManifestID, into cluster: String) -> Duplicate? {
        let index = clusterIndex(cluster)
        guard let existing = clusters[index].insert(manifest, id: id) else { return nil }
        return Duplicate(cluster: cluster, id: id, kept: existing, refused: manifest)
    }

    /// The set with `transform` applied to every object, clusters on all cores. `transform` must
    /// keep each object's id (it may change anything else), so the order stays as it is.
    package func mapManifests(_ transform: @Sendable (Manifest) -> Manifest) -> ManifestSet {
        var result = self
        result.clusters = clusters.concurrentMap { cluster in
            var mapped = cluster
            mapped.manifests = cluster.manifests.map(transform)
            assert(mapped.manifests.map(\.id) == cluster.ids, "mapManifests changed an object's id")
            return mapped
        }
        return result
    }

    /// Adds an empty cluster, so its directory and kustomization are still rendered.
    package mutating func addCluster(_ cluster: String) { _ = clusterIndex(cluster) }

    /// The objects of `cluster` in id order; empty for an unknown cluster.
    package func manifests(in cluster: String) -> [Manifest] {
        clusters.first { $0.name == cluster }?.manifests ?? []
    }

    /// Number of objects over all clusters.
    package var count: Int { clusters.reduce(0) { $0 + $1.manifests.count } }

    private mutating func clusterIndex(_ name: String) -> Int {
        if let index = clusters.firstIndex(where: { $0.name == name }) { return index }
        let index = clusters.firstIndex { name.precedesInByteOrder($0.name) } ?? clusters.count
        clusters.insert(Cluster(name: name), at: index)
        return index
    }
}
