/// Who creates a pool's nodes, and so which node label names the pool on them: pods select a
/// pool by the label its provisioner really sets, never by one nothing puts on the nodes.
///
/// - Karpenter (AWS pools with an `instanceType`: platformc emits the NodePool, named like the
///   pool) labels each node `karpenter.sh/nodepool: <NodePool name>` (kubernetes-sigs/karpenter
///   `pkg/apis/v1/labels.go` at v1.14.1, `NodePoolLabelKey = apis.Group + "/nodepool"`).
/// - GKE: "each node in the pool has a Kubernetes node label, `cloud.google.com/gke-nodepool`,
///   which has the node pool's name" (docs.cloud.google.com `kubernetes-engine/docs/concepts/node-pools`).
///   The GKE node pool is created outside platformc, under the pool's name.
/// - AKS: `kubernetes.azure.com/agentpool: <agent pool name>` (MicrosoftDocs/azure-docs
///   `articles/aks/reserved-labels-reference.md`); the agent pool is created outside platformc,
///   under the pool's name, which AKS restricts (`AKSPoolName`).
/// - Anything else (OCI, on-premises, an AWS pool without an instance type, which Karpenter does
///   not provision): nothing platformc knows of labels the nodes, so the operator labels them
///   `platformc.dev/node-pool: <pool>` (docs/diagnostics.md, E7600–E7699).
package enum NodeProvisioning: String, Hashable, Sendable {
    case karpenter, gkeNodePool, aksAgentPool, operatorLabelled

    /// How `provider` provisions a pool that has (or lacks) an instance type.
    package static func of(provider: String, instanceType: String?) -> NodeProvisioning {
        switch provider {
        case "aws": return instanceType == nil ? .operatorLabelled : .karpenter
        case "gcp": return .gkeNodePool
        case "azure": return .aksAgentPool
        default: return .operatorLabelled
        }
    }

    /// The node label whose value is the pool's name.
    package var poolLabel: String {
        switch self {
        case .karpenter: return "karpenter.sh/nodepool"
        case .gkeNodePool: return "cloud.google.com/gke-nodepool"
        case .aksAgentPool: return "kubernetes.azure.com/agentpool"
        case .operatorLabelled: return Conventions.nodePoolLabel
        }
    }

    /// The provisioner as the docs name it, for messages.
    package var displayName: String {
        switch self {
        case .karpenter: return "Karpenter"
        case .gkeNodePool: return "a GKE node pool"
        case .aksAgentPool: return "an AKS agent pool"
        case .operatorLabelled: return "the operator"
        }
    }
}

/// AKS agent pool names: "can only contain lowercase alphanumeric characters and must begin with
/// a lowercase letter. For Linux node pools, the length must be between 1 and 12 characters"
/// (MicrosoftDocs/azure-docs `articles/aks/use-system-pools.md`, "Limitations", as read 2026-12-06).
package enum AKSPoolName {
    package static let maxLength = 12

    package static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= maxLength else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// A valid name close to `name`: its lowercase letters and digits, cut to 12, starting with a letter.
    package static func suggestion(for name: String) -> String {
        var kept = String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        while let first = kept.unicodeScalars.first, !("a"..."z").contains(first) { kept.removeFirst() }
        return kept.isEmpty ? "gpu" : String(kept.prefix(maxLength))
    }
}

/// GKE node pool names: the API refuses any other with "Must be a match of regex
/// '(?:[a-z](?:[-a-z0-9]{0,38}[a-z0-9])?)' (only lowercase alphanumerics and '-' allowed, must start
/// with a letter and end with an alphanumeric, and must be no longer than 40 characters)" (the
/// `node_pool.name` error quoted in hashicorp/terraform-provider-google#3411 and
/// pulumi/pulumi-gcp#1510); GKE's console states the same rule: "Node pool names must start with a
/// lowercase letter followed by up to 39 lowercase letters, numbers, or hyphens. They can't end with
/// a hyphen." (quoted in rancher/dashboard#9625).
package enum GKEPoolName {
    package static let maxLength = 40

    package static func isValid(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, ("a"..."z").contains(first), scalars.count <= maxLength,
              last != "-" else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A valid name close to `name`: lowercase, other characters as `-`, from its first letter,
    /// cut to 40, without a trailing `-`.
    package static func suggestion(for name: String) -> String {
        var kept = String(String.UnicodeScalarView(name.lowercased().unicodeScalars.map {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) ? $0 : "-"
        }))
        while let first = kept.unicodeScalars.first, !("a"..."z").contains(first) { kept.removeFirst() }
        kept = String(kept.prefix(maxLength))
        while kept.hasSuffix("-") { kept.removeLast() }
        return kept.isEmpty ? "gpu" : kept
    }
}
