/// Imported pools as the spec's `nodePools` entries, so `inventory import` output pastes into a
/// cluster of platform.yaml. An instance type the catalog knows carries the GPU facts; otherwise
/// the GPU and its count are stated.
extension ImportedPool {
    package func specEntry(instances: InstanceCatalog = .builtIn) -> ManifestValue {
        var entry: ManifestMap = ["name": .string(name)]
        if let type = instanceType, let known = instances.instance(named: type), known.gpu == gpu, known.gpuCount == gpusPerNode {
            entry["instanceType"] = .string(type)
        } else {
            entry["gpu"] = .string(gpu)
            entry["gpusPerNode"] = .int(Int64(gpusPerNode))
        }
        entry["nodes"] = .map(["min": .int(Int64(nodes)), "max": .int(Int64(nodes))])
        if !zones.isEmpty { entry["zones"] = .list(zones.map(ManifestValue.string)) }
        if dra { entry["gpuAllocation"] = "dra" }
        if let capacityType { entry["capacityType"] = .string(capacityType.rawValue) }
        if let profiles = migProfiles {
            entry["mig"] = .map(["profiles": .map(ManifestMap(profiles
                .sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) }))])
        }
        return .map(entry)
    }

    /// The whole `nodePools:` section for a list of pools.
    package static func specSection(_ pools: [ImportedPool], instances: InstanceCatalog = .builtIn) -> String {
        YAMLRenderer.render(.map(["nodePools": .list(pools.map { $0.specEntry(instances: instances) })]))
    }
}
