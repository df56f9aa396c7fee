import PlatformDiagnostics

/// Turns what a cluster reports (`kubectl get nodes -o json|yaml`, optionally `kubectl get resourceslices`)
/// into node pools: identical GPU nodes of one cloud node pool and one capacity type grouped, with node
/// counts and zones, in a deterministic order. Spot and on-demand nodes never share a pool: they are
/// priced and placed differently.
package enum InventoryImporter {
    /// Pools sorted by name, and diagnostics (unknown products, inferred counts, skipped nodes).
    /// Throws `InventoryImportError` only when an input is not JSON or YAML of an accepted shape; the
    /// error says which input.
    package static func importNodes(json: [UInt8], resourceSlices: [UInt8]? = nil,
                                   instances: InstanceCatalog = .builtIn) throws -> (pools: [ImportedPool], diagnostics: [Diagnostic]) {
        let nodes = try ObservedNode.parse(json)
        let slices: [String: [ResourceSliceDevices.Device]]
        do {
            slices = try resourceSlices.map(ResourceSliceDevices.parse) ?? [:]
        } catch var error as InventoryImportError {
            error.input = .resourceSlices
            throw error
        }
        var diagnostics: [Diagnostic] = []

        let known = Set(nodes.map(\.name))
        for name in slices.keys.sorted() where !known.contains(name) {
            diagnostics.append(Diagnostic(.note, InventoryDiagnosticCode.sliceForUnknownNode,
                "ResourceSlice for node `\(name)`, which is not in the node list, was ignored", at: nil))
        }
        var facts: [NodeGPUFacts] = []
        var skipped: [String] = []
        for node in nodes.sorted(by: { $0.name < $1.name }) {
            if let f = NodeGPUFacts.facts(for: node, dra: slices[node.name] ?? [], instances: instances, into: &diagnostics) {
                facts.append(f)
            } else {
                skipped.append(node.name)
            }
        }
        if !skipped.isEmpty {
            diagnostics.append(Diagnostic(.note, InventoryDiagnosticCode.nonGPUNodesSkipped,
                "\(skipped.count) node(s) without GPUs left out: "
                    + "\(skipped.prefix(5).joined(separator: ", "))\(skipped.count > 5 ? ", …" : "")",
                at: nil))
        }
        return (pools(from: facts), diagnostics)
    }

    struct PoolKey: Hashable, Comparable {
        var cloudPool: String?
        var capacityType: NodePool.CapacityType?
        var instanceType: String?
        var gpu: String
        var gpusPerNode: Int
        var mig: [String: Int]?
        var dra: Bool

        /// A total order so that pool order and name suffixes never depend on hashing: field by field,
        /// so a pool without MIG comes before its MIG sibling and keeps the plain name.
        static func < (a: PoolKey, b: PoolKey) -> Bool {
            func migText(_ k: PoolKey) -> String {
                (k.mig ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            }
            if a.cloudPool != b.cloudPool { return (a.cloudPool ?? "") < (b.cloudPool ?? "") }
            if a.capacityType != b.capacityType { return (a.capacityType?.rawValue ?? "") < (b.capacityType?.rawValue ?? "") }
            if a.instanceType != b.instanceType { return (a.instanceType ?? "") < (b.instanceType ?? "") }
            if a.gpu != b.gpu { return a.gpu < b.gpu }
            if a.gpusPerNode != b.gpusPerNode { return a.gpusPerNode < b.gpusPerNode }
            if migText(a) != migText(b) { return migText(a) < migText(b) }
            return !a.dra && b.dra
        }
    }

    static func pools(from facts: [NodeGPUFacts]) -> [ImportedPool] {
        var groups: [PoolKey: [NodeGPUFacts]] = [:]
        var gpuKnown: [PoolKey: Bool] = [:]
        for f in facts {
            let key = PoolKey(cloudPool: f.cloudPool, capacityType: f.capacityType, instanceType: f.instanceType, gpu: f.gpu,
                              gpusPerNode: f.gpusPerNode, mig: f.migDevices, dra: f.dra)
            groups[key, default: []].append(f)
            gpuKnown[key] = f.gpuKnown
        }
        var used: [String: Int] = [:]
        return groups.keys.sorted().map { key -> ImportedPool in
            let members = groups[key] ?? []
            // The cloud's own pool name when the nodes carry one. Spot nodes that share a name with other
            // capacity (one Karpenter NodePool allows both; an unnamed pool's instance type) say `-spot`.
            let plain = key.cloudPool ?? key.instanceType ?? key.gpu
            let shared = groups.keys.contains { ($0.cloudPool ?? $0.instanceType ?? $0.gpu) == plain && $0.capacityType != .spot }
            let base = PoolName.dns1123(key.capacityType == .spot && (shared || key.cloudPool == nil) ? "\(plain)-spot" : plain)
            used[base, default: 0] += 1
            let name = used[base] == 1 ? base : PoolName.suffixed(base, used[base] ?? 1)
            return ImportedPool(name: name, instanceType: key.instanceType, gpu: key.gpu, gpuKnown: gpuKnown[key] ?? false,
                                gpusPerNode: key.gpusPerNode, nodes: members.count,
                                zones: Array(Set(members.compactMap(\.zone))).sorted(), migDevicesPerNode: key.mig,
                                dra: key.dra, nodeNames: members.map(\.node).sorted(), capacityType: key.capacityType)
        }
        .sorted { $0.name < $1.name }
    }
}

/// Pool names as DNS-1123 labels.
package enum PoolName {
    /// Lower case, runs of anything but `[a-z0-9]` become one `-`, trimmed, at most 63 characters:
    /// `p5.48xlarge` → `p5-48xlarge`, `Standard_ND96isr_H100_v5` → `standard-nd96isr-h100-v5`.
    package static func dns1123(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        if out.count > 63 { out = String(out.prefix(63)); while out.last == "-" { out.removeLast() } }
        return out.isEmpty ? "gpu" : out
    }

    static func suffixed(_ base: String, _ n: Int) -> String {
        let suffix = "-\(n)"
        var head = String(base.prefix(63 - suffix.count))
        while head.last == "-" { head.removeLast() }
        return head + suffix
    }
}
