/// NCCL settings for pods that talk across nodes, tuned to the pool's fabric, and the volumes every
/// NCCL pod needs: a memory-backed `/dev/shm` (NCCL's intra-node buffers; the 64 MiB container
/// default makes multi-GPU jobs crash) and, where the pool has one, its topology file.
package enum NCCLEnvironment {
    /// Environment variables, sorted by name: `NCCL_DEBUG` from the spec, then the fabric's
    /// transport settings, then `NCCL_TOPO_FILE` when a topology ConfigMap is mounted.
    package static func variables(fabric: Fabric, debug: String, topologyFile: Bool) -> [(name: String, value: String)] {
        var env: [String: String] = ["NCCL_DEBUG": debug]
        switch fabric {
        case .efa:
            // libfabric's EFA provider through the aws-ofi-nccl plugin, with GPUDirect RDMA.
            env["FI_PROVIDER"] = "efa"
            env["FI_EFA_USE_DEVICE_RDMA"] = "1"
            env["FI_EFA_FORK_SAFE"] = "1"
        case .infiniband:
            // Every mlx5 HCA (prefix match), RDMA on, GPUDirect when GPU and HCA share a switch.
            env["NCCL_IB_DISABLE"] = "0"
            env["NCCL_IB_HCA"] = "mlx5"
            env["NCCL_NET_GDR_LEVEL"] = "PIX"
        case .roce:
            // RoCE v2 needs the routable GID (index 3 on Mellanox defaults) and a lossless class.
            env["NCCL_IB_DISABLE"] = "0"
            env["NCCL_IB_HCA"] = "mlx5"
            env["NCCL_IB_GID_INDEX"] = "3"
            env["NCCL_IB_TC"] = "106"
        case .tcpx:
            // GPUDirect-TCPX (GKE A3): control on eth0, data on the four GPU NICs.
            env["NCCL_SOCKET_IFNAME"] = "eth0"
            env["NCCL_GPUDIRECTTCPX_CTRL_DEV"] = "eth0"
            env["NCCL_GPUDIRECTTCPX_SOCKET_IFNAME"] = "eth1,eth2,eth3,eth4"
            env["NCCL_CROSS_NIC"] = "0"
            env["NCCL_NET_GDR_LEVEL"] = "PIX"
            env["NCCL_P2P_PXN_LEVEL"] = "0"
        case .ethernet:
            // No RDMA: plain sockets; keep NCCL off the pod network's loopback and docker bridges.
            env["NCCL_IB_DISABLE"] = "1"
            env["NCCL_SOCKET_IFNAME"] = "^lo,docker"
        }
        if topologyFile { env["NCCL_TOPO_FILE"] = topologyFilePath }
        return env.keys.sorted().map { ($0, env[$0]!) }
    }

    /// The variables as a container `env` list.
    package static func env(fabric: Fabric, debug: String, topologyFile: Bool) -> ManifestValue {
        .list(variables(fabric: fabric, debug: debug, topologyFile: topologyFile)
            .map { ["name": .string($0.name), "value": .string($0.value)] })
    }

    /// Extended resources a pod needs for the fabric's NICs (EFA devices on AWS); empty elsewhere.
    package static func fabricResources(_ pool: NodePool) -> ManifestMap {
        guard pool.fabric == .efa, pool.nics > 0 else { return ManifestMap() }
        return ["vpc.amazonaws.com/efa": .string(String(pool.nics))]
    }

    package static let shmVolume = "dshm"
    package static let topologyVolume = "nccl-topology"
    /// `NCCL_TOPO_FILE` in a pod that mounts its pool's topology ConfigMap.
    package static let topologyFilePath = "\(Conventions.ncclTopologyDirectory)/\(Conventions.ncclTopologyFileName)"

    /// The volume of `pool`'s topology ConfigMap, and its read-only mount at `ncclTopologyDirectory`.
    package static func topologyVolume(pool: String) -> ManifestValue {
        ["name": .string(topologyVolume), "configMap": ["name": .string(Conventions.ncclTopologyConfigMapName(pool: pool))]]
    }
    package static let topologyMount: ManifestValue =
        ["name": .string(topologyVolume), "mountPath": .string(Conventions.ncclTopologyDirectory), "readOnly": true]

    /// Volumes: `/dev/shm` in memory capped at `shmSize`, and the pool's topology ConfigMap.
    package static func volumes(shmSize: ByteCount, topologyPool: String?) -> [ManifestValue] {
        var volumes: [ManifestValue] = [
            ["name": .string(shmVolume), "emptyDir": ["medium": "Memory", "sizeLimit": .string(PoolScheduling.quantity(shmSize))]],
        ]
        if let pool = topologyPool { volumes.append(topologyVolume(pool: pool)) }
        return volumes
    }

    /// The matching container mounts.
    package static func volumeMounts(topology: Bool) -> [ManifestValue] {
        var mounts: [ManifestValue] = [["name": .string(shmVolume), "mountPath": "/dev/shm"]]
        if topology { mounts.append(topologyMount) }
        return mounts
    }
}
