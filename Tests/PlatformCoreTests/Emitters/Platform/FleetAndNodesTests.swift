import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct FleetAndNodesTests {
    @Test func karpenterPoolLimitsAndDisruptionNeverTouchServingNodes() throws {
        let out = PlatformCompile.compile()
        let pool = try #require(PlatformCompile.object(out, cluster: "prod-use1", kind: "NodePool", name: "h100"))
        #expect(pool.value.at("spec.limits") == ["nvidia.com/gpu": "48", "cpu": "1152", "memory": "12288Gi"])
        #expect(pool.value.at("spec.disruption") == [
            "consolidationPolicy": "WhenEmpty", "consolidateAfter": "30m",
            "budgets": [["nodes": "1", "reasons": ["Empty"]], ["nodes": "0", "reasons": ["Drifted", "Underutilized"]]],
        ])
        #expect(pool.value.at("spec.template.spec.taints") == [["key": "nvidia.com/gpu", "effect": "NoSchedule"]])
        #expect(pool.value
            .at("spec.template.spec.requirements.1") == ["key": "karpenter.sh/capacity-type", "operator": "In", "values": ["on-demand"]])
        #expect(pool.annotations["argocd.argoproj.io/sync-wave"] == "-1")
        let mig = try #require(PlatformCompile.object(out, cluster: "prod-usw2", kind: "NodePool", name: "a100-mig"))
        // Karpenter adds karpenter.sh/nodepool
        #expect(mig.value.at("spec.template.metadata.labels") == ["nvidia.com/mig.config": "all-3g.40gb"])
        let nodeClass = try #require(PlatformCompile.object(out, cluster: "prod-use1", kind: "EC2NodeClass", name: "h100"))
        #expect(nodeClass.value.at("spec.role") == "KarpenterNodeRole-prod-use1")
        #expect(nodeClass.value.at("spec.metadataOptions.httpTokens") == "required")   // templates/karpenter/ec2nodeclass.yaml
    }

    /// Every pod template that selects a pool tolerates every taint that pool's NodePool sets.
    @Test func workloadsTolerateTheTaintsOfThePoolsTheySelect() throws {
        let out = PlatformCompile.compile()
        var selecting = 0
        for cluster in out.manifests?.clusters ?? [] {
            var taints: [String: [ManifestValue]] = [:]
            for m in cluster.manifests where m.kind == "NodePool" {
                taints[m.name] = m.value.at("spec.template.spec.taints")?.listValue ?? []
            }
            for m in cluster.manifests {
                for spec in podSpecs(m.value) {
                    guard let pool = spec["nodeSelector"]?[NodeProvisioning.karpenter.poolLabel]?.stringValue else { continue }
                    selecting += 1
                    let tolerations = spec["tolerations"]?.listValue ?? []
                    for taint in try #require(taints[pool]) {
                        let ok = tolerations.contains { t in
                            t["key"] == taint["key"] && t["effect"] == taint["effect"]
                                && (t["operator"] == "Exists" || t["value"] == taint["value"])
                        }
                        #expect(ok, "\(m.id) does not tolerate \(taint.jsonText) of pool \(pool)")
                    }
                }
            }
        }
        // At least the TrainJob patch and the nccl-tests Job; serving pods add more once merged.
        #expect(selecting >= 2)
    }

    func podSpecs(_ value: ManifestValue) -> [ManifestValue] {
        switch value {
        case .map(let map):
            let here: [ManifestValue] = map.contains("nodeSelector") ? [value] : []
            return here + map.entries.flatMap { podSpecs($0.value) }
        case .list(let items): return items.flatMap(podSpecs)
        default: return []
        }
    }

    @Test func monitorsAndAlerts() throws {
        let out = PlatformCompile.compile()
        let monitor = try #require(PlatformCompile
            .object(out, cluster: "prod-usw2", kind: "PodMonitor", name: "vllm", namespace: "monitoring"))
        #expect(monitor.value.at("spec.namespaceSelector") == ["matchNames": ["research", "support"]])
        #expect(monitor.value.at("spec.selector") == ["matchLabels": ["app.kubernetes.io/component": "model-server"]])
        #expect(monitor.value.at("spec.podMetricsEndpoints") == [["portNumber": 8000, "path": "/metrics", "interval": "15s"]])
        #expect(monitor.labels["release"] == "kube-prometheus-stack")
        let rules = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "PrometheusRule", name: "platform-gpu-alerts", namespace: "monitoring"))
        let alerts = (rules.value.at("spec.groups")?.listValue ?? []).flatMap { $0["rules"]?.listValue ?? [] }
        #expect(alerts.compactMap { $0["alert"]?.stringValue } == [
            "GPUUtilizationLow", "GPUXidError",
            "VLLMQueueDepthHigh", "VLLMKVCacheNearlyFull", "VLLMQueueDepthHigh", "VLLMKVCacheNearlyFull",
        ])
        #expect(alerts[0]["expr"] == "avg by (Hostname, gpu, UUID) (DCGM_FI_DEV_GPU_UTIL) < 10")
        #expect(alerts[0]["for"] == "1h")
        #expect(alerts[1]["expr"] == """
            max by (Hostname, gpu, UUID) (DCGM_FI_DEV_XID_ERRORS > 0 and changes(DCGM_FI_DEV_XID_ERRORS[5m]) > 0)
            """)
        // Each model's alert keeps its labels, in the expression and on the rule (no duplicate rules).
        let waiting = "sum by (namespace, model_name, pod) (vllm:num_requests_waiting{namespace=\"search\",model_name=\"llama-3-70b\"})"
        #expect(alerts[2]["expr"] == .string("avg by (namespace, model_name) (\(waiting)) > 16"))
        #expect(alerts[2]["labels"] == ["severity": "warning", "namespace": "search", "model_name": "llama-3-70b"])
        #expect(alerts[4]["labels"] == ["severity": "warning", "namespace": "search", "model_name": "llama-3-70b-next"])
    }

    @Test func queueAlertThresholdComesOnlyFromAQueueDepthTarget() throws {
        let spec = PlatformCompile.edit(PlatformCompile.bundledSpec, [
            ("autoscaling: { metric: queueDepth, target: 8 }", "autoscaling: { metric: kvCacheUsage, target: 80 }"),
        ])
        let rules = try #require(PlatformCompile.object(PlatformCompile.compile(spec), cluster: "prod-use1", kind: "PrometheusRule",
                                                        name: "platform-gpu-alerts", namespace: "monitoring"))
        let alerts = (rules.value.at("spec.groups")?.listValue ?? []).flatMap { $0["rules"]?.listValue ?? [] }
        let queue = alerts.filter { $0["alert"] == "VLLMQueueDepthHigh" && $0.at("labels.model_name") == "llama-3-70b" }
        #expect(queue.count == 1)
        #expect(queue.first?["expr"]?.stringValue?.hasSuffix(") > \(ObservabilityEmitter.defaultQueueDepthAlert)") == true)
    }

    @Test func argoApplicationSetAndSyncWaves() throws {
        let out = PlatformCompile.compile()
        let tree = try #require(out.tree)
        let set = try ManifestValue.parse(yaml: try #require(tree.files["argocd/applicationset-acme-ai.yaml"]))
        #expect(set.at("metadata.namespace") == "argocd")
        #expect(set
            .at("spec.generators") == [["git": ["repoURL": "https://github.com/acme/platform-gitops.git", "revision": "main",
                "directories": [["path": "clusters/*"]]]]])
        #expect(set.at("spec.template.spec.source.path") == "{{.path.path}}")
        #expect(set.at("spec.template.spec.destination") == ["name": "{{.path.basename}}"])
        for cluster in out.manifests?.clusters ?? [] {
            for m in cluster.manifests {
                #expect((m.annotations["argocd.argoproj.io/sync-wave"] == "-1") == (m.namespace == nil), "\(m.id)")
            }
        }
    }

    @Test func fluxKustomizationsDependOnTheClusterScopedFolder() throws {
        let out = PlatformCompile.compile(PlatformCompile.edit(PlatformCompile.bundledSpec, [("  engine: argocd", "  engine: flux")]))
        let tree = try #require(out.tree)
        #expect(tree.paths.filter { $0.hasPrefix("flux/prod-use1/") } == [
            "flux/prod-use1/kustomization-platform-cluster-scoped.yaml", "flux/prod-use1/kustomization-platform-monitoring.yaml",
            "flux/prod-use1/kustomization-platform-platform-system.yaml", "flux/prod-use1/kustomization-platform-platform.yaml",
            "flux/prod-use1/kustomization-platform-research.yaml", "flux/prod-use1/kustomization-platform-search.yaml",
            "flux/prod-use1/kustomization-platform-support.yaml", "flux/prod-use1/kustomization.yaml",
        ])
        let research = try ManifestValue.parse(yaml: try #require(tree.files["flux/prod-use1/kustomization-platform-research.yaml"]))
        #expect(research.at("spec.path") == "./clusters/prod-use1/research")
        #expect(research.at("spec.dependsOn") == [["name": "platform-cluster-scoped"]])
        let base = try ManifestValue.parse(yaml: try #require(tree.files["flux/prod-use1/kustomization-platform-cluster-scoped.yaml"]))
        #expect(base.at("spec.path") == "./clusters/prod-use1/_cluster")
        #expect(base.at("spec.dependsOn") == nil)
        #expect(tree.paths.contains { $0.hasPrefix("argocd/") } == false)
        #expect(out.manifests?.clusters.flatMap(\.manifests).contains { $0.annotations.contains("argocd.argoproj.io/sync-wave") } == false)
    }

    @Test func lockFileIsDeterministicAndNamesDigestVersionAndPlacement() throws {
        let a = try #require(PlatformCompile.compile().tree?.files["platform.lock.json"])
        let b = try #require(PlatformCompile.compile().tree?.files["platform.lock.json"])
        #expect(a == b)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any])
        #expect((json["specDigest"] as? String)?.hasPrefix("sha256:") == true)
        #expect((json["specDigest"] as? String)?.count == 71)
        #expect((json["compiler"] as? [String: String]) == ["name": "platformc", "version": PlatformcVersion.string])
        let placement = try #require(json["placement"] as? [String: [String: Any]])
        let job = try #require(placement["training"]?["llama-sft"] as? [String: Any])
        #expect(job["cluster"] as? String == "prod-use1")
        #expect(job["pool"] as? String == "h100")
        #expect(a.hasPrefix("{\n  \"compiler\": {\n    \"name\": \"platformc\","))
        // (5 × p5.48xlarge $55.04 + 4 × p4de.24xlarge $27.44705 + 2 × g6e.12xlarge $10.49264) × 730 h
        // = $296,360.64, plus $332.68 + $182.50 of external fallback traffic. The fifth p5: `llama-sft`
        // takes two nodes of one zone, and the four running ones are two per zone.
        let cost = try #require(json["cost"] as? [String: Any])
        #expect(cost["monthly"] as? String == "296875.82")
    }
}
