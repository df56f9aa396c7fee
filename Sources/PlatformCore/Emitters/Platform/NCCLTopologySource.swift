import PlatformDiagnostics

/// Which NCCL topology file the pods on a pool get, if any. Two sources are real: the pool's own
/// `topologyFile` (a dump of the node) and the file the provider publishes for the pool's instance
/// type (`PublishedTopology`). platformc never writes one from the islands it knows: NCCL keeps
/// only the file's nodes on the path of a device it detected. `ncclTopoGetSystem` (NVIDIA/nccl
/// `src/graph/topo.cc`, commit 5067397c2676) loads `NCCL_TOPO_FILE`, then `ncclTopoFillGpu` (`src/graph/xml.cc`)
/// looks up each local GPU's `<pci>` by its real bus ID (`ncclTopoGetPciNode`), adds a new node
/// when none matches and marks it `keep="1"`; `ncclTopoTrimXml` then removes every `pci`, `cpu`,
/// `nic` and `net` branch without a kept node. A made-up bus ID (`0000:01:00.0`…) matches no device,
/// so its GPU, with the `<nvlink>` under it, is trimmed and the file changes nothing.
package enum NCCLTopologySource {
    /// The pool's topology file as NCCL should read it, or nil when it has neither a `topologyFile`
    /// nor a published file. A `topologyFile` that was not read or does not parse is the diagnostic.
    package static func text(_ pool: NodePool, plan: PlannedPlatform) -> (String?, Diagnostic?) {
        if let path = pool.topologyFile {
            let at = pool.locations[.topologyFile] ?? pool.location
            // Parsed in the front end (`PoolTopology`); one that does not parse stopped the compile there.
            guard let document = pool.topology else {
                return (nil, Diagnostic(.error, PlatformEmitCodes.topologyFileUnread,
                                        "topology file `\(path)` of pool `\(pool.id)` could not be read",
                                        at: at, help: "check the path; it is relative to the spec's folder"))
            }
            return (NCCLTopologyWriter.write(document), nil)
        }
        return (published(pool, platform: plan.platform)?.text, nil)
    }

    /// The provider's file for the pool's instance type, when the pool's cluster is on that provider.
    package static func published(_ pool: NodePool, platform: Platform) -> PublishedTopology? {
        guard let type = pool.instanceType, let file = PublishedTopology.forInstanceType(type),
              platform.cluster(pool.cluster)?.provider == file.provider else { return nil }
        return file
    }

    /// Whether pods on `pool` get a topology file through `NCCL_TOPO_FILE` (and so mount its
    /// ConfigMap). Never on EFA: aws-ofi-nccl sets `NCCL_TOPO_FILE` itself, to the topology it
    /// ships for the instance type (`src/platform-aws.cpp`) or one it writes from hwloc with the
    /// EFA devices placed (`write_topo_file`, `src/nccl_ofi_rdma.cpp`), and both skip that step
    /// when the variable is already set (aws/aws-ofi-nccl commit 2daf7d303aa1): a file of ours
    /// would replace the plugin's NIC placement.
    package static func isGiven(_ pool: NodePool, plan: PlannedPlatform) -> Bool {
        guard pool.fabric != .efa else { return false }
        if pool.topologyFile != nil { return pool.topology != nil }
        return published(pool, platform: plan.platform) != nil
    }
}
