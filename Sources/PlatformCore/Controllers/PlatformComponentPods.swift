import PlatformDiagnostics

/// Pods of platform components installed beside what we emit, which our objects talk to: the
/// kagent controller (where agents fetch their config and report) and Prometheus (what KEDA and
/// the monitors use). Derived only where something of ours needs them.
enum PlatformComponentPods {
    static func pods(cluster: String, manifests index: ClusterIndex, origins: WorkloadOrigins) -> [DerivedPod] {
        var pods: [DerivedPod] = []
        if index.hasAgents { pods.append(kagentController(cluster: cluster)) }
        if index.hasMonitors { pods.append(prometheus(cluster: cluster)) }
        return pods
    }

    /// kagent v0.9.12 Helm chart, release `kagent` in namespace `kagent`
    /// (`helm/kagent/templates/controller-deployment.yaml`; `_helpers.tpl`,
    /// kagent.controller.selectorLabels): pod labels `app.kubernetes.io/name: kagent` (the chart's
    /// name), `app.kubernetes.io/instance: kagent`, `app.kubernetes.io/component: controller`;
    /// ServiceAccount `kagent-controller`; HTTP API on 8083 (`values.yaml`, controller.service.ports).
    static func kagentController(cluster: String) -> DerivedPod {
        DerivedPod(cluster: cluster, namespace: Conventions.kagentNamespace, workload: "kagent-controller", role: .kagentController,
                   labels: ["app.kubernetes.io/name": "kagent", "app.kubernetes.io/instance": "kagent",
                            "app.kubernetes.io/component": "controller"],
                   ports: [NetworkPort(8083)], serviceAccount: "kagent-controller", podSpec: ManifestMap(),
                   owner: ManifestID(group: "apps", kind: "Deployment", namespace: Conventions.kagentNamespace, name: "kagent-controller"),
                   declaredAt: nil, count: 1)
                       .derived(by: """
                           kagent v0.9.12 Helm chart: controller Deployment in `kagent` (helm/kagent/templates/controller-deployment.yaml)
                           """)
    }

    /// prometheus-operator v0.86.0: the pods of a Prometheus named `p` carry
    /// `app.kubernetes.io/managed-by: prometheus-operator`, `app.kubernetes.io/name: prometheus`,
    /// `app.kubernetes.io/instance: p`, `operator.prometheus.io/name: p`, `prometheus: p` and
    /// `operator.prometheus.io/shard: "0"` (`pkg/prometheus/server/operator.go`, makeSelectorLabels;
    /// `statefulset.go`, makeStatefulSetSpec), listen on 9090 behind the `prometheus-operated`
    /// Service (`statefulset.go`, governingServiceName). `p` is kube-prometheus-stack's
    /// `kube-prometheus-stack-prometheus` in `monitoring` (the install docs/README assume that
    /// release); selectors should use `app.kubernetes.io/name`, which does not depend on it.
    static func prometheus(cluster: String) -> DerivedPod {
        let name = "kube-prometheus-stack-prometheus"
        return DerivedPod(cluster: cluster, namespace: Conventions.monitoringNamespace, workload: "prometheus", role: .prometheus,
                          labels: ["app.kubernetes.io/managed-by": "prometheus-operator", "app.kubernetes.io/name": "prometheus",
                                   "app.kubernetes.io/instance": name, "operator.prometheus.io/name": name, "prometheus": name,
                                   "operator.prometheus.io/shard": "0"],
                          ports: [NetworkPort(9090)], serviceAccount: nil, podSpec: ManifestMap(),
                          owner: ManifestID(group: "monitoring.coreos.com", kind: "Prometheus", namespace: Conventions.monitoringNamespace,
                              name: name),
                          declaredAt: nil, count: 1)
                              .derived(by: """
                                  prometheus-operator v0.86.0: Prometheus StatefulSet pods (pkg/prometheus/server/operator.go \
                                  makeSelectorLabels)
                                  """)
    }
}
