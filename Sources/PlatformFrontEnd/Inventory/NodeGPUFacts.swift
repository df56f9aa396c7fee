import PlatformDiagnostics

/// What one node says about its GPUs once GFD labels, DRA devices, capacity and the instance catalog
/// have been weighed. Labels come first (they are what the device plugin schedules on); DRA fills in
/// when GFD does not run; the instance catalog is the last resort, for nodes that have no GPU stack yet.
struct NodeGPUFacts: Hashable {
    var node: String
    var instanceType: String?
    var zone: String?
    var gpu: String
    var gpuKnown: Bool
    var gpusPerNode: Int
    var migDevices: [String: Int]?
    var dra: Bool
    /// How the node is bought, from its cloud or Karpenter labels; nil when no label says.
    var capacityType: NodePool.CapacityType?
    /// The cloud's node pool (`cloud.google.com/gke-nodepool`, …), nil when the node has no such label.
    var cloudPool: String?

    /// The GPU name of a node that has `nvidia.com/gpu` capacity but nothing says which GPU.
    static let unknownGPU = "unknown"

    static func facts(for node: ObservedNode, dra devices: [ResourceSliceDevices.Device],
                      instances: InstanceCatalog, into diagnostics: inout [Diagnostic]) -> NodeGPUFacts? {
        let labels = node.labels
        let instanceType = labels["node.kubernetes.io/instance-type"] ?? labels["beta.kubernetes.io/instance-type"]
        let zone = labels["topology.kubernetes.io/zone"] ?? labels["failure-domain.beta.kubernetes.io/zone"]
        let catalogType = instanceType.flatMap { instances.instance(named: $0) }

        let gfdProduct = labels["nvidia.com/gpu.product"]
        let draGPUs = devices.filter { $0.type == "gpu" || $0.type == nil }
        let draProduct = (draGPUs.first ?? devices.first)?.productName
        let gfdName = gfdProduct.flatMap(GPUCatalog.canonicalName(forProduct:))
        let draName = draProduct.flatMap(GPUCatalog.canonicalName(forProduct:))
        if let gfdName, let draName, gfdName != draName {
            diagnostics.append(Diagnostic(.warning, InventoryDiagnosticCode.productMismatch,
                "node `\(node.name)`: GFD says `\(gfdProduct ?? "")` (\(gfdName)) but DRA says `\(draProduct ?? "")` (\(draName)); using "
                    + "GFD",
                at: nil))
        }
        // The device plugin advertises `nvidia.com/gpu` before (or without) GPU Feature Discovery: a GPU
        // node whose model nothing names, not a node without GPUs.
        let capacityOnly = gfdProduct == nil && draProduct == nil && catalogType == nil && (node.capacityGPUs ?? 0) > 0
        if capacityOnly {
            diagnostics.append(Diagnostic(.warning, InventoryDiagnosticCode.gpuModelUnknown,
                "node `\(node.name)` has \(node.capacityGPUs ?? 0) `nvidia.com/gpu` but no GPU Feature Discovery labels; its GPU model is "
                    + "unknown",
                at: nil,
                help: "deploy GPU Feature Discovery (the GPU Operator does) and import again, or replace `gpu: \(unknownGPU)` by the GPU "
                    + "model"))
        }
        guard let raw = gfdProduct ?? draProduct ?? catalogType?.gpu ?? (capacityOnly ? unknownGPU : nil) else { return nil }
        let canonical = gfdName ?? draName ?? (catalogType?.gpu == raw ? raw : nil)
        if canonical == nil, !capacityOnly {
            diagnostics.append(Diagnostic(.warning, InventoryDiagnosticCode.unknownProduct,
                "node `\(node.name)`: GPU product `\(raw)` is not in the built-in GPU catalog", at: nil,
                help: "add it under `gpuCatalog` in the spec, with its memory and NVLink figures"))
        }

        // MIG: mixed strategy labels each profile (`nvidia.com/mig-1g.10gb.count`); single strategy renames
        // the product (`…-MIG-1g.5gb`) and makes `gpu.count` count MIG devices, not GPUs.
        var mig: [String: Int] = [:]
        for (key, value) in labels where key.hasPrefix("nvidia.com/mig-") && key.hasSuffix(".count") {
            let profile = String(key.dropFirst("nvidia.com/mig-".count).dropLast(".count".count))
            if let count = Int(value), count > 0 { mig[profile] = count }
        }
        let labelCount = labels["nvidia.com/gpu.count"].flatMap { Int($0) }
        var gpus = labelCount
        if let product = gfdProduct, let range = product.range(of: "-MIG-") {
            let profile = String(product[range.upperBound...])
            mig[profile] = labelCount ?? node.capacityGPUs ?? 0
            gpus = catalogType?.gpuCount
            if gpus == nil, let name = canonical,
                let devicesPerGPU = GPUCatalog.builtIn.model(named: name)?.migProfile(named: profile)?.maxCount {
                let inferred = max(1, (mig[profile] ?? 0) / devicesPerGPU)
                gpus = inferred
                diagnostics.append(Diagnostic(.warning, InventoryDiagnosticCode.gpuCountInferred,
                    "node `\(node.name)`: MIG single strategy hides the GPU count; assumed \(inferred) from \(mig[profile] ?? 0) "
                        + "`\(profile)` devices at \(devicesPerGPU) per GPU",
                    at: nil, help: "set `gpusPerNode` in the spec if this is wrong"))
            }
        }
        if mig.isEmpty {
            for device in devices where device.type == "mig" {
                if let profile = device.profile { mig[profile, default: 0] += 1 }
            }
        }
        let count = gpus ?? (draGPUs.isEmpty ? nil : draGPUs.count) ?? node.capacityGPUs ?? catalogType?.gpuCount ?? 0
        guard count > 0 else { return nil }
        return NodeGPUFacts(node: node.name, instanceType: instanceType, zone: zone, gpu: canonical ?? raw,
                            gpuKnown: canonical != nil, gpusPerNode: count, migDevices: mig.isEmpty ? nil : mig,
                            dra: !devices.isEmpty, capacityType: CloudNodeLabels.capacityType(labels),
                            cloudPool: CloudNodeLabels.poolName(labels))
    }
}
