/// Every object the emitters produced, per cluster: clusters in byte order of their names, each
/// cluster's objects sorted by `ManifestID`, so the order never depends on emission order.
/// No cluster holds two objects with the same id; `insert` refuses the second.
///
/// The GitOps engine's own objects (the Argo CD ApplicationSet, the Flux Kustomizations) are in
/// the same set, in `fleet`: grouped by the folder at the tree root they are rendered to
/// (`argocd`, `flux/<cluster>`) rather than by cluster, so what reads workload clusters
/// (`clusters`) never meets them, and what reads every object (`groups`) does.
package struct ManifestSet: Hashable, Sendable {
    /// One cluster's objects (or one fleet folder's), sorted by id.
    package struct Cluster: Hashable, Sendable {
        /// The cluster's name, or the fleet folder's path (`argocd`, `flux/prod-use1`).
        package var name: String
        /// True for a fleet folder (`ManifestSet.fleet`).
        package fileprivate(set) var isFleet = false
        package fileprivate(set) var manifests: [Manifest]
        /// `manifests[i].id`, kept so inserts do not recompute ids.
        fileprivate var ids: [ManifestID]

        fileprivate init(name: String, isFleet: Bool = false) {
            self.name = name
            self.isFleet = isFleet
            manifests = []
            ids = []
        }

        /// Where its objects live, as diagnostics say it: cluster `c` or fleet folder `argocd`.
        package var place: String { isFleet ? "fleet folder `\(name)`" : "cluster `\(name)`" }

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
    /// The GitOps engine's folders at the tree root, in byte order of their paths.
    package private(set) var fleet: [Cluster] = []

    /// Every group of objects: the clusters, then the fleet folders.
    package var groups: [Cluster] { clusters + fleet }

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
        let index = Self.index(of: cluster, in: &clusters, isFleet: false)
        guard let existing = clusters[index].insert(manifest, id: id) else { return nil }
        return Duplicate(cluster: cluster, id: id, kept: existing, refused: manifest)
    }

    /// Adds one of the GitOps engine's objects to the fleet folder `folder` (a path relative to
    /// the tree root); returns the duplicate instead when the folder already holds its id.
    @discardableResult
    package mutating func insert(_ manifest: Manifest, id: ManifestID, intoFleetFolder folder: String) -> Duplicate? {
        let index = Self.index(of: folder, in: &fleet, isFleet: true)
        guard let existing = fleet[index].insert(manifest, id: id) else { return nil }
        return Duplicate(cluster: folder, id: id, kept: existing, refused: manifest)
    }

    /// Adds an empty fleet folder, so its kustomization is still rendered.
    package mutating func addFleetFolder(_ folder: String) { _ = Self.index(of: folder, in: &fleet, isFleet: true) }

    /// The set with `transform` applied to every object, clusters on all cores. `transform` must
    /// keep each object's id (it may change anything else), so the order stays as it is.
    package func mapManifests(_ transform: @Sendable (Manifest) -> Manifest) -> ManifestSet {
        let mapped = groups.concurrentMap { cluster in
            var mapped = cluster
            mapped.manifests = cluster.manifests.map(transform)
            assert(mapped.manifests.map(\.id) == cluster.ids, "mapManifests changed an object's id")
            return mapped
        }
        var result = self
        result.clusters = Array(mapped[..<clusters.count])
        result.fleet = Array(mapped[clusters.count...])
        return result
    }

    /// Adds an empty cluster, so its directory and kustomization are still rendered.
    package mutating func addCluster(_ cluster: String) { _ = Self.index(of: cluster, in: &clusters, isFleet: false) }

    /// The objects of `cluster` in id order; empty for an unknown cluster.
    package func manifests(in cluster: String) -> [Manifest] {
        clusters.first { $0.name == cluster }?.manifests ?? []
    }

    /// Number of objects over all clusters and fleet folders.
    package var count: Int { groups.reduce(0) { $0 + $1.manifests.count } }

    private static func index(of name: String, in groups: inout [Cluster], isFleet: Bool) -> Int {
        if let index = groups.firstIndex(where: { $0.name == name }) { return index }
        let index = groups.firstIndex { name.precedesInByteOrder($0.name) } ?? groups.count
        groups.insert(Cluster(name: name, isFleet: isFleet), at: index)
        return index
    }
}
