import Foundation

/// One node as `kubectl get nodes -o json` shows it: name, labels and GPU capacity.
struct ObservedNode: Hashable {
    var name: String
    var labels: [String: String]
    var capacityGPUs: Int?

    /// Accepts a NodeList (`{"items": [...]}`), a single Node (`{"kind": "Node", "metadata": …}`), or a
    /// bare labels object (`{"nvidia.com/gpu.product": "…", …}`, as `.metadata.labels` prints), in JSON or YAML.
    static func parse(_ bytes: [UInt8]) throws -> [ObservedNode] {
        let object = try InventoryDocument.parse(bytes, what: "node list")
        guard let top = object as? [String: Any] else {
            throw InventoryImportError("node list must be an object (a NodeList, a Node or a labels map)")
        }
        if let items = top["items"] as? [Any] {
            return try items.enumerated().map { index, item in
                guard let object = item as? [String: Any] else { throw InventoryImportError("items[\(index)] is not an object") }
                return Self.node(from: object, fallbackName: "node-\(index + 1)")
            }
        }
        if top["metadata"] != nil || top["kind"] as? String == "Node" {
            return [node(from: top, fallbackName: "node-1")]
        }
        let labels = top.compactMapValues { $0 as? String }
        guard labels.count == top.count else {
            throw InventoryImportError("node list is neither a NodeList, a Node nor a labels map of strings")
        }
        return [ObservedNode(name: labels["kubernetes.io/hostname"] ?? "node-1", labels: labels, capacityGPUs: nil)]
    }

    private static func node(from object: [String: Any], fallbackName: String) -> ObservedNode {
        let metadata = object["metadata"] as? [String: Any] ?? [:]
        let labels = (metadata["labels"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
        let capacity = (object["status"] as? [String: Any])?["capacity"] as? [String: Any]
        let gpus = (capacity?["nvidia.com/gpu"] as? String).flatMap { Int($0) }
        return ObservedNode(name: metadata["name"] as? String ?? labels["kubernetes.io/hostname"] ?? fallbackName,
                            labels: labels, capacityGPUs: gpus)
    }
}
