/// Prometheus Operator objects per cluster (when `observability.prometheus.enabled`): a PodMonitor
/// scraping every vLLM server's `/metrics`, a ServiceMonitor for the GPU Operator's DCGM exporter,
/// and a PrometheusRule with the alerts that matter for GPU serving and training.
public struct ObservabilityEmitter: Emitter {
    public static let vllmMonitorName = "vllm"
    public static let dcgmMonitorName = "dcgm-exporter"
    public static let rulesName = "platform-gpu-alerts"
    /// Queue depth that pages when a model has no autoscaling target to derive it from.
    public static let defaultQueueDepthAlert = 16

    public init() {}

    public func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        guard p.observability.prometheusEnabled else { return }
        let modelClusters = p.models.map { plan.clusters(of: $0.name) }  // once per model, not per model and cluster
        for cluster in p.clusters {
            let labels = PlatformLabels.common(p)
            let models = p.models.indices.filter { modelClusters[$0].contains(cluster.name) }.map { p.models[$0] }
            let namespaces = Set(models.compactMap { p.team($0.team)?.namespace }).sorted()
            if !namespaces.isEmpty {
                context.add(Manifest(apiVersion: "monitoring.coreos.com/v1", kind: "PodMonitor", name: Self.vllmMonitorName,
                                     namespace: Conventions.monitoringNamespace, labels: labels, body: ["spec": [
                                        "namespaceSelector": ["matchNames": .list(namespaces.map(ManifestValue.string))],
                                        "selector": ["matchLabels": [PlatformLabels.component: .string(Conventions.Component.modelServer)]],
                                        "podTargetLabels": [.string(PlatformLabels.name)],
                                        "podMetricsEndpoints": [["portNumber": .int(Int64(Conventions.modelServerPort)), "path": "/metrics", "interval": "15s"]],
                                     ]]),
                            to: cluster.name, template: "observability/podmonitor")
            }
            guard !cluster.nodePools.isEmpty else { continue }
            context.add(Manifest(apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor", name: Self.dcgmMonitorName,
                                 namespace: Conventions.monitoringNamespace, labels: labels, body: ["spec": [
                                    "namespaceSelector": ["matchNames": [.string(Conventions.gpuOperatorNamespace)]],
                                    "selector": ["matchLabels": ["app": "nvidia-dcgm-exporter"]],
                                    "endpoints": [["port": "gpu-metrics", "path": "/metrics", "interval": "15s"]],
                                 ]]),
                        to: cluster.name, template: "observability/servicemonitor")
            context.add(Manifest(apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", name: Self.rulesName,
                                 namespace: Conventions.monitoringNamespace, labels: labels,
                                 body: ["spec": ["groups": .list(Self.groups(models: models, platform: p))]]),
                        to: cluster.name, template: "observability/prometheusrule")
        }
    }

    static func rule(_ name: String, _ expr: String, for duration: String, severity: String, summary: String) -> ManifestValue {
        ["alert": .string(name), "expr": .string(expr), "for": .string(duration),
         "labels": ["severity": .string(severity)], "annotations": ["summary": .string(summary)]]
    }

    /// GPU health rules for every cluster, and serving rules per model placed in it.
    static func groups(models: [Model], platform p: Platform) -> [ManifestValue] {
        let gpu: [ManifestValue] = [
            rule("GPUUtilizationLow", "avg by (Hostname, gpu) (DCGM_FI_DEV_GPU_UTIL) < 10", for: "1h", severity: "warning",
                 summary: "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} under 10% busy for an hour: paid for and idle"),
            rule("GPUXidError", "max by (Hostname, gpu) (DCGM_FI_DEV_XID_ERRORS) > 0", for: "0m", severity: "critical",
                 summary: "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} reported XID {{ $value }}; drain and check the node"),
        ]
        var groups: [ManifestValue] = [["name": "gpu", "rules": .list(gpu)]]
        var serving: [ManifestValue] = []
        for model in models.sorted(by: { $0.name < $1.name }) {
            guard let namespace = p.team(model.team)?.namespace else { continue }
            let selector = "namespace=\"\(namespace)\",model_name=\"\(model.name)\""
            // Twice the autoscaling target: autoscaling should have absorbed it by then.
            let threshold = model.autoscaling.map { Int(($0.target * 2).rounded(.up)) } ?? defaultQueueDepthAlert
            serving.append(rule("VLLMQueueDepthHigh", "sum(vllm:num_requests_waiting{\(selector)}) > \(threshold)", for: "5m",
                                severity: "warning", summary: "\(model.name): more than \(threshold) requests waiting for 5 minutes"))
            // vLLM renamed gpu_cache_usage_perc to kv_cache_usage_perc (v0.10); either may be served.
            serving.append(rule("VLLMKVCacheNearlyFull",
                                "max(vllm:kv_cache_usage_perc{\(selector)} or vllm:gpu_cache_usage_perc{\(selector)}) > 0.95",
                                for: "10m", severity: "warning",
                                summary: "\(model.name): KV cache over 95% for 10 minutes; requests are being preempted"))
        }
        if !serving.isEmpty { groups.append(["name": "vllm", "rules": .list(serving)]) }
        return groups
    }
}
