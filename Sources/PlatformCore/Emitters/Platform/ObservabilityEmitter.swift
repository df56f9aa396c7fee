/// Prometheus Operator objects per cluster (when `observability.prometheus.enabled`): a PodMonitor
/// scraping every vLLM server's `/metrics`, a ServiceMonitor for the GPU Operator's DCGM exporter,
/// and a PrometheusRule with the alerts that matter for GPU serving and training.
package struct ObservabilityEmitter: Emitter {
    package var relativeCost: Int { 35 }
    package static let vllmMonitorName = "vllm"
    package static let dcgmMonitorName = "dcgm-exporter"
    package static let rulesName = "platform-gpu-alerts"
    /// Queue depth that pages when a model has no autoscaling target to derive it from.
    package static let defaultQueueDepthAlert = 16

    package init() {}

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
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
                                        "podMetricsEndpoints": [["portNumber": .int(Int64(Conventions.modelServerPort)), "path": "/metrics",
                                            "interval": "15s"]],
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

    static func rule(_ name: String, _ expr: String, for duration: String, severity: String,
                     labels: [(String, String)] = [], summary: String) -> ManifestValue {
        var ruleLabels: ManifestValue = ["severity": .string(severity)]
        for (key, value) in labels { ruleLabels[key] = .string(value) }
        return ["alert": .string(name), "expr": .string(expr), "for": .string(duration),
                "labels": ruleLabels, "annotations": ["summary": .string(summary)]]
    }

    /// How long a new XID keeps its alert firing: one change pages once, then resolves.
    static let xidWindow = "5m"

    /// GPU health rules for every cluster, and serving rules per model placed in it. Every alert
    /// keeps the labels naming what fired (GPU, or namespace and model), so two GPUs or two models
    /// are two alerts, and per-model rules carry those labels too (else `promtool` sees duplicates).
    static func groups(models: [Model], platform p: Platform) -> [ManifestValue] {
        typealias D = UpstreamMetrics.DCGM
        let gpuBy = "by (\(D.gpuIdentity.joined(separator: ", ")))"
        // `changes` rather than `!= … offset`: it sees every change in the window (also A→B→A and
        // changes shorter than the offset) and never compares across series of a restarted exporter.
        // `> 0` leaves out a reset to 0 and makes the value the new XID.
        let xid = "max \(gpuBy) (\(D.lastXid) > 0 and changes(\(D.lastXid)[\(xidWindow)]) > 0)"
        let gpu: [ManifestValue] = [
            rule("GPUUtilizationLow", "avg \(gpuBy) (\(D.gpuUtilization)) < 10", for: "1h", severity: "warning",
                 summary: "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} under 10% busy for an hour: paid for and idle"),
            rule("GPUXidError", xid, for: "0m", severity: "critical",
                 summary: """
                     GPU {{ $labels.gpu }} ({{ $labels.UUID }}) on {{ $labels.Hostname }} reported XID {{ $value }}; drain and check the \
                     node
                     """),
        ]
        var groups: [ManifestValue] = [["name": "gpu", "rules": .list(gpu)]]
        var serving: [ManifestValue] = []
        typealias V = UpstreamMetrics.VLLM
        let modelBy = "by (\(V.namespaceLabel), \(V.modelLabel))"
        for model in models.sorted(by: { $0.name < $1.name }) {
            guard let namespace = p.team(model.team)?.namespace else { continue }
            let selector = V.selector(namespace: namespace, model: model.name)
            let identity = [(V.namespaceLabel, namespace), (V.modelLabel, model.name)]
            // Per replica, like KEDA's AverageValue: twice a queue-depth target means autoscaling
            // should have absorbed it by then (another metric's target is no queue length).
            // A pod sums its engines (one series per engine).
            let queueTarget = model.autoscaling.flatMap { $0.metric == "queueDepth" ? $0.target : nil }
            let threshold = queueTarget.map { Int(($0 * 2).rounded(.up)) } ?? defaultQueueDepthAlert
            let waiting = "sum by (\(V.namespaceLabel), \(V.modelLabel), \(V.podLabel)) (\(V.requestsWaiting)\(selector))"
            serving.append(rule("VLLMQueueDepthHigh", "avg \(modelBy) (\(waiting)) > \(threshold)", for: "5m",
                                severity: "warning", labels: identity,
                                summary: "\(model.name): more than \(threshold) requests waiting per replica for 5 minutes"))
            serving.append(rule("VLLMKVCacheNearlyFull",
                                "max \(modelBy) (\(V.kvCacheUsage)\(selector) or \(V.kvCacheUsageDeprecated)\(selector)) > 0.95",
                                for: "10m", severity: "warning", labels: identity,
                                summary: "\(model.name): KV cache over 95% for 10 minutes; requests are being preempted"))
        }
        if !serving.isEmpty { groups.append(["name": "vllm", "rules": .list(serving)]) }
        return groups
    }
}
