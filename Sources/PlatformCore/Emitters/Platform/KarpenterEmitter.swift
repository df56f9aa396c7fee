/// A Karpenter NodePool and EC2NodeClass per AWS node pool: the pool's instance type and capacity
/// type, the GPU taint, limits from `nodes.max`, and disruption that only ever removes empty nodes,
/// so a node serving a model is never consolidated mid-request.
package struct KarpenterEmitter: Emitter {
    /// How long a node must stay empty before Karpenter removes it: long enough to ride out an
    /// autoscaler's scale-down/scale-up swing, since GPU nodes take minutes to come back.
    package static let consolidateAfter = "30m"

    package init() {}

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        let servingPools = Set(plan.modelAssignments.values.flatMap { $0.map { "\($0.cluster)/\($0.pool)" } })
        // Pools a model caches on local NVMe (`cache.volume: instanceStore`, `ModelCacheCheck`).
        let nvmePools = Set(p.models.filter { $0.cache.volume == .instanceStore }
            .flatMap { (plan.modelAssignments[$0.name] ?? []).map { "\($0.cluster)/\($0.pool)" } })
        for cluster in p.clusters where cluster.provider == "aws" {
            for pool in cluster.nodePools {
                guard let instanceType = pool.instanceType else { continue }
                let instance = p.instanceCatalog.instance(named: instanceType)
                var labels = PlatformLabels.common(p)
                labels[Conventions.nodePoolLabel] = .string(pool.name)
                context
                    .add(nodePool(pool, instanceType: instanceType, instance: instance,
                        zones: pool.zones.isEmpty ? cluster.zones : pool.zones,
                                     serving: servingPools.contains(pool.id), labels: labels),
                            to: cluster.name, template: "karpenter/nodepool")
                context.add(nodeClass(pool, cluster: cluster.name, labels: labels, instanceStore: nvmePools.contains(pool.id)),
                            to: cluster.name, template: "karpenter/ec2nodeclass")
            }
        }
    }

    /// Karpenter's `karpenter.sh/capacity-type` value for a pool.
    static func capacityType(_ type: NodePool.CapacityType) -> String {
        switch type { case .onDemand: return "on-demand"; case .spot: return "spot"; case .reserved: return "reserved" }
    }

    func nodePool(_ pool: NodePool, instanceType: String, instance: InstanceType?, zones: [String], serving: Bool,
                  labels: ManifestMap) -> Manifest {
        var requirements: [ManifestValue] = [
            ["key": "node.kubernetes.io/instance-type", "operator": "In", "values": [.string(instanceType)]],
            ["key": "karpenter.sh/capacity-type", "operator": "In", "values": [.string(Self.capacityType(pool.capacityType))]],
        ]
        if !zones.isEmpty {
            requirements
                .append(["key": "topology.kubernetes.io/zone", "operator": "In", "values": .list(zones.sorted().map(ManifestValue.string))])
        }
        // Karpenter itself labels each node `karpenter.sh/nodepool: <name>`, which pods select
        // (`PoolScheduling`); the pool's own labels are added for the pods that select them too.
        var nodeLabels = ManifestMap()
        for (k, v) in pool.labels.sorted(by: { $0.key < $1.key }) { nodeLabels[k] = .string(v) }
        if pool.migProfiles.count == 1, let profile = pool.migProfiles.keys.first {
            // The GPU Operator's MIG manager partitions every GPU of the node to this layout.
            nodeLabels["nvidia.com/mig.config"] = .string("all-\(profile)")
        }
        var limits: ManifestMap = ["nvidia.com/gpu": .string(String(pool.maxNodes * pool.gpusPerNode))]
        if let instance {
            limits["cpu"] = .string(String(pool.maxNodes * instance.vcpus))
            limits["memory"] = .string("\(pool.maxNodes * instance.memoryGiB)Gi")
        }
        // Empty nodes go one at a time; nothing is replaced for drift or underuse while it serves a
        // model (those would evict live servers), while training-only pools may roll one node.
        let budgets: [ManifestValue] = [
            ["nodes": "1", "reasons": ["Empty"]],
            ["nodes": serving ? "0" : "1", "reasons": ["Drifted", "Underutilized"]],
        ]
        var template: ManifestMap = [:]
        if !nodeLabels.isEmpty { template["metadata"] = ["labels": .map(nodeLabels)] }
        template["spec"] = [
            "nodeClassRef": ["group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": .string(pool.name)],
            "requirements": .list(requirements),
            "taints": .list(PoolScheduling.taints(of: pool).map(PoolScheduling.value)),
            // Expiry ignores budgets and would drain a serving node; GPU nodes never expire.
            "expireAfter": "Never",
        ]
        if pool.staticNodes {
            // A static NodePool (`spec.replicas`) keeps `nodes.min` nodes whatever pods ask, so
            // pods Karpenter will not provision for (DRA claims) find nodes. Upstream CEL allows
            // only `limits.nodes` and ignores consolidation there (karpenter.sh_nodepools.yaml, v1.14.1).
            return Manifest(apiVersion: "karpenter.sh/v1", kind: "NodePool", name: pool.name, labels: labels, body: ["spec": [
                "replicas": .int(Int64(pool.minNodes)),
                "template": .map(template),
                "limits": ["nodes": .string(String(pool.minNodes))],
                // Drift replaces nodes one at a time, never while they serve a model.
                // `consolidateAfter` is required by the CRD and ignored on static pools.
                "disruption": ["consolidateAfter": "Never", "budgets": [["nodes": serving ? "0" : "1", "reasons": ["Drifted"]]]],
            ]])
        }
        return Manifest(apiVersion: "karpenter.sh/v1", kind: "NodePool", name: pool.name, labels: labels, body: ["spec": [
            "template": .map(template),
            "limits": .map(limits),
            "disruption": ["consolidationPolicy": "WhenEmpty", "consolidateAfter": .string(Self.consolidateAfter),
                "budgets": .list(budgets)],
        ]])
    }

    func nodeClass(_ pool: NodePool, cluster: String, labels: ManifestMap, instanceStore: Bool = false) -> Manifest {
        let discovery: ManifestValue = [["tags": ["karpenter.sh/discovery": .string(cluster)]]]
        var spec: ManifestMap = [
            // AL2023's alias picks the NVIDIA-accelerated AMI variant for GPU instance types.
            "amiSelectorTerms": [["alias": "al2023@latest"]],
            "role": .string("KarpenterNodeRole-\(cluster)"),
            "subnetSelectorTerms": discovery,
            "securityGroupSelectorTerms": discovery,
            // Model weights and training images are large: a 500 GiB gp3 root volume.
            "blockDeviceMappings": [["deviceName": "/dev/xvda",
                "ebs": ["volumeSize": .string("\(InstanceStorage.rootVolumeGiB)Gi"), "volumeType": "gp3", "encrypted": true,
                    "deleteOnTermination": true]]],
            "tags": ["platformc.dev/node-pool": .string(pool.id)],
        ]
        // The NVMe disks as one RAID0 array under the kubelet's and containerd's state, so emptyDir
        // model caches live on them (aws/karpenter-provider-aws `pkg/apis/v1/ec2nodeclass.go`,
        // `InstanceStorePolicyRAID0`).
        if instanceStore { spec["instanceStorePolicy"] = "RAID0" }
        return Manifest(apiVersion: "karpenter.k8s.aws/v1", kind: "EC2NodeClass", name: pool.name, labels: labels,
            body: ["spec": .map(spec)])
    }
}
