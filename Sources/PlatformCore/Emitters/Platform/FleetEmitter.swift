/// How each cluster pulls its folder, per `gitops.engine`, with cluster-scoped objects first:
/// - Argo CD: one ApplicationSet whose git directory generator makes an Application per
///   `clusters/*` folder (destination: the Argo CD cluster of the same name); cluster-scoped
///   objects carry sync wave -1 (`syncWaves`), so they apply before namespaced ones.
/// - Flux: per cluster, a Kustomization for its `_cluster` folder and one per namespace folder
///   that `dependsOn` it; `flux/<cluster>/` is what that cluster's Flux reconciles.
/// These objects go into the `ManifestSet`'s fleet folders (`argocd`, `flux/<cluster>`), merged
/// onto the templates `argocd/applicationset` and `flux/kustomization`, so the audits and the
/// diff see them as they see every other object. They depend on every cluster's objects (Flux
/// has one Kustomization per namespace folder), so the fleet emitter runs after the others.
package struct FleetEmitter: Sendable {
    package static let syncWaveAnnotation = "argocd.argoproj.io/sync-wave"
    package static let argoNamespace = "argocd"
    package static let fluxNamespace = "flux-system"
    /// The GitRepository `flux bootstrap` creates, which every Kustomization reads from.
    package static let fluxSource = "flux-system"
    /// The fleet folder of Argo CD's objects, at the tree root.
    package static let argoFolder = "argocd"

    package init() {}

    /// The Flux Kustomization of one namespace folder (also Flux's `kustomize.toolkit.fluxcd.io/name` label on what it applies).
    package static func fluxKustomizationName(namespace: String) -> String { "platform-\(namespace)" }

    /// The fleet folder of one cluster's Flux objects, at the tree root.
    package static func fluxFolder(cluster: String) -> String { "flux/\(cluster)" }

    /// The engine's objects for the workload clusters of `manifests`.
    package func emit(_ plan: PlannedPlatform, manifests: ManifestSet, into context: inout EmitContext) {
        let p = plan.platform
        let labels = PlatformLabels.common(p)
        switch p.gitops.engine {
        case .argocd:
            context.addFleetFolder(Self.argoFolder)
            context.add(applicationSet(p, labels: labels), toFleetFolder: Self.argoFolder, template: "argocd/applicationset")
        case .flux:
            for cluster in manifests.clusters {
                let folder = Self.fluxFolder(cluster: cluster.name)
                context.addFleetFolder(folder)
                for object in fluxKustomizations(p, cluster: cluster, labels: labels) {
                    context.add(object, toFleetFolder: folder, template: "flux/kustomization")
                }
            }
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
                                    "source": ["repoURL": .string(p.gitops.engineURL), "targetRevision": .string(p.gitops.branch),
                                        "path": "{{.path.path}}"],
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
            result
                .append(kustomization(Self.fluxKustomizationName(namespace: namespace), path: "\(dir)/\(namespace)",
                    dependsOn: hasClusterScoped ? base : nil))
        }
        return result
    }
}
