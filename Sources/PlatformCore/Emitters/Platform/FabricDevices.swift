/// Extended resources a pod that uses a pool's inter-node fabric requests per node, and what the
/// container needs to use them. Kueue must cover each of them (`KueueEmitter`): under its default
/// quota check, `BlockUndeclared`, a workload requesting a resource no resource group of its
/// ClusterQueue covers is never admitted (kubernetes-sigs/kueue v0.19.2
/// `pkg/scheduler/flavorassigner/flavorassigner.go`: a non-zero request of a resource without a
/// resource group is skipped only under `IgnoreUndeclared`, `apis/config/v1beta2/configuration_types.go`).
///
/// - EFA: `vpc.amazonaws.com/efa`, one per EFA interface (`NCCLEnvironment.fabricResources`).
/// - InfiniBand: `rdma/ib`, one per HCA, as the NVIDIA Network Operator's SR-IOV device plugin
///   exposes them in Azure's AKS guide, which recommends one pod per node claiming every NIC for
///   the best throughput; the container adds `IPC_LOCK`, without which the locked-memory limit
///   stays 64 KiB and RDMA cannot register memory (Azure/aks-rdma-infiniband
///   `website/docs/configurations/01-network-operator.md` @700dabb4, "SR-IOV Device Plugin",
///   "Recommendations"; `configs/nicclusterpolicy/sriov-device-plugin/sriov.yaml`, `resourceName: ib`).
package enum FabricDevices {
    package static let rdmaResource = "rdma/ib"
    /// The capability RDMA needs to pin memory; beyond Pod Security `baseline`, so the namespace
    /// of a pod that adds it enforces `privileged` (`PodSecurityLevels`).
    package static let memoryLockCapability = "IPC_LOCK"

    /// Resource name → count per node, sorted by name.
    package static func perNode(_ pool: NodePool) -> [(name: String, count: Int)] {
        guard pool.nics > 0 else { return [] }
        switch pool.fabric {
        case .efa: return [("vpc.amazonaws.com/efa", pool.nics)]
        case .infiniband: return [(rdmaResource, pool.nics)]
        default: return []
        }
    }

    /// Whether pods using the pool's fabric add `IPC_LOCK`.
    package static func needsMemoryLock(_ pool: NodePool) -> Bool { pool.fabric == .infiniband && pool.nics > 0 }
}
