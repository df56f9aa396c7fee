/// Local NVMe instance storage of the AWS GPU instance types in the built-in catalog, in GB (10^9
/// bytes), as Karpenter labels nodes with it: `karpenter.k8s.aws/instance-local-nvme`, from EC2's
/// `InstanceStorageInfo.TotalSizeInGB` (aws/karpenter-provider-aws `pkg/providers/instancetype/types.go`;
/// values from its generated `website/content/en/docs/reference/instance-types.md` at 1d927085).
/// With an EC2NodeClass's `instanceStorePolicy: RAID0` the disks form one array that holds
/// `/var/lib/kubelet` and `/var/lib/containerd`, so emptyDir volumes live on it (`pkg/apis/v1/ec2nodeclass.go`,
/// `InstanceStorePolicyRAID0`).
package enum InstanceStorage {
    package static let localNVMeGB: [String: Int64] = [
        "p4d.24xlarge": 8000, "p4de.24xlarge": 8000,
        "p5.48xlarge": 30400, "p5e.48xlarge": 30400, "p5en.48xlarge": 30400,
        "g5.xlarge": 250, "g5.12xlarge": 3800, "g5.48xlarge": 7600,
        "g6e.xlarge": 250, "g6e.12xlarge": 3800, "g6e.48xlarge": 7600,
    ]

    /// The root volume every EC2NodeClass gets (`KarpenterEmitter.nodeClass`): without RAID0 the
    /// node's ephemeral storage, images included, lives there.
    package static let rootVolumeGiB: Int64 = 500

    /// Bytes of NVMe on a node of `instanceType`, or nil when the catalog has no such fact.
    package static func localNVMeBytes(_ instanceType: String?) -> Int64? {
        instanceType.flatMap { localNVMeGB[$0] }.map { $0 * 1_000_000_000 }
    }
}
