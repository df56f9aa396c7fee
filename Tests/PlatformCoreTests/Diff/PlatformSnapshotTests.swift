import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
@testable import PlatformDiff

@Suite struct PlatformSnapshotTests {
    @Test func clustersComeFromTheFolderUnderTheRoot() {
        let snapshot = PlatformSnapshot(files: [
            "clusters/prod/search/configmap-a.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: search\n",
            "clusters/prod/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n",
            "argocd/applicationset-platform.yaml": """
                apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: platform\n  namespace: argocd\n
                """,
            "clusters/notes.txt": "hello\n",
        ])
        #expect(snapshot.sortedKeys.map(\.description) == [
            "(global): ApplicationSet.argoproj.io argocd/platform",
            "prod: ConfigMap search/a",
        ])
        #expect(snapshot.otherFiles.keys.sorted() == ["clusters/notes.txt", "clusters/prod/kustomization.yaml"])
    }

    @Test func nestedRootAndSeveralDocumentsPerFile() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n---\napiVersion: v1\nkind: ConfigMap\n"
            + "metadata: {name: b, namespace: x}\n"
        let snapshot = PlatformSnapshot(files: ["deploy/clusters/edge/x/all.yaml": text], root: "deploy/clusters")
        #expect(snapshot.sortedKeys.map(\.description) == ["edge: ConfigMap x/a", "edge: ConfigMap x/b"])
    }

    @Test func lockFileAndUnreadableFiles() {
        let snapshot = PlatformSnapshot(files: [
            "platform.lock.json": #"{"cost": {"monthly": 12.5}}"#,
            "clusters/prod/x/broken.yaml": "a: [1, 2\n",
        ])
        #expect(snapshot.lock?.cost?.monthly == "12.5")
        #expect(snapshot.unreadable.keys.sorted() == ["clusters/prod/x/broken.yaml"])
        // A broken file is still compared as text.
        #expect(snapshot.otherFiles["clusters/prod/x/broken.yaml"] == "a: [1, 2\n")
    }

    @Test func clusterOfAPathMatchesSplittingIntoFolders() {
        // The cluster is the folder right under the root, when a file lies below it.
        func bySplitting(_ path: String, _ root: String) -> String {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let rootParts = root.split(separator: "/").map(String.init)
            guard parts.count > rootParts.count + 1, Array(parts.prefix(rootParts.count)) == rootParts else { return "" }
            return parts[rootParts.count]
        }
        let paths = ["clusters/prod/x/a.yaml", "clusters/prod/kustomization.yaml", "clusters/prod", "clusters/notes.txt",
                     "clusters//x.yaml",
                     "clustersX/prod/a.yaml", "argocd/app.yaml", "deploy/clusters/edge/x/all.yaml", "deploy/clusters/edge",
                     "platform.lock.json",
                     "a/b/c/d", "/clusters/prod/a.yaml", "clusters/prod/", ""]
        for root in ["clusters", "deploy/clusters", "deploy//clusters", "", "a/b"] {
            for path in paths {
                #expect(PlatformSnapshot.cluster(of: path, root: root) == bySplitting(path, root), "\(path) under \(root)")
            }
        }
        #expect(PlatformSnapshot.cluster(of: "deploy/clusters/edge/x/all.yaml", root: "deploy/clusters") == "edge")
    }
}
