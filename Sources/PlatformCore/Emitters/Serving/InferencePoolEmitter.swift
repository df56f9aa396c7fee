/// For models with prefix-cache-aware routing: an InferencePool (`inference.networking.k8s.io/v1`)
/// over the model's server pods, and its endpoint picker (EPP) as llm-d/llm-d-router's chart deploys
/// it (`config/charts/llm-d-router-gateway` with `routerlib`, v0.10.0; `ComponentVersions.endpointPicker`):
/// a ServiceAccount, its RBAC (`EndpointPickerRBAC`), the plugins ConfigMap, a Deployment and a gRPC
/// Service. Routes then point at the pool.
///
/// The pool fails closed, so the picker must not be a single point of failure: two replicas with
/// the picker's own leader election (`--ha-enable-leader-election`, pkg/epp/server/options.go v0.10.0):
/// only the leader passes readiness (gRPC service `readiness`), so the Service sends ext-proc to it
/// alone and a standby takes over when its lease lapses. No PodDisruptionBudget: the standby is
/// never ready, so any `minAvailable`/`maxUnavailable` would leave zero allowed disruptions and
/// block every node drain; the preferred anti-affinity keeps the two on different nodes instead.
package struct InferencePoolEmitter: Emitter {
    package init() {}
    package var relativeCost: Int { 60 }

    /// The EPP's ports, as upstream: ext-proc gRPC, gRPC health, Prometheus metrics.
    static let healthPort: Int64 = 9003
    static let metricsPort: Int64 = 9090
    static let pluginsFile = "default-plugins.yaml"
    /// Replicas of each picker: one leader and a standby (see above).
    static let replicas: Int64 = 2

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        for d in ModelDeployment.all(in: plan) where d.model.prefixCacheAware {
            let epp = Conventions.endpointPickerName(d.model.name)
            var labels = PlatformLabels.common(p, team: d.model.team)
            labels[PlatformLabels.model] = .string(d.model.name)
            var eppLabels = labels
            eppLabels[PlatformLabels.name] = .string(epp)
            eppLabels[PlatformLabels.component] = .string(Conventions.Component.endpointPicker)
            var objects: [(Manifest, String)] = [
                (pool(d, labels: labels), "inferencepool"),
                (WorkloadSecurity.serviceAccount(epp, namespace: d.namespace, labels: eppLabels), "epp-serviceaccount"),
            ]
            for (object, template) in EndpointPickerRBAC.objects(epp, namespace: d.namespace, labels: eppLabels) {
                objects.append((object, template))
            }
            objects.append((Manifest(apiVersion: "v1", kind: "ConfigMap", name: epp, namespace: d.namespace, labels: eppLabels,
                                     body: ["data": [Self.pluginsFile: .string(Self.pluginsConfig)]]), "epp-configmap"))
            objects
                .append((deployment(d, name: epp, labels: eppLabels, image: p.components.image(ComponentVersions.endpointPicker)),
                    "epp-deployment"))
            objects.append((service(epp, namespace: d.namespace, labels: eppLabels), "epp-service"))
            for (object, template) in objects { context.add(object, to: d.cluster, template: "gateway/\(template)") }
        }
    }

    func pool(_ d: ModelDeployment, labels: ManifestMap) -> Manifest {
        Manifest(apiVersion: "inference.networking.k8s.io/v1", kind: "InferencePool", name: d.name, namespace: d.namespace,
                 labels: labels, body: ["spec": [
                    "selector": ["matchLabels": .map(Conventions.modelSelector(d.model.name))],
                    "targetPorts": [["number": .int(Int64(Conventions.modelServerPort))]],
                    "endpointPickerRef": ["name": .string(Conventions.endpointPickerName(d.model.name)), "kind": "Service",
                                          "port": ["number": .int(Int64(Conventions.endpointPickerPort))],
                                          "failureMode": "FailClose"],
                 ]])
    }

    /// Queue depth, KV-cache use and prefix-cache hits, weighted as the upstream chart's default
    /// profile (routerlib `_config.yaml`, v0.10.0). The metrics data source and vLLM's extractor,
    /// which the chart lists too, are injected by the picker when absent (`ensureDataLayer`).
    static let pluginsConfig = """
        apiVersion: llm-d.ai/v1alpha1
        kind: EndpointPickerConfig
        plugins:
        - type: queue-scorer
        - type: kv-cache-utilization-scorer
        - type: prefix-cache-scorer
        schedulingProfiles:
        - name: default
          plugins:
          - pluginRef: queue-scorer
            weight: 2
          - pluginRef: kv-cache-utilization-scorer
            weight: 2
          - pluginRef: prefix-cache-scorer
            weight: 3

        """

    func deployment(_ d: ModelDeployment, name: String, labels: ManifestMap, image: String) -> Manifest {
        let selector: ManifestMap = [PlatformLabels.name: .string(name),
            PlatformLabels.component: .string(Conventions.Component.endpointPicker)]
        var pod = WorkloadSecurity.podIdentity(serviceAccount: name)
        // The picker reads pods and pools through the API: it needs its token, unlike the servers.
        pod["automountServiceAccountToken"] = true
        // Mirrors the longest grace period of the model servers it routes to.
        pod["terminationGracePeriodSeconds"] = 130
        // With leader election the picker serves `liveness` (every replica) and `readiness` (the
        // leader only) instead of `inference-extension` (chart routerlib `_deployment.yaml`, v0.10.0).
        func probe(_ service: String) -> ManifestValue {
            ["grpc": ["port": .int(Self.healthPort), "service": .string(service)], "initialDelaySeconds": 5, "periodSeconds": 10]
        }
        // Prefer the standby on another node than the leader, without blocking scheduling.
        pod["affinity"] = ["podAntiAffinity": ["preferredDuringSchedulingIgnoredDuringExecution": [[
            "weight": 100,
            "podAffinityTerm": ["labelSelector": ["matchLabels": .map(selector)], "topologyKey": "kubernetes.io/hostname"],
        ]]]]
        pod["containers"] = [[
            "name": "epp",
            "image": .string(image),
            "args": .list(Self.arguments(pool: d.name, namespace: d.namespace).map(ManifestValue.string)),
            "env": [["name": "NAMESPACE", "valueFrom": ["fieldRef": ["fieldPath": "metadata.namespace"]]]],
            "ports": [["name": "grpc", "containerPort": .int(Int64(Conventions.endpointPickerPort))],
                      ["name": "grpc-health", "containerPort": .int(Self.healthPort)],
                      ["name": "metrics", "containerPort": .int(Self.metricsPort)]],
            "livenessProbe": probe("liveness"), "readinessProbe": probe("readiness"),
            "securityContext": WorkloadSecurity.containerSecurityContext,
            "volumeMounts": [["name": "plugins-config", "mountPath": "/config", "readOnly": true]],
        ]]
        pod["volumes"] = [["name": "plugins-config", "configMap": ["name": .string(name)]]]
        return Manifest(apiVersion: "apps/v1", kind: "Deployment", name: name, namespace: d.namespace, labels: labels, body: ["spec": [
            "replicas": .int(Self.replicas),
            // A rolling update would wait forever for a new replica to be ready while the old leader
            // holds the lease; upstream's chart recreates (routerlib `_deployment.yaml`, v0.10.0).
            "strategy": ["type": "Recreate"],
            "selector": ["matchLabels": .map(selector)],
            "template": ["metadata": ["labels": .map(selector)], "spec": .map(pod)],
        ]])
    }

    /// The picker's command line, as the v0.10.0 chart writes it (flags of pkg/epp/server/options.go).
    /// No metric flag: v0.10.0 refuses to start with one, and its vLLM defaults are the names vLLM
    /// 0.34.0 publishes (`UpstreamMetrics.VLLM`; checked by `EndpointPickerTests`). No collector is
    /// configured for the picker, so tracing is off as in the chart's default.
    static func arguments(pool: String, namespace: String) -> [String] {
        ["--pool-name", pool, "--pool-namespace", namespace, "--pool-group", "inference.networking.k8s.io",
         "--zap-encoder", "json", "--config-file", "/config/\(pluginsFile)",
         "--ha-enable-leader-election", "--tracing=false"]
    }

    func service(_ name: String, namespace: String, labels: ManifestMap) -> Manifest {
        Manifest(apiVersion: "v1", kind: "Service", name: name, namespace: namespace, labels: labels, body: ["spec": [
            "type": "ClusterIP",
            "selector": [PlatformLabels.name: .string(name), PlatformLabels.component: .string(Conventions.Component.endpointPicker)],
            "ports": [["name": "grpc-ext-proc", "port": .int(Int64(Conventions.endpointPickerPort)), "targetPort": "grpc",
                       "protocol": "TCP", "appProtocol": "http2"],
                      ["name": "http-metrics", "port": .int(Self.metricsPort), "targetPort": "metrics", "protocol": "TCP"]],
        ]])
    }
}
