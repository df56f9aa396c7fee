/// A Namespace and a GPU ResourceQuota per team, in every cluster: tenancy is uniform across the
/// fleet, so a workload moved between clusters finds its namespace waiting. The quota in each
/// cluster is the team's part of `quota.gpus` there (`TeamQuotaSplit`), not the whole quota again.
package struct TeamNamespaceEmitter: Emitter {
    package init() {}
    package var relativeCost: Int { 30 }

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        let exceptions = PodSecurityLevels.exceptions(plan)
        let split = TeamQuotaSplit.perCluster(plan)
        for cluster in p.clusters {
            for team in p.teams {
                let labels = PlatformLabels.common(p, team: team.name)
                // Pod Security Standards labels (and the reason when below `restricted`).
                let security = PodSecurityLevels.namespaceMetadata(reasons: exceptions[team.name]?[cluster.name] ?? [], plan: plan)
                var namespaceLabels = labels
                for entry in security.labels { namespaceLabels[entry.key] = entry.value }
                context.add(Manifest(apiVersion: "v1", kind: "Namespace", name: team.namespace, labels: namespaceLabels,
                                     annotations: security.annotations),
                            to: cluster.name, template: "core/namespace")
                guard let gpus = split[team.name]?[cluster.name] else { continue }
                var hard = ManifestMap()
                let usesDevicePlugin = cluster.nodePools.contains { $0.gpuAllocation == .devicePlugin }
                let usesDRA = cluster.nodePools.contains { $0.gpuAllocation == .dra }
                if usesDevicePlugin || !usesDRA { hard["requests.nvidia.com/gpu"] = .string(String(gpus)) }
                if usesDRA {
                    // DRA quota counts devices per DeviceClass (ResourceQuota for DRA, Kubernetes 1.34).
                    hard["gpu.nvidia.com.deviceclass.resource.k8s.io/devices"] = .string(String(gpus))
                    // A MIG slice is one device of `mig.nvidia.com`: the quota in GPUs × the most
                    // slices a GPU of the cluster's DRA pools is split into.
                    let slicesPerGPU = cluster.nodePools.filter { $0.gpuAllocation == .dra }.flatMap(\.migProfiles.values).max()
                    if let slicesPerGPU {
                        hard["mig.nvidia.com.deviceclass.resource.k8s.io/devices"] = .string(String(gpus * slicesPerGPU))
                    }
                }
                context.add(Manifest(apiVersion: "v1", kind: "ResourceQuota", name: "gpu-quota", namespace: team.namespace,
                                     labels: labels, body: ["spec": .map(["hard": .map(hard)])]),
                            to: cluster.name)
            }
        }
    }
}
