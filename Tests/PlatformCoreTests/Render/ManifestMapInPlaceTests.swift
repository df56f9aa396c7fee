import Testing
@testable import PlatformDocument

/// `ManifestMap` reads the keys' bytes in place and changes nested values in place (issue 18:
/// every field read of every audit goes through its lookup). Results and order stay those of a
/// plain search in byte order.
@Suite struct ManifestMapInPlaceTests {
    /// Small keys (stored inside the string) and long ones (on the heap), ASCII and not,
    /// prefixes of one another, and two spellings of `é` that `==` on String calls equal.
    static let keys = ["", "a", "ab", "abc", "B", "_", "é", "e\u{301}", "nvidia.com/gpu", "app.kubernetes.io/name",
                       "app.kubernetes.io/name-and-more", "zzzzzzzzzzzzzzz", "zzzzzzzzzzzzzzzz", "日本語のキー", "\u{10FFFF}"]

    @Test func lookupsFindEveryKeyByItsBytes() {
        var map = ManifestMap()
        for (index, key) in Self.keys.enumerated() { map[key] = .int(Int64(index)) }
        // As bytes: `==` on String would take the two `é` for one.
        #expect(map.keys.map { Array($0.utf8) } == Self.keys.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })
        for (index, key) in Self.keys.enumerated() {
            #expect(map[key] == .int(Int64(index)), "\(key)")
            #expect(map.contains(key))
        }
        for missing in ["aa", "A", "e", "app.kubernetes.io/nam", "zzzzzzzzzzzzzz", "zzzzzzzzzzzzzzzzz", "日本語", "\u{0}"] {
            #expect(map[missing] == nil, "\(missing)")
        }
    }

    @Test func literalsInAnyOrderGiveOneMap() {
        let pairs = Self.keys.enumerated().map { ($0.element, ManifestValue.int(Int64($0.offset))) }
        let forward = ManifestMap(pairs)
        #expect(ManifestMap(pairs.reversed()) == forward)
        #expect(ManifestMap(pairs.sorted { $0.0.precedesInByteOrder($1.0) }) == forward)
        // A later duplicate still replaces an earlier one, in order or not.
        #expect(ManifestMap([("a", 1), ("b", 2), ("a", 3)]) == ["a": 3, "b": 2])
        #expect(ManifestMap([("a", 1), ("b", 2), ("b", 3)]) == ["a": 1, "b": 3])
    }

    /// Where the entries of a map live: the same address after a change means no copy was made.
    private func storage(_ map: ManifestMap?) -> UnsafeRawPointer? {
        map?.entries.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func chainedSetsChangeTheNestedMapInPlace() {
        var object: ManifestMap = ["metadata": ["name": "x", "labels": ["a": "1", "b": "2"]], "spec": ["replicas": 1]]
        let labels = storage(object["metadata"]?["labels"]?.mapValue)
        let metadata = storage(object["metadata"]?.mapValue)
        object["metadata"]?["labels"]?["a"] = "changed"
        #expect(object["metadata"]?["labels"] == ["a": "changed", "b": "2"])
        #expect(storage(object["metadata"]?["labels"]?.mapValue) == labels)
        #expect(storage(object["metadata"]?.mapValue) == metadata)
        // A chain through a missing key changes nothing; one ending in nil removes the key.
        object["status"]?["x"] = 1
        object["metadata"]?["labels"]?["b"] = nil
        #expect(object == ["metadata": ["name": "x", "labels": ["a": "changed"]], "spec": ["replicas": 1]])
    }

    @Test func pathSetsChangeTheNestedMapsAndListsInPlace() {
        var value: ManifestValue = ["spec": ["containers": [["name": "a", "image": "v:1"], ["name": "b", "image": "v:1"]],
                                             "nodeSelector": ["gpu": "h100", "zone": "a"]]]
        let selector = storage(value[path: ["spec", "nodeSelector"]]?.mapValue)
        let container = storage(value[path: ["spec", "containers", 1]]?.mapValue)
        let containers = value[path: ["spec", "containers"]]?.listValue?.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        value[path: ["spec", "nodeSelector", "gpu"]] = "a100"
        value[path: ["spec", "containers", 1, "image"]] = "v:2"
        #expect(value[path: ["spec", "nodeSelector"]] == ["gpu": "a100", "zone": "a"])
        #expect(value[path: ["spec", "containers", 1]] == ["name": "b", "image": "v:2"])
        #expect(storage(value[path: ["spec", "nodeSelector"]]?.mapValue) == selector)
        #expect(storage(value[path: ["spec", "containers", 1]]?.mapValue) == container)
        #expect(value[path: ["spec", "containers"]]?.listValue?.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
                == containers)
    }

    @Test func groupOfAnyAPIVersion() {
        func group(_ apiVersion: String) -> String { Manifest(apiVersion: apiVersion, kind: "K", name: "n").group }
        #expect(group("apps/v1") == "apps")
        #expect(group("v1") == "")
        #expect(group("gateway.networking.k8s.io/v1") == "gateway.networking.k8s.io")
        #expect(group("grüße.example/v1") == "grüße.example")
        #expect(group("/v1") == "")
    }
}
