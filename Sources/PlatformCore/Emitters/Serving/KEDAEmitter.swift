/// A KEDA ScaledObject per autoscaled model and cluster, on a Prometheus trigger over vLLM's
/// metrics; with `observability.prometheus.authSecret`, a TriggerAuthentication per team namespace
/// that sends the Secret's bearer token.
package struct KEDAEmitter: Emitter {
    package var relativeCost: Int { 25 }
    package static let triggerAuthenticationName = "prometheus-auth"

    package init() {}

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        let server = p.observability.prometheusURL.isEmpty ? Conventions.defaultPrometheusURL : p.observability.prometheusURL
        var authNamespaces: Set<String> = []
        for d in ModelDeployment.all(in: plan) {
            guard let autoscaling = d.model.autoscaling else { continue }
            var labels = PlatformLabels.common(p, team: d.model.team)
            labels[PlatformLabels.model] = .string(d.model.name)
            let q = AutoscalingQuery(metric: autoscaling.metric, target: autoscaling.target, model: d.model.name, namespace: d.namespace)
            var trigger: ManifestMap = [
                "type": "prometheus", "name": .string(autoscaling.metric), "metricType": .string(q.metricType),
                "metadata": ["serverAddress": .string(server), "query": .string(q.query), "threshold": .string(q.threshold)],
            ]
            if let secret = p.observability.prometheusAuthSecret {
                trigger["metadata"]?["authModes"] = "bearer"
                trigger["authenticationRef"] = ["name": .string(Self.triggerAuthenticationName), "kind": "TriggerAuthentication"]
                if authNamespaces.insert("\(d.cluster)/\(d.namespace)").inserted {
                    context
                        .add(triggerAuthentication(secret: secret, namespace: d.namespace,
                            labels: PlatformLabels.common(p, team: d.model.team)),
                                to: d.cluster, template: "keda/triggerauthentication")
                }
            }
            let (minimum, maximum) = Self.bounds(d)
            let target = d.workloadKind
            context.add(Manifest(apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", name: d.name, namespace: d.namespace,
                                 labels: labels, body: ["spec": [
                                    "scaleTargetRef": ["apiVersion": .string(target.apiVersion), "kind": .string(target.kind),
                                        "name": .string(d.name)],
                                    "minReplicaCount": .int(Int64(minimum)), "maxReplicaCount": .int(Int64(maximum)),
                                    "cooldownPeriod": .int(Int64(autoscaling.cooldownSeconds)), "pollingInterval": 15,
                                    "triggers": [.map(trigger)],
                                 ]]),
                        to: d.cluster, template: "keda/scaledobject")
        }
    }

    /// The cluster's share: its placed replicas as the floor; the spec's headroom above the
    /// minimum goes to every cluster the model runs in (a cluster may have to carry it alone).
    static func bounds(_ d: ModelDeployment) -> (Int, Int) {
        let headroom = max(0, d.model.maxReplicas - d.model.minReplicas)
        return (d.replicas, d.replicas + headroom)
    }

    func triggerAuthentication(secret: String, namespace: String, labels: ManifestMap) -> Manifest {
        Manifest(apiVersion: "keda.sh/v1alpha1", kind: "TriggerAuthentication", name: Self.triggerAuthenticationName,
                 namespace: namespace, labels: labels, body: ["spec": [
                    "secretTargetRef": [["parameter": "bearerToken", "name": .string(secret),
                                         "key": .string(Conventions.prometheusAuthSecretKey)]],
                 ]])
    }
}
