/// What a node's cloud and autoscaler labels say about how it is bought and which node pool it
/// belongs to. Each key and value is as the upstream project writes it:
///
/// - Karpenter: `karpenter.sh/capacity-type` = `spot` | `on-demand` | `reserved` and
///   `karpenter.sh/nodepool` (kubernetes-sigs/karpenter `pkg/apis/v1/labels.go` at 046bcdae737388a7edf5f984cdecfe62047b9143:
///   `CapacityTypeLabelKey`, `NodePoolLabelKey`, `CapacityTypeSpot`, `CapacityTypeOnDemand`; `reserved` is
///   `CapacityTypeReserved`, set for capacity reservations since Karpenter 1.3, aws/karpenter-provider-aws
///   `pkg/providers/instance`).
/// - EKS managed node groups: `eks.amazonaws.com/capacityType` = `ON_DEMAND` | `SPOT` | `CAPACITY_BLOCK`
///   (aws-samples/eks-workshop `content/beginner/150_spotnodegroups/spotnodegroups.md`; the values are the
///   node group's `capacityType`, AWS CDK `aws_eks.CapacityType`), and `eks.amazonaws.com/nodegroup`.
/// - GKE: `cloud.google.com/gke-spot` = `true` (docs.cloud.google.com `kubernetes-engine/docs/concepts/spot-vms`),
///   `cloud.google.com/gke-preemptible` = `true` (preemptible VMs, priced as Spot:
///   `kubernetes-engine/docs/how-to/preemptible-vms`), and `cloud.google.com/gke-nodepool`.
/// - AKS: `kubernetes.azure.com/scalesetpriority` = `spot` (or `regular`) and `kubernetes.azure.com/agentpool`
///   (MicrosoftDocs/azure-docs `articles/aks/reserved-labels-reference.md`).
enum CloudNodeLabels {
    /// The capacity type the labels state, nil when none of them is present.
    static func capacityType(_ labels: [String: String]) -> NodePool.CapacityType? {
        if let karpenter = labels["karpenter.sh/capacity-type"]?.lowercased() {
            switch karpenter {
            case "spot": return .spot
            case "reserved": return .reserved
            case "on-demand": return .onDemand
            default: break
            }
        }
        if let eks = labels["eks.amazonaws.com/capacityType"]?.uppercased() {
            switch eks {
            case "SPOT": return .spot
            case "CAPACITY_BLOCK": return .reserved
            case "ON_DEMAND": return .onDemand
            default: break
            }
        }
        if labels["cloud.google.com/gke-spot"]?.lowercased() == "true"
            || labels["cloud.google.com/gke-preemptible"]?.lowercased() == "true" {
            return .spot
        }
        if let priority = labels["kubernetes.azure.com/scalesetpriority"]?.lowercased() {
            return priority == "spot" ? .spot : .onDemand
        }
        return nil
    }

    /// Node-pool label keys, the most specific first: Karpenter names its NodePool even on EKS.
    static let poolKeys = ["karpenter.sh/nodepool", "eks.amazonaws.com/nodegroup", "cloud.google.com/gke-nodepool",
                           "kubernetes.azure.com/agentpool"]

    /// The cloud's name for the node's pool, nil when no pool label is present.
    static func poolName(_ labels: [String: String]) -> String? {
        poolKeys.lazy.compactMap { labels[$0] }.first { !$0.isEmpty }
    }
}
