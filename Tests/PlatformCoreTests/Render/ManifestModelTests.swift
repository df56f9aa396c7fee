import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct ManifestModelTests {
    @Test func mapEqualityIgnoresInsertionOrder() {
        var a = ManifestMap()
        a["b"] = 1
        a["a"] = 2
        let b: ManifestMap = ["a": 2, "b": 1]
        #expect(a == b)
        #expect(a.keys == ["a", "b"])
    }

    @Test func mapKeysSortByBytes() {
        let map: ManifestMap = ["b": 1, "B": 2, "a": 3, "é": 4, "_": 5]
        #expect(map.keys == ["B", "_", "a", "b", "é"])
    }

    @Test func duplicateLiteralKeyKeepsTheLast() {
        let map: ManifestMap = ["a": 1, "a": 2]
        #expect(map.count == 1)
        #expect(map["a"] == 2)
    }

    @Test func settingNilRemovesKey() {
        var value: ManifestValue = ["a": 1, "b": 2]
        value["a"] = nil
        #expect(value == ["b": 2])
    }

    @Test func pathGetReadsThroughMapsAndLists() {
        let value: ManifestValue = ["spec": ["containers": [["name": "vllm", "image": "v:1"]]]]
        #expect(value[path: ["spec", "containers", 0, "image"]] == "v:1")
        #expect(value[path: ["spec", "containers", 1, "image"]] == nil)
        #expect(value[path: ["spec", "missing"]] == nil)
        #expect(value[path: []] == value)
    }

    @Test func pathSetCreatesIntermediateMaps() {
        var value = ManifestValue.emptyMap
        value[path: ["spec", "template", "spec", "nodeSelector", "gpu"]] = "h100"
        #expect(value == ["spec": ["template": ["spec": ["nodeSelector": ["gpu": "h100"]]]]])
    }

    @Test func pathSetReplacesListItemAndAppendsAtCount() {
        var value: ManifestValue = ["args": ["a", "b"]]
        value[path: ["args", 1]] = "B"
        value[path: ["args", 2]] = "c"
        value[path: ["args", 9]] = "ignored"
        #expect(value == ["args": ["a", "B", "c"]])
        value[path: ["args", 0]] = nil
        #expect(value == ["args": ["B", "c"]])
    }

    @Test func manifestAccessorsAndID() {
        let deployment = Manifest(apiVersion: "apps/v1", kind: "Deployment", name: "llama", namespace: "search",
                                  labels: ["team": "search"], body: ["spec": ["replicas": 2]])
        #expect(deployment.group == "apps")
        #expect(deployment.namespace == "search")
        #expect(deployment.labels == ["team": "search"])
        #expect(deployment.annotations.isEmpty)
        #expect(deployment.body == ["spec": ["replicas": 2]])
        #expect(deployment.id == ManifestID(group: "apps", kind: "Deployment", namespace: "search", name: "llama"))
        #expect(deployment.id.description == "Deployment.apps search/llama")
        let namespace = Manifest(apiVersion: "v1", kind: "Namespace", name: "search")
        #expect(namespace.group == "")
        #expect(namespace.id.description == "Namespace search")
    }

    @Test func manifestFromObjectNeedsIdentity() {
        #expect(Manifest(object: ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "x"]]) != nil)
        #expect(Manifest(object: ["apiVersion": "v1", "kind": "ConfigMap", "metadata": [:]]) == nil)
        #expect(Manifest(object: ["kind": "ConfigMap", "metadata": ["name": "x"]]) == nil)
    }

    @Test func idOrderIsGroupKindNamespaceName() {
        let ids = [
            ManifestID(group: "apps", kind: "Deployment", namespace: "a", name: "x"),
            ManifestID(group: "", kind: "Namespace", namespace: nil, name: "b"),
            ManifestID(group: "", kind: "ConfigMap", namespace: "b", name: "a"),
            ManifestID(group: "", kind: "ConfigMap", namespace: "a", name: "z"),
            ManifestID(group: "", kind: "ConfigMap", namespace: nil, name: "q"),
        ]
        #expect(ids.sorted().map(\.description) == [
            "ConfigMap q", "ConfigMap a/z", "ConfigMap b/a", "Namespace b", "Deployment.apps a/x",
        ])
    }

    @Test func manifestSetSortsAndRefusesDuplicates() {
        let first = Manifest(apiVersion: "v1", kind: "ConfigMap", name: "b", namespace: "ns", body: ["data": ["k": "1"]])
        let again = Manifest(apiVersion: "v1", kind: "ConfigMap", name: "b", namespace: "ns", body: ["data": ["k": "2"]])
        let other = Manifest(apiVersion: "v1", kind: "ConfigMap", name: "a", namespace: "ns")
        let (set, duplicates) = ManifestSet.collecting([
            (cluster: "west", manifest: first), (cluster: "east", manifest: again),
            (cluster: "west", manifest: other), (cluster: "west", manifest: again),
        ])
        #expect(set.clusters.map(\.name) == ["east", "west"])
        #expect(set.manifests(in: "west").map(\.name) == ["a", "b"])
        #expect(set.manifests(in: "west")[1] == first)
        #expect(set.count == 3)
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.cluster == "west")
        #expect(duplicates.first?.kept == first)
        #expect(duplicates.first?.refused == again)
    }

    @Test func mapManifestsKeepsClustersAndOrder() {
        var set = ManifestSet()
        set.addCluster("empty")
        for (cluster, name) in [("west", "b"), ("east", "z"), ("west", "a"), ("east", "c")] {
            set.insert(Manifest(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: "ns"), into: cluster)
        }
        let mapped = set.mapManifests { m in
            var m = m
            m.object["data"] = ["from": .string(m.name)]
            return m
        }
        #expect(mapped.clusters.map(\.name) == ["east", "empty", "west"])
        #expect(mapped.manifests(in: "east").map(\.name) == ["c", "z"])
        #expect(mapped.manifests(in: "west").map { $0.object["data"]?["from"]?.stringValue } == ["a", "b"])
        // Inserting still finds the mapped objects by id.
        var again = mapped
        #expect(again.insert(Manifest(apiVersion: "v1", kind: "ConfigMap", name: "a", namespace: "ns"), into: "west") != nil)
        #expect(again.insert(Manifest(apiVersion: "v1", kind: "ConfigMap", name: "m", namespace: "ns"), into: "west") == nil)
        #expect(again.manifests(in: "west").map(\.name) == ["a", "b", "m"])
    }

    @Test func jsonTextIsCompactAndSorted() {
        let value: ManifestValue = ["b": [1, 2.5, true, .null], "a": "q\"\n\u{1}"]
        #expect(value.jsonText == #"{"a":"q\"\n\u0001","b":[1,2.5,true,null]}"#)
    }

    @Test func parseRejectsDuplicateAndComplexKeys() {
        #expect(throws: ManifestParseError(message: "duplicate key in mapping", line: 2, column: 1)) {
            try ManifestValue.parse(yaml: "a: 1\na: 2\n")
        }
        #expect(throws: ManifestParseError(message: "mapping keys must be scalars", line: 1, column: 3)) {
            try ManifestValue.parse(yaml: "? [x]\n: 1\n")
        }
        #expect(throws: ManifestParseError.self) { try ManifestValue.parse(yaml: "a: [1\n") }
        #expect((try? ManifestValue.parse(yaml: "")) == .null)
    }
}
