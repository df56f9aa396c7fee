import Foundation

/// Hand-made `kubectl get nodes -o json` and `kubectl get resourceslices -o json` outputs. The
/// ResourceSlice shape follows `resource.k8s.io/v1`: spec.driver, spec.nodeName,
/// spec.pool{name,generation,resourceSliceCount}, spec.devices[]{name, attributes{k: {string|version|…}},
/// capacity{k: {value}}}, as the NVIDIA DRA driver fills it (hardware.md §3.2).
enum InventoryFixtures {
    static func node(_ name: String, instanceType: String?, zone: String?, labels: [String: String] = [:],
                     capacityGPUs: Int? = nil) -> [String: Any] {
        var all = labels
        all["kubernetes.io/hostname"] = name
        if let instanceType { all["node.kubernetes.io/instance-type"] = instanceType }
        if let zone { all["topology.kubernetes.io/zone"] = zone }
        var node: [String: Any] = ["apiVersion": "v1", "kind": "Node", "metadata": ["name": name, "labels": all]]
        if let capacityGPUs { node["status"] = ["capacity": ["cpu": "192", "nvidia.com/gpu": "\(capacityGPUs)"]] }
        return node
    }

    static let h100Labels = [
        "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3", "nvidia.com/gpu.count": "8", "nvidia.com/gpu.memory": "81559",
        "nvidia.com/gpu.family": "hopper", "nvidia.com/gpu.compute.major": "9", "nvidia.com/gpu.compute.minor": "0",
        "nvidia.com/mig.capable": "true", "nvidia.com/mig.strategy": "mixed",
    ]

    static var nodeList: [UInt8] {
        var migLabels = h100Labels
        migLabels["nvidia.com/mig-1g.10gb.count"] = "56"
        migLabels["nvidia.com/mig-1g.10gb.memory"] = "9984"
        migLabels["nvidia.com/mig-3g.40gb.count"] = "0"
        let items: [[String: Any]] = [
            node("ip-10-0-1-7", instanceType: "p5.48xlarge", zone: "us-east-1b", labels: h100Labels, capacityGPUs: 8),
            node("ip-10-0-1-5", instanceType: "p5.48xlarge", zone: "us-east-1a", labels: h100Labels, capacityGPUs: 8),
            node("ip-10-0-2-9", instanceType: "p5.48xlarge", zone: "us-east-1a", labels: migLabels),
            node("ip-10-0-3-1", instanceType: "g6e.12xlarge", zone: "us-east-1a"),
            node("ip-10-0-4-4", instanceType: "m5.large", zone: "us-east-1a"),
            node("aks-nd-0", instanceType: "Standard_ND96isr_H100_v5", zone: "eastus-1"),
            node("ip-10-0-5-2", instanceType: "g4dn.xlarge", zone: "us-east-1c",
                 labels: ["nvidia.com/gpu.product": "Tesla-T4", "nvidia.com/gpu.count": "1"]),
        ]
        return json(["apiVersion": "v1", "kind": "List", "items": items])
    }

    static func device(_ index: Int, product: String) -> [String: Any] {
        ["name": "gpu-\(index)",
         "attributes": ["type": ["string": "gpu"], "productName": ["string": product], "architecture": ["string": "Hopper"],
                        "cudaComputeCapability": ["version": "9.0.0"], "driverVersion": ["version": "580.95.5"],
                        "resource.kubernetes.io/pciBusID": ["string": "0000:\(String(format: "%02x", 0x18 + index)):00.0"]],
         "capacity": ["memory": ["value": "81559Mi"]]]
    }

    static func slice(node: String, driver: String = "gpu.nvidia.com", generation: Int, devices: [[String: Any]]) -> [String: Any] {
        ["apiVersion": "resource.k8s.io/v1", "kind": "ResourceSlice",
         "metadata": ["name": "\(node)-\(driver)-x7k2p"],
         "spec": ["driver": driver, "nodeName": node,
                  "pool": ["name": node, "generation": generation, "resourceSliceCount": 1], "devices": devices]]
    }

    static var resourceSlices: [UInt8] {
        json(["apiVersion": "resource.k8s.io/v1", "kind": "ResourceSliceList", "items": [
            slice(node: "aks-nd-0", generation: 2, devices: (0..<8).map { device($0, product: "NVIDIA H100 80GB HBM3") }),
            slice(node: "aks-nd-0", generation: 1, devices: (0..<4).map { device($0, product: "NVIDIA H100 80GB HBM3") }),
            slice(node: "aks-nd-0", driver: "compute-domain.nvidia.com", generation: 1, devices: [["name": "channel-0"]]),
            slice(node: "gone-node", generation: 1, devices: [device(0, product: "NVIDIA A100-SXM4-40GB")]),
        ]])
    }

    static func json(_ object: Any) -> [UInt8] {
        [UInt8](try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}
