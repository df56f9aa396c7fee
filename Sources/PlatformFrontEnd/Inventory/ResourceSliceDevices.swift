import Foundation

/// What the NVIDIA DRA driver (`gpu.nvidia.com`) publishes for one node, read from `resource.k8s.io/v1`
/// ResourceSlices: `spec.driver`, `spec.nodeName`, `spec.pool{name,generation,resourceSliceCount}` and
/// `spec.devices[]{name, attributes{key: {string|int|bool|version}}, capacity{key: {value}}}`.
struct ResourceSliceDevices: Hashable {
    struct Device: Hashable {
        var name: String
        var type: String?             // "gpu" | "mig" | "vfio"
        var productName: String?
        var profile: String?          // MIG only, "1g.10gb"
        var memory: String?           // capacity quantity, "80Gi"
    }

    static let driver = "gpu.nvidia.com"

    /// Devices of the NVIDIA GPU driver by node name. Slices of other drivers are ignored; a node's
    /// devices can span several slices of its pool. Only the newest `pool.generation` of a pool counts.
    static func parse(_ bytes: [UInt8]) throws -> [String: [Device]] {
        let object = try InventoryDocument.parse(bytes, what: "ResourceSlice list")
        guard let top = object as? [String: Any] else { throw InventoryImportError("ResourceSlice list must be an object") }
        let items = (top["items"] as? [Any]) ?? [top]

        var newest: [String: Int] = [:]
        var slices: [(node: String, pool: String, generation: Int, devices: [Device])] = []
        for item in items {
            guard let slice = item as? [String: Any], let spec = slice["spec"] as? [String: Any],
                  spec["driver"] as? String == driver, let node = spec["nodeName"] as? String else { continue }
            let pool = spec["pool"] as? [String: Any] ?? [:]
            let poolName = pool["name"] as? String ?? node
            let generation = (pool["generation"] as? NSNumber)?.intValue ?? (pool["generation"] as? String).flatMap { Int($0) } ?? 0
            newest[poolName] = max(newest[poolName] ?? generation, generation)
            let devices = (spec["devices"] as? [[String: Any]] ?? []).map(device)
            slices.append((node, poolName, generation, devices))
        }
        var byNode: [String: [Device]] = [:]
        for slice in slices where slice.generation == newest[slice.pool] {
            byNode[slice.node, default: []] += slice.devices
        }
        return byNode
    }

    private static func device(_ object: [String: Any]) -> Device {
        let attributes = object["attributes"] as? [String: Any] ?? [:]
        // Keys may be written with or without the driver's domain (`gpu.nvidia.com/productName`).
        func attribute(_ key: String) -> String? {
            let value = (attributes[key] ?? attributes["\(driver)/\(key)"]) as? [String: Any]
            return (value?["string"] ?? value?["version"]) as? String
        }
        let capacity = object["capacity"] as? [String: Any] ?? [:]
        let memory = ((capacity["memory"] ?? capacity["\(driver)/memory"]) as? [String: Any])?["value"] as? String
        return Device(name: object["name"] as? String ?? "", type: attribute("type"), productName: attribute("productName"),
                      profile: attribute("profile"), memory: memory)
    }
}
