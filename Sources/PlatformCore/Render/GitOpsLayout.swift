/// DESIGN.md's GitOps layout:
/// ```
/// <root>/<cluster>/kustomization.yaml            _cluster/ files first, then namespace folders
/// <root>/<cluster>/_cluster/<kind>-<name>.yaml    cluster-scoped objects
/// <root>/<cluster>/<namespace>/<kind>-<name>.yaml namespaced objects, one per file
/// <root>/<cluster>/<namespace>/kustomization.yaml its files, sorted
/// ```
/// The GitOps engine's objects (`ManifestSet.fleet`) are rendered at the tree root, outside
/// `<root>`, one flat folder each with its kustomization:
/// ```
/// argocd/<kind>-<name>.yaml, argocd/kustomization.yaml                  Argo CD
/// flux/<cluster>/<kind>-<name>.yaml, flux/<cluster>/kustomization.yaml  Flux
/// ```
/// `<kind>` is the kind in lower case. When two objects of one folder would share a file name
/// (same lower-case kind from different API groups, e.g. Gateway API's and Istio's `Gateway`),
/// each of them is named `<kind>-<name>_<group>.yaml` (`core` for the core group); `_` appears in
/// no kind, name or group, so these never collide with other names. Should that still collide
/// (kinds differing only in case within one group), an ordinal `_2`, `_3`… in id order follows.
package enum GitOpsLayout {
    /// The folder of cluster-scoped objects; `_` keeps it apart from every namespace name.
    package static let clusterScopedFolder = "_cluster"

    /// Every cluster of `manifests` as files under `root`.
    package static func render(_ manifests: ManifestSet, root: String = "clusters") -> RenderedTree {
        // Clusters are rendered on all cores; their paths are disjoint, so merging is order-free.
        var files: [String: String] = [:]
        for clusterFiles in manifests.clusters.concurrentMap({ render($0, root: root) }) {
            files.merge(clusterFiles) { first, _ in first }
        }
        for folder in manifests.fleet {
            let named = fileNames(for: folder.manifests)
            for (name, manifest) in named { files["\(folder.name)/\(name)"] = YAMLRenderer.render(manifest) }
            files["\(folder.name)/kustomization.yaml"] = kustomization(named.map(\.name).sorted { $0.precedesInByteOrder($1) })
        }
        return RenderedTree(files: files)
    }

    /// The file each object of `manifests` is rendered to by `render` (path → object): a diff
    /// against a fresh compile reads the objects of unchanged files from here instead of parsing them.
    package static func objectPaths(_ manifests: ManifestSet, root: String = "clusters") -> [String: Manifest] {
        let clusters = manifests.clusters.concurrentMap { cluster in
            let clusterDir = directory(of: cluster, root: root)
            return namedFolders(of: cluster).flatMap { folder, named in
                named.map { (path: "\(clusterDir)/\(folder)/\($0.name)", manifest: $0.manifest) }
            }
        }
        var paths: [String: Manifest] = [:]
        paths.reserveCapacity(manifests.count)
        for (path, manifest) in clusters.joined() { paths[path] = manifest }
        for folder in manifests.fleet {
            for (name, manifest) in fileNames(for: folder.manifests) { paths["\(folder.name)/\(name)"] = manifest }
        }
        return paths
    }

    private static func render(_ cluster: ManifestSet.Cluster, root: String) -> [String: String] {
        var files: [String: String] = [:]
        let clusterDir = directory(of: cluster, root: root)
        var clusterResources: [String] = []
        var namespaceFolders: [String] = []
        for (folder, named) in namedFolders(of: cluster) {
            for (name, manifest) in named {
                files["\(clusterDir)/\(folder)/\(name)"] = YAMLRenderer.render(manifest)
            }
            let names = named.map(\.name).sorted { $0.precedesInByteOrder($1) }
            if folder == clusterScopedFolder {
                clusterResources = names.map { "\(folder)/\($0)" }
            } else {
                files["\(clusterDir)/\(folder)/kustomization.yaml"] = kustomization(names)
                namespaceFolders.append(folder)
            }
        }
        files["\(clusterDir)/kustomization.yaml"] = kustomization(clusterResources + namespaceFolders)
        return files
    }

    private static func directory(of cluster: ManifestSet.Cluster, root: String) -> String {
        root.isEmpty ? cluster.name : "\(root)/\(cluster.name)"
    }

    /// The folders of a cluster in byte order (`_cluster` or the namespace), each with its
    /// objects and their file names.
    private static func namedFolders(of cluster: ManifestSet.Cluster) -> [(folder: String, named: [(name: String, manifest: Manifest)])] {
        var folders: [String: [Manifest]] = [:]
        for manifest in cluster.manifests {
            folders[manifest.namespace ?? clusterScopedFolder, default: []].append(manifest)
        }
        return folders.keys.sorted(by: { $0.precedesInByteOrder($1) }).map { ($0, fileNames(for: folders[$0] ?? [])) }
    }

    /// A kustomize.config.k8s.io/v1beta1 Kustomization listing `resources` in the given order.
    package static func kustomization(_ resources: [String]) -> String {
        YAMLRenderer.render([
            "apiVersion": "kustomize.config.k8s.io/v1beta1",
            "kind": "Kustomization",
            "resources": .list(resources.map(ManifestValue.string)),
        ])
    }

    /// Collision-free file names for the objects of one folder (given in id order).
    static func fileNames(for manifests: [Manifest]) -> [(name: String, manifest: Manifest)] {
        let short = manifests.map { "\($0.kind.lowercased())-\($0.name)" }
        var shortCount: [String: Int] = [:]
        for name in short { shortCount[name, default: 0] += 1 }
        let qualified = zip(manifests, short).map { manifest, name -> String in
            guard shortCount[name, default: 0] > 1 else { return name }
            return "\(name)_\(manifest.group.isEmpty ? "core" : manifest.group)"
        }
        var seen: [String: Int] = [:]
        var result: [(name: String, manifest: Manifest)] = []
        for (manifest, name) in zip(manifests, qualified) {
            let ordinal = (seen[name] ?? 0) + 1
            seen[name] = ordinal
            result.append((ordinal == 1 ? "\(name).yaml" : "\(name)_\(ordinal).yaml", manifest))
        }
        return result
    }
}
