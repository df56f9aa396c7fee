import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct GitOpsLayoutTests {
    static func sampleSet() -> ManifestSet {
        var set = ManifestSet()
        set.insert(Manifest(apiVersion: "v1", kind: "Namespace", name: "search",
                            labels: ["platformc.dev/team": "search"]), into: "prod-use1")
        set.insert(Manifest(apiVersion: "v1", kind: "ResourceQuota", name: "gpu-quota", namespace: "search",
                            body: ["spec": ["hard": ["requests.nvidia.com/gpu": "32"]]]), into: "prod-use1")
        set.insert(Manifest(apiVersion: "v1", kind: "ConfigMap", name: "settings", namespace: "search",
                            body: ["data": ["enabled": "yes", "mode": "0755", "script": "set -e\necho ok\n"]]), into: "prod-use1")
        set.insert(Manifest(apiVersion: "v1", kind: "Namespace", name: "research"), into: "prod-use1")
        set.insert(Manifest(apiVersion: "v1", kind: "ConfigMap", name: "settings", namespace: "research",
                            body: ["data": ["replicas": "1"]]), into: "prod-use1")
        set.addCluster("empty")
        return set
    }

    @Test func objectPathsAreWhereRenderWritesEachObject() {
        var set = Self.sampleSet()
        // Two kinds sharing a lower-case name in one folder get group-qualified file names.
        set
            .insert(Manifest(apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", name: "edge", namespace: "search"),
                into: "prod-use1")
        set.insert(Manifest(apiVersion: "networking.istio.io/v1", kind: "Gateway", name: "edge", namespace: "search"), into: "prod-use1")
        for root in ["clusters", "deploy/clusters", ""] {
            let tree = GitOpsLayout.render(set, root: root)
            let objects = GitOpsLayout.objectPaths(set, root: root)
            #expect(objects.count == set.count)
            for (path, manifest) in objects {
                #expect(tree.files[path] == YAMLRenderer.render(manifest), "\(path)")
            }
            // Every other file of the tree is a kustomization.
            #expect(Set(tree.files.keys).subtracting(objects.keys).allSatisfy { $0.hasSuffix("kustomization.yaml") })
        }
    }

    @Test func layoutPathsAndKustomizations() {
        let tree = GitOpsLayout.render(Self.sampleSet())
        #expect(tree.paths == [
            "clusters/empty/kustomization.yaml",
            "clusters/prod-use1/_cluster/namespace-research.yaml",
            "clusters/prod-use1/_cluster/namespace-search.yaml",
            "clusters/prod-use1/kustomization.yaml",
            "clusters/prod-use1/research/configmap-settings.yaml",
            "clusters/prod-use1/research/kustomization.yaml",
            "clusters/prod-use1/search/configmap-settings.yaml",
            "clusters/prod-use1/search/kustomization.yaml",
            "clusters/prod-use1/search/resourcequota-gpu-quota.yaml",
        ])
        #expect(tree.sortedFiles.map(\.path) == tree.paths)
        #expect(tree.files["clusters/prod-use1/kustomization.yaml"] == """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
            - _cluster/namespace-research.yaml
            - _cluster/namespace-search.yaml
            - research
            - search

            """)
        #expect(tree.files["clusters/prod-use1/search/kustomization.yaml"] == """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
            - configmap-settings.yaml
            - resourcequota-gpu-quota.yaml

            """)
        #expect(tree.files["clusters/empty/kustomization.yaml"] == """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources: []

            """)
        #expect(tree.files["clusters/prod-use1/search/configmap-settings.yaml"] == """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: search
            data:
              enabled: 'yes'
              mode: '0755'
              script: |
                set -e
                echo ok

            """)
    }

    @Test func sameLowercaseKindFromTwoGroupsIsQualified() {
        var set = ManifestSet()
        set.insert(Manifest(apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", name: "web", namespace: "edge"), into: "c")
        set.insert(Manifest(apiVersion: "networking.istio.io/v1", kind: "Gateway", name: "web", namespace: "edge"), into: "c")
        set.insert(Manifest(apiVersion: "networking.istio.io/v1", kind: "Gateway", name: "api", namespace: "edge"), into: "c")
        set.insert(Manifest(apiVersion: "example.com/v1", kind: "GATEWAY", name: "web", namespace: "edge"), into: "c")
        set.insert(Manifest(apiVersion: "example.com/v1", kind: "Gateway", name: "web", namespace: "edge"), into: "c")
        let tree = GitOpsLayout.render(set, root: "out")
        #expect(tree.paths == [
            "out/c/edge/gateway-api.yaml",
            "out/c/edge/gateway-web_example.com.yaml",
            "out/c/edge/gateway-web_example.com_2.yaml",
            "out/c/edge/gateway-web_gateway.networking.k8s.io.yaml",
            "out/c/edge/gateway-web_networking.istio.io.yaml",
            "out/c/edge/kustomization.yaml",
            "out/c/kustomization.yaml",
        ])
        #expect(tree.files["out/c/edge/gateway-web_example.com.yaml"]?.contains("kind: GATEWAY") == true)
    }

    @Test(.needsKubectl) func kubectlKustomizeBuildsEveryCluster() throws {
        guard SharedTools.requireKubectl() else { return }
        let dir = try SharedTools.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SharedTools.write(GitOpsLayout.render(Self.sampleSet()).files, under: dir)
        let built = SharedTools.kustomizeBuild(dir.appendingPathComponent("clusters/prod-use1"))
        #expect(built.exitCode == 0, "\(built.output)")
        let documents = try built.output.components(separatedBy: "\n---\n").map { try ManifestValue.parse(yaml: $0) }
        #expect(documents.compactMap { $0.mapValue.flatMap(Manifest.init(object:))?.id.description } == [
            "Namespace research", "Namespace search", "ResourceQuota search/gpu-quota",
            "ConfigMap research/settings", "ConfigMap search/settings",
        ])
        #expect(documents.last?[path: ["data", "enabled"]] == "yes")
        let empty = SharedTools.kustomizeBuild(dir.appendingPathComponent("clusters/empty"))
        #expect(empty.exitCode == 0, "\(empty.output)")
    }

    @Test(.needsShared) func renderedObjectsPassStrictValidation() throws {
        guard let shared = SharedTools.requireShared() else { return }
        let dir = try SharedTools.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SharedTools.write(GitOpsLayout.render(Self.sampleSet()).files, under: dir)
        let result = SharedTools.validateManifests(directory: dir, shared: shared)
        #expect(result.exitCode == 0, "\(result.output)")
        #expect(result.output.hasSuffix("validate-manifests: 5 documents, 0 errors\n"), "\(result.output)")
    }

    @Test(.needsShared) func validationCatchesABadObject() throws {
        guard let shared = SharedTools.requireShared() else { return }
        let dir = try SharedTools.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = Manifest(apiVersion: "v1", kind: "ConfigMap", name: "Bad_Name", namespace: "ns",
            body: ["data": ["k": "v"], "spec": ["x": 1]])
        try SharedTools.write(["cm.yaml": YAMLRenderer.render(bad)], under: dir)
        let result = SharedTools.validateManifests(directory: dir, shared: shared)
        #expect(result.exitCode == 1, "\(result.output)")
        #expect(result.output.hasSuffix("validate-manifests: 1 documents, 2 errors\n"), "\(result.output)")
    }
}

/// kubectl (Go's YAML reader, the one Kubernetes tooling uses) reads every tricky string back as
/// the same string.
@Suite struct KubectlReadsRenderedStringsTests {
    /// DEL, C1 controls and U+FFFE/U+FFFF: kustomize reads them but writes them back raw and then
    /// refuses its own output ("control characters are not allowed"), however they are quoted;
    /// NEL it writes raw inside single quotes, where libyaml folds it into a space.
    static func kustomizeCannotReEmit(_ string: String) -> Bool {
        string.unicodeScalars.contains { scalar in
            (scalar.value >= 0x7F && scalar.value <= 0x9F) || scalar.value >= 0xFFFE && scalar.value <= 0xFFFF
        }
    }

    @Test(.needsKubectl) func configMapDataSurvivesKustomize() throws {
        guard SharedTools.requireKubectl() else { return }
        var data = ManifestMap()
        for (index, string) in YAMLRoundTripTests.trickyStrings.enumerated() where !Self.kustomizeCannotReEmit(string) {
            data["k\(index)"] = .string(string)
        }
        #expect(data.count == YAMLRoundTripTests.trickyStrings.count - 4)
        var set = ManifestSet()
        set.insert(Manifest(apiVersion: "v1", kind: "ConfigMap", name: "tricky", namespace: "ns", body: ["data": .map(data)]), into: "c")
        let dir = try SharedTools.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SharedTools.write(GitOpsLayout.render(set).files, under: dir)
        let built = SharedTools.kustomizeBuild(dir.appendingPathComponent("clusters/c"))
        #expect(built.exitCode == 0, "\(built.output)")
        let parsed = try ManifestValue.parse(yaml: built.output)
        for entry in data {
            #expect(parsed[path: ["data", .key(entry.key)]] == entry.value, "\(entry.key)")
        }
    }
}
