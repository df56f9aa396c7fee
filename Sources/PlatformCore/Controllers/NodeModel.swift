/// The nodes of one pool as the cloud provisions them: their labels, taints and the extended
/// resources they offer.
/// - AWS: Karpenter creates the nodes from our NodePool: its `template.metadata.labels`, one value
///   of each `requirements` key, `karpenter.sh/nodepool: <pool>` (kubernetes-sigs/karpenter
///   v1.14.1 `pkg/apis/v1/labels.go`, NodePoolLabelKey), its `template.spec.taints`.
/// - GKE: each node carries `cloud.google.com/gke-nodepool: <pool>` (GKE docs,
///   `kubernetes-engine/docs/concepts/node-pools`: "Each node in the pool has a Kubernetes node
///   label, cloud.google.com/gke-nodepool, which has the node pool's name").
/// - AKS: each node carries `kubernetes.azure.com/agentpool: <agent pool name>` (MicrosoftDocs/azure-docs
///   `articles/aks/reserved-labels-reference.md`, "Reserved system labels").
/// - Elsewhere (OCI, on-premises, AWS without an instance type): `platformc.dev/node-pool: <pool>`,
///   which the operator puts on the nodes (`NodeProvisioning.operatorLabelled`).
/// - Everywhere: the pool's own `labels:` and `taints:` as the spec declares them,
///   `topology.kubernetes.io/zone` (one of the pool's zones) and `node.kubernetes.io/instance-type`.
/// Extended resources: `nvidia.com/gpu` per GPU with the device plugin and MIG off, `nvidia.com/mig-<profile>`
/// per slice with MIG (the NVIDIA device plugin's mixed strategy), `vpc.amazonaws.com/efa` per EFA
/// interface on AWS EFA pools (aws-efa-k8s-device-plugin); a DRA pool offers no GPU extended resource.
struct NodeModel {
    var pool: NodePool
    /// Label key → the values a node of the pool may carry (empty set: any value).
    var labels: [String: Set<String>] = [:]
    var taints: [Taint]
    var karpenter: Manifest?

    init(_ pool: NodePool, cluster: Cluster, karpenter: Manifest?) {
        self.pool = pool
        self.karpenter = karpenter
        taints = pool.taints
        for (key, value) in pool.labels { labels[key] = [value] }
        let zones = pool.zones.isEmpty ? cluster.zones : pool.zones
        labels["topology.kubernetes.io/zone"] = Set(zones)
        if let type = pool.instanceType { labels["node.kubernetes.io/instance-type"] = [type] }
        // The label that names the pool: the cloud's (GKE, AKS), or ours where nothing platformc
        // knows of labels the nodes and the operator does (`NodeProvisioning.operatorLabelled`,
        // documented with E7600–E7699); Karpenter's comes from its NodePool below.
        let provisioning = NodeProvisioning.of(provider: cluster.provider, instanceType: pool.instanceType)
        if provisioning != .karpenter { labels[provisioning.poolLabel] = [pool.name] }
        if let karpenter {
            labels["karpenter.sh/nodepool"] = [karpenter.name]
            let template = karpenter.object["spec"]?["template"]
            for entry in template?["metadata"]?["labels"]?.mapValue ?? ManifestMap() {
                if let value = entry.value.stringValue { labels[entry.key] = [value] }
            }
            for requirement in template?["spec"]?["requirements"]?.listValue ?? [] {
                guard let key = requirement["key"]?.stringValue, requirement["operator"]?.stringValue == "In" else { continue }
                labels[key] = Set((requirement["values"]?.listValue ?? []).compactMap(\.stringValue))
            }
            for taint in template?["spec"]?["taints"]?.listValue ?? [] {
                guard let key = taint["key"]?.stringValue, let effect = taint["effect"]?.stringValue else { continue }
                let parsed = Taint(key: key, value: taint["value"]?.stringValue, effect: effect)
                if !taints.contains(parsed) { taints.append(parsed) }
            }
        }
    }

    /// How many of `resource` one node offers; nil for resources this model does not know.
    func perNode(_ resource: String) -> Double? {
        let gpus = Double(pool.gpusPerNode)
        switch resource {
        case "nvidia.com/gpu":
            return pool.gpuAllocation == .devicePlugin && pool.migProfiles.isEmpty ? gpus : 0
        case "vpc.amazonaws.com/efa":
            return pool.fabric == .efa ? Double(pool.nics) : 0
        case let mig where mig.hasPrefix("nvidia.com/mig-"):
            guard pool.gpuAllocation == .devicePlugin else { return 0 }
            return Double(pool.migProfiles[String(mig.dropFirst("nvidia.com/mig-".count))] ?? 0) * gpus
        default:
            return nil
        }
    }

    /// What the whole pool holds of `resource`: Karpenter's `limits` where it sets one, else
    /// `maxNodes` nodes.
    func poolCapacity(_ resource: String) -> Double? {
        if let limit = karpenter?.object["spec"]?["limits"]?[resource], let value = PodResources.quantity(limit) { return value }
        return perNode(resource).map { $0 * Double(pool.maxNodes) }
    }

    /// Why a pod with this spec cannot run on the pool's nodes; nil when it can. `requested`: the
    /// spec's `PodResources.requested`, when the caller has it already (one pod, every pool).
    func refusal(_ spec: ManifestMap, requested: [String: Double]? = nil) -> String? {
        for entry in spec["nodeSelector"]?.mapValue ?? ManifestMap() {
            let value = entry.value.stringValue ?? ""
            guard let values = labels[entry.key] else { return "its nodes have no label `\(entry.key)`" }
            if !values.isEmpty, !values.contains(value) {
                return "its nodes have `\(entry.key)` \(values.sorted().map { "`\($0)`" }.joined(separator: ", ")), not `\(value)`"
            }
        }
        if let terms =
            spec["affinity"]?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]?.listValue,
           !terms.isEmpty, let reason = affinityRefusal(terms) {
            return reason
        }
        let tolerations = spec["tolerations"]?.listValue ?? []
        for taint in taints where taint.effect != "PreferNoSchedule" && !tolerations.contains(where: { tolerates($0, taint) }) {
            return """
                its nodes are tainted `\(taint.key)\(taint.value.map { "=\($0)" } ?? ""):\(taint.effect)`, which the pod does not tolerate
                """
        }
        for (resource, amount) in (requested ?? PodResources.requested(spec)).sorted(by: { $0.key < $1.key }) {
            guard let offered = perNode(resource), amount > offered else { continue }
            return "a node offers \(PodResources.format(offered)) `\(resource)`, the pod requests \(PodResources.format(amount))"
        }
        return nil
    }

    /// Required node affinity: one term must hold (ORed), each expression of it (ANDed).
    func affinityRefusal(_ terms: [ManifestValue]) -> String? {
        var first: String?
        for term in terms {
            var reason: String?
            for expression in term["matchExpressions"]?.listValue ?? [] {
                guard let key = expression["key"]?.stringValue else { continue }
                let wanted = Set((expression["values"]?.listValue ?? []).compactMap(\.stringValue))
                let have = labels[key]
                let holds: Bool
                switch expression["operator"]?.stringValue {
                case "In": holds = have.map { $0.isEmpty || !$0.isDisjoint(with: wanted) } ?? false
                case "NotIn": holds = have.map { $0.isEmpty || !$0.isSubset(of: wanted) } ?? true
                case "Exists": holds = have != nil
                case "DoesNotExist": holds = have == nil
                default: holds = true
                }
                if !holds { reason = "its nodes do not meet the node affinity on `\(key)`"; break }
            }
            guard let reason else { return nil }
            first = first ?? reason
        }
        return first
    }

    /// Kubernetes' toleration match (k8s.io/api `core/v1/toleration.go`, ToleratesTaint): an empty
    /// effect matches every effect, an empty key with `Exists` every taint, `Exists` any value,
    /// `Equal` (the default) the same value.
    func tolerates(_ toleration: ManifestValue, _ taint: Taint) -> Bool {
        let effect = toleration["effect"]?.stringValue ?? ""
        guard effect.isEmpty || effect == taint.effect else { return false }
        let key = toleration["key"]?.stringValue ?? ""
        let op = toleration["operator"]?.stringValue ?? "Equal"
        if key.isEmpty { return op == "Exists" }
        guard key == taint.key else { return false }
        return op == "Exists" || (toleration["value"]?.stringValue ?? "") == (taint.value ?? "")
    }
}
