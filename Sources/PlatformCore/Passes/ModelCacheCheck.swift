import PlatformDiagnostics

/// The model cache against the pools the placement chose: `instanceStore` needs local NVMe that
/// Karpenter can mount (AWS instance types that have it), and the emptyDir caches of the replicas
/// one node can hold must fit its disk.
enum ModelCacheCheck {
    /// The kubelet evicts pods once less than 10 % of the node file system is free (default hard
    /// eviction threshold `nodefs.available<10%`), so 90 % of the disk is what pods can fill.
    static let usableFraction = 0.9

    /// The most server pods of `model` one node of `pool` can hold: one per MIG slice of its
    /// profile, one per node of a multi-node replica, else one per `gpu.count` GPUs.
    static func podsPerNode(_ model: Model, _ pool: NodePool) -> Int {
        if let profile = model.migProfile { return max(1, pool.gpusPerNode * (pool.migProfiles[profile] ?? 1)) }
        if model.nodesPerReplica > 1 { return 1 }
        return max(1, pool.gpusPerNode / max(1, model.gpusPerReplica))
    }

    static func run(_ plan: PlannedPlatform, into diagnostics: inout DiagnosticBag) {
        let p = plan.platform
        for model in p.models where model.cache.volume != .persistentVolumeClaim {
            let at = model.cache.locations[.volume] ?? model.cache.locations[.size] ?? model.cache.location ?? model.location
            var reported = Set<String>()
            for a in plan.modelAssignments[model.name] ?? [] where !reported.contains("\(a.cluster)/\(a.pool)") {
                guard let cluster = p.cluster(a.cluster), let pool = cluster.pool(a.pool) else { continue }
                reported.insert("\(a.cluster)/\(a.pool)")
                let nvme = cluster.provider == "aws" ? InstanceStorage.localNVMeBytes(pool.instanceType) : nil
                let disk: Int64
                if model.cache.volume == .instanceStore {
                    guard let nvme else {
                        let why = cluster.provider != "aws" ? "is on \(cluster.provider), where no EC2NodeClass mounts instance storage"
                            : "has instance type `\(pool.instanceType ?? "none")`, which has no local NVMe in the catalog"
                        diagnostics.error(EngineCodes.noInstanceStore,
                                          "model `\(model.name)` caches on `instanceStore`, but pool `\(a.cluster)/\(a.pool)` \(why)",
                                          at: at,
                                          help: "use `volume: emptyDir` or `persistentVolumeClaim`, or place the model on an AWS pool "
                                              + "whose instance type has NVMe (p4d, p5, g5, g6e)")
                        continue
                    }
                    disk = nvme
                } else {
                    // Only the AWS root volume the compiler itself sets is known; other clouds' disks are
                    // not. A computed size is left to the scheduler (the pods request it), a stated one is checked.
                    guard cluster.provider == "aws", pool.instanceType != nil, model.cache.size != nil else { continue }
                    disk = InstanceStorage.rootVolumeGiB << 30
                }
                let podsPerNode = Self.podsPerNode(model, pool)
                let needed = ModelCache.size(model) * Int64(podsPerNode)
                let usable = Int64(Double(disk) * usableFraction)
                guard needed > usable else { continue }
                let where_ = model.cache.volume == .instanceStore ? "its NVMe array" : "its \(InstanceStorage.rootVolumeGiB)Gi root volume"
                diagnostics.error(EngineCodes.cacheTooLarge,
                                  "\(podsPerNode) replica(s) of model `\(model.name)` on one node of pool `\(a.cluster)/\(a.pool)` cache "
                                      + "\(ByteCount(bytes: needed)), more than the \(ByteCount(bytes: usable)) pods may fill on \(where_)",
                                  at: at,
                                  help: model.cache.volume == .instanceStore ? "share the weights through `volume: persistentVolumeClaim`"
                                      : nvme != nil
                                          ? """
                                              cache on the node's NVMe with `volume: instanceStore`, or share one claim with `volume: \
                                              persistentVolumeClaim`
                                              """
                                      : "share one claim with `volume: persistentVolumeClaim`")
            }
        }
    }
}
