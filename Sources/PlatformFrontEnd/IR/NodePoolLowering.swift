import PlatformDiagnostics

extension Lowering {
    func lowerCluster(_ o: SpecObject, gpus: GPUCatalog, instances: InstanceCatalog, into diagnostics: inout DiagnosticBag) -> Cluster {
        let name = o.string("name") ?? ""
        let zones = o.strings("zones").sorted()
        return Cluster(name: name, provider: o.string("provider") ?? "", region: o.string("region"), zones: zones,
                       production: o.bool("production") ?? SpecDefaults.production,
                       nodePools: o.objects("nodePools").map {
                           var pool = lowerPool($0, cluster: name, clusterZones: zones, region: (o.string("region"), o.loc("region")),
                                                gpus: gpus, instances: instances, into: &diagnostics)
                           pool.provisioning = NodeProvisioning.of(provider: o.string("provider") ?? "", instanceType: pool.instanceType)
                           return pool
                       },
                       location: o.location)
    }

    /// A pool inherits every fact of its instance type; values the spec states explicitly win,
    /// with an error where they contradict what the instance type physically is.
    private func lowerPool(_ o: SpecObject, cluster: String, clusterZones: [String], region: (name: String?, location: SourceLocation?),
                           gpus: GPUCatalog, instances: InstanceCatalog, into diagnostics: inout DiagnosticBag) -> NodePool {
        let name = o.string("name") ?? ""
        var instance: InstanceType?
        if let type = o.string("instanceType") {
            instance = instances.instance(named: type)
            if instance == nil {
                diagnostics.error(PoolFactCodes.unknownInstanceType, "unknown instance type `\(type)` in node pool `\(name)`",
                                  at: o.loc("instanceType"),
                                  help: Suggestion.help(for: type, in: instances.names)
                                      ?? "state `gpu`, `gpusPerNode`, `interconnect` and `pricePerHour` explicitly instead")
            }
        }
        let gpu = o.string("gpu") ?? instance?.gpu ?? ""
        if let instance, let stated = o.string("gpu"), stated != instance.gpu {
            diagnostics
                .error(PoolFactCodes.instanceMismatch,
                    "node pool `\(name)` states GPU `\(stated)`, but `\(instance.name)` has \(instance.gpuCount)× `\(instance.gpu)`",
                              at: o.loc("gpu"), help: "remove `gpu:` to inherit it from the instance type, or change `instanceType`")
        }
        if !o.has("instanceType"), !o.has("gpu") {
            diagnostics.error(PoolFactCodes.missingPoolFacts, "node pool `\(name)` names neither `instanceType` nor `gpu`", at: o.location,
                              help: "add `instanceType:` (e.g. `p5.48xlarge`) or `gpu:` and `gpusPerNode:`")
        } else if !gpu.isEmpty, gpus.model(named: gpu) == nil {
            diagnostics.error(PoolFactCodes.unknownGPU, "unknown GPU model `\(gpu)` in node pool `\(name)`", at: o.loc("gpu"),
                              help: Suggestion.help(for: gpu, in: gpus.names) ?? "add it under `gpuCatalog:`")
        }
        let gpusPerNode = o.int("gpusPerNode") ?? instance?.gpuCount ?? 1
        if let instance, let stated = o.int("gpusPerNode"), stated != instance.gpuCount {
            diagnostics
                .error(PoolFactCodes.instanceMismatch,
                    "node pool `\(name)` states \(stated) GPUs per node, but `\(instance.name)` has \(instance.gpuCount)",
                              at: o.loc("gpusPerNode"), help: "remove `gpusPerNode:` to inherit it from the instance type")
        }
        let interconnect = o.string("interconnect").flatMap(Interconnect.init(rawValue:)) ?? instance?.interconnect ?? .pcie
        let islands: [Int]
        if o.has("interconnect") || instance == nil {
            islands = interconnect == .pcie ? Array(repeating: 1, count: gpusPerNode) : [gpusPerNode]
        } else {
            islands = instance?.nvlinkIslands ?? [gpusPerNode]
        }
        let network = o.object("network")
        let nodes = o.object("nodes")
        let minNodes = nodes.int("min") ?? 0
        let capacity = o.string("capacityType").flatMap(NodePool.CapacityType.init(rawValue:)) ?? SpecDefaults.capacityType
        var price: Money?
        var priceSource = "none"
        if let stated = o.money("pricePerHour") {
            price = stated
            priceSource = "platform spec (\(o.loc("pricePerHour")))"
        } else if let instance {
            let request = PoolPricing.Request(pool: name, instance: instance.name, region: region.name, capacity: capacity,
                                              discounted: o.has("discountPercent"), instanceLocation: o.loc("instanceType"),
                                              regionLocation: region.location,
                                              capacityLocation: o.has("capacityType") ? o.loc("capacityType") : nil)
            (price, priceSource) = PoolPricing.price(request, in: .builtIn, into: &diagnostics)
        }
        if let discount = o.int("discountPercent"), let base = price {
            price = CostArithmetic.scale(base, by: Int64(100 - min(discount, 100)), over: 100)
            priceSource += ", less \(discount)% \(capacity.rawValue) discount"
        }
        var pool = NodePool(
            name: name, cluster: cluster, instanceType: instance?.name ?? o.string("instanceType"), gpu: gpu, gpusPerNode: gpusPerNode,
            interconnect: interconnect, islands: islands, topologyFile: o.string("topologyFile"),
            fabric: network.string("fabric").flatMap(Fabric.init(rawValue:)) ?? instance?.fabric ?? .ethernet,
            nics: network.int("nics") ?? instance?.nics ?? 0, gbpsPerNic: network.int("gbpsPerNic") ?? instance?.gbpsPerNic ?? 0,
            minNodes: minNodes, maxNodes: nodes.int("max") ?? minNodes,
            zones: o.has("zones") ? o.strings("zones").sorted() : clusterZones, capacityType: capacity,
            pricePerHour: price, priceSource: priceSource,
            gpuAllocation: o.string("gpuAllocation").flatMap(NodePool.GPUAllocation.init(rawValue:)) ?? SpecDefaults.gpuAllocation,
            migProfiles: o.object("mig").intMap("profiles"), labels: o.stringMap("labels"),
            taints: o.objects("taints")
                .map { Taint(key: $0.string("key") ?? "", value: $0.string("value"), effect: $0.string("effect") ?? "NoSchedule") },
            location: o.location,
            locations: [.gpu: o.loc("gpu"), .nodes: nodes.loc("max"), .nodesMin: nodes.loc("min"), .mig: o.loc("mig"),
                        .instanceType: o.loc("instanceType"), .interconnect: o.loc("interconnect"), .topologyFile: o.loc("topologyFile"),
                        .network: o.loc("network"), .capacityType: o.loc("capacityType"), .name: o.loc("name"),
                        .gpuAllocation: o.loc("gpuAllocation"), .nodesStatic: nodes.loc("static"), .labels: o.loc("labels")])
        pool.staticNodes = nodes.bool("static") ?? SpecDefaults.staticNodes
        pool.islandsBasis = o.has("interconnect") ? .interconnect : instance.map { .instanceType($0.name) } ?? .assumed
        if !o.has("network") { pool.locations[.network] = nil }  // a topology file may then state the fabric
        return pool
    }
}

/// Applies one `gpuCatalog` entry: a new model needs every figure; an override may change figures
/// but not contradict itself (MIG slices larger than the GPU, fp8 below compute capability 8.9).
enum CatalogOverrides {
    static func apply(_ o: SpecObject, to catalog: inout GPUCatalog, into diagnostics: inout DiagnosticBag) {
        guard let name = o.string("name") else { return }
        var model = catalog.model(named: name)
        if model == nil {
            let missing = ["memory", "architecture"].filter { !o.has($0) }
            if !missing.isEmpty {
                diagnostics.error(PoolFactCodes.catalogContradiction,
                                  "new GPU model `\(name)` needs \(missing.map { "`\($0)`" }.joined(separator: " and "))",
                                  at: o.location, help: "state the figures of a GPU the built-in catalog does not know")
                return
            }
            model = GPUModel(name: name, memoryMiB: 0, architecture: "", computeCapability: nil, nvlinkGeneration: nil,
                             nvlinkBandwidthGBps: nil, fp8: false, source: "platform spec (\(o.location))")
        }
        guard var m = model else { return }
        if let bytes = o.memory("memory") { m.memoryMiB = Int(bytes.bytes / 1_048_576) }
        if let arch = o.string("architecture") { m.architecture = arch }
        if let cc = o.string("computeCapability") {
            let parts = cc.split(separator: ".").compactMap { Int($0) }
            if parts.count == 2 { m.computeCapability = ComputeCapability(parts[0], parts[1]) }
        }
        if let gen = o.int("nvlinkGeneration") { m.nvlinkGeneration = gen }
        if let bw = o.quantity("nvlinkBandwidth", .bandwidth) { m.nvlinkBandwidthGBps = Double(bw) / 8e9 }
        if let fp8 = o.bool("fp8") { m.fp8 = fp8 }
        if o.has("migProfiles") {
            m.migProfiles = o.objects("migProfiles").map {
                MIGProfile(name: $0.string("name") ?? "", memoryMiB: Int(($0.memory("memory")?.bytes ?? 0) / 1_048_576),
                           computeSlices: $0.int("computeSlices") ?? 1, maxCount: $0.int("maxCount") ?? 1)
            }
        }
        if o.has("source") {
            m.source = o.string("source") ?? m.source
        } else if catalog.model(named: name) != nil {
            m.source += "; overridden by platform spec"
        }
        if m.fp8, let cc = m.computeCapability, cc < ComputeCapability(8, 9) {
            diagnostics
                .error(PoolFactCodes.catalogContradiction,
                    "GPU model `\(name)` claims fp8 with compute capability \(cc); native fp8 needs 8.9 or later",
                              at: o.loc("fp8"), help: "set `fp8: false` or correct `computeCapability`")
        }
        for profile in m.migProfiles where profile.memoryMiB > m.memoryMiB {
            diagnostics
                .error(PoolFactCodes.catalogContradiction,
                    "MIG profile `\(profile.name)` of `\(name)` has more memory (\(profile.memoryMiB) MiB) than the GPU (\(m.memoryMiB) "
                        + "MiB)",
                              at: o.loc("migProfiles"))
        }
        catalog.upsert(m)
    }
}
