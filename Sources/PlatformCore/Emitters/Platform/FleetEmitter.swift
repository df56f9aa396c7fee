/// Files beside `clusters/` in the rendered tree (the engine's wiring, the lock file): they are not
/// Kubernetes objects of any one cluster, so they are computed from the plan and the finished set.
package protocol TreeFileEmitter: Sendable {
    /// Relative path → contents.
    func files(_ plan: PlannedPlatform, manifests: ManifestSet) -> [String: String]
}

/// How each cluster pulls its folder, per `gitops.engine`, with cluster-scoped objects first:
/// - Argo CD: one ApplicationSet whose git directory generator makes an Application per
///   `clusters/*` folder (destination: the Argo CD cluster of the same name); cluster-scoped
///   objects carry sync wave -1 (`syncWaves`), so they apply before namespaced ones.
/// - Flux: per cluster, a Kustomization for its `_cluster` folder and one per namespace folder
///   that `dependsOn` it; `flux/<cluster>/` is what that cluster's Flux reconciles.
package struct FleetEmitter: TreeFileEmitter {
    package static let syncWaveAnnotation = "argocd.argoproj.io/sync-wave"
    package static let argoNamespace = "argocd"
    package static let fluxNamespace = "flux-system"
    /// The GitRepository `flux bootstrap` creates, which every Kustomization reads from.
    package static let fluxSource = "flux-system"

    package init() {}

    /// The Flux Kustomization of one namespace folder (also Flux's `kustomize.toolkit.fluxcd.io/name` label on what it applies).
    package static func fluxKustomizationName(namespace: String) -> String { "platform-\(namespace)" }

    package func files(_ plan: PlannedPlatform, manifests: ManifestSet) -> [String: String] {
        let p = plan.platform
        let labels = PlatformLabels.common(p)
        switch p.gitops.engine {
        case .argocd:
            let set = applicationSet(p, labels: labels)
            let file = "applicationset-\(set.name).yaml"
            return ["argocd/\(file)": YAMLRenderer.render(set), "argocd/kustomization.yaml": GitOpsLayout.kustomization([file])]
        case .flux:
            var files: [String: String] = [:]
            for cluster in manifests.clusters {
                let objects = fluxKustomizations(p, cluster: cluster, labels: labels)
                for object in objects { files["flux/\(cluster.name)/kustomization-\(object.name).yaml"] = YAMLRenderer.render(object) }
                files["flux/\(cluster.name)/kustomization.yaml"] = GitOpsLayout.kustomization(objects.map { "kustomization-\($0.name).yaml" }.sorted())
            }
            return files
        }
    }

    /// Cluster-scoped objects with sync wave -1 (Argo CD only; Flux orders by `dependsOn`).
    package static func syncWaves(_ set: ManifestSet, engine: GitOpsTarget.Engine) -> ManifestSet {
        guard engine == .argocd else { return set }
        return set.mapManifests { manifest in
            guard manifest.namespace == nil else { return manifest }
            var annotated = manifest
            var metadata = manifest.object["metadata"]?.mapValue ?? ManifestMap()
            var annotations = metadata["annotations"]?.mapValue ?? ManifestMap()
            annotations[syncWaveAnnotation] = "-1"
            metadata["annotations"] = .map(annotations)
            annotated.object["metadata"] = .map(metadata)
            return annotated
        }
    }

    func applicationSet(_ p: Platform, labels: ManifestMap) -> Manifest {
        let root = p.gitops.path.isEmpty ? "*" : "\(p.gitops.path)/*"
        return Manifest(apiVersion: "argoproj.io/v1alpha1", kind: "ApplicationSet", name: p.name, namespace: Self.argoNamespace,
                        labels: labels, body: ["spec": [
                            "goTemplate": true,
                            "goTemplateOptions": ["missingkey=error"],
                            "generators": [["git": ["repoURL": .string(p.gitops.engineURL), "revision": .string(p.gitops.branch),
                                                    "directories": [["path": .string(root)]]]]],
                            "template": [
                                "metadata": ["name": "{{.path.basename}}", "labels": .map(labels)],
                                "spec": [
                                    "project": "default",
                                    "source": ["repoURL": .string(p.gitops.engineURL), "targetRevision": .string(p.gitops.branch), "path": "{{.path.path}}"],
                                    "destination": ["name": "{{.path.basename}}"],
                                    "syncPolicy": [
                                        "automated": ["prune": true, "selfHeal": true],
                                        // Large CRD-backed objects (TrainJob, Agent) exceed client-side apply's annotation limit.
                                        "syncOptions": ["ServerSideApply=true"],
                                    ],
                                ],
                            ],
                        ]])
    }

    func fluxKustomizations(_ p: Platform, cluster: ManifestSet.Cluster, labels: ManifestMap) -> [Manifest] {
        let dir = p.gitops.path.isEmpty ? "./\(cluster.name)" : "./\(p.gitops.path)/\(cluster.name)"
        func kustomization(_ name: String, path: String, dependsOn: String?) -> Manifest {
            var spec: ManifestMap = [
                "interval": "10m", "prune": true, "wait": true, "timeout": "5m", "path": .string(path),
                "sourceRef": ["kind": "GitRepository", "name": .string(Self.fluxSource)],
            ]
            if let dependsOn { spec["dependsOn"] = [["name": .string(dependsOn)]] }
            return Manifest(apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", name: name,
                            namespace: Self.fluxNamespace, labels: labels, body: ["spec": .map(spec)])
        }
        let hasClusterScoped = cluster.manifests.contains { $0.namespace == nil }
        let base = "platform-cluster-scoped"
        var result: [Manifest] = []
        if hasClusterScoped { result.append(kustomization(base, path: "\(dir)/\(GitOpsLayout.clusterScopedFolder)", dependsOn: nil)) }
        let namespaces = Set(cluster.manifests.compactMap(\.namespace)).sorted { $0.precedesInByteOrder($1) }
        for namespace in namespaces {
            result.append(kustomization(Self.fluxKustomizationName(namespace: namespace), path: "\(dir)/\(namespace)", dependsOn: hasClusterScoped ? base : nil))
        }
        return result
    }
}
