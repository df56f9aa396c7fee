/// For models with prefix-cache-aware routing: an InferencePool (`inference.networking.k8s.io/v1`)
/// over the model's server pods, and its endpoint picker as the gateway-api-inference-extension
/// chart deploys it: a ServiceAccount, a Role and RoleBinding to read pools and objectives, the
/// plugins ConfigMap, a Deployment and a gRPC Service. Routes then point at the pool.
public struct InferencePoolEmitter: Emitter {
    public init() {}

    /// The EPP's ports, as upstream: ext-proc gRPC, gRPC health, Prometheus metrics.
    static let healthPort: Int64 = 9003
    static let metricsPort: Int64 = 9090
    static let pluginsFile = "default-plugins.yaml"

    public func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
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
            for object in rbac(epp, namespace: d.namespace, labels: eppLabels) { objects.append((object, "epp-\(object.kind.lowercased())")) }
            objects.append((Manifest(apiVersion: "v1", kind: "ConfigMap", name: epp, namespace: d.namespace, labels: eppLabels,
                                     body: ["data": [Self.pluginsFile: .string(Self.pluginsConfig)]]), "epp-configmap"))
            objects.append((deployment(d, name: epp, labels: eppLabels), "epp-deployment"))
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

    /// Queue depth, KV-cache use and prefix-cache hits, weighted as the upstream chart's default profile.
    static let pluginsConfig = """
        apiVersion: inference.networking.x-k8s.io/v1alpha1
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

    func rbac(_ name: String, namespace: String, labels: ManifestMap) -> [Manifest] {
        let rules: ManifestValue = [
            ["apiGroups": ["inference.networking.k8s.io"], "resources": ["inferencepools"], "verbs": ["get", "list", "watch"]],
            ["apiGroups": ["inference.networking.x-k8s.io"], "resources": ["inferenceobjectives", "inferencemodelrewrites"],
             "verbs": ["get", "list", "watch"]],
            ["apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list", "watch"]],
        ]
        return [
            Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", name: name, namespace: namespace, labels: labels,
                     body: ["rules": rules]),
            Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", name: name, namespace: namespace, labels: labels,
                     body: ["subjects": [["kind": "ServiceAccount", "name": .string(name), "namespace": .string(namespace)]],
                            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": .string(name)]]),
        ]
    }

    func deployment(_ d: ModelDeployment, name: String, labels: ManifestMap) -> Manifest {
        let selector: ManifestMap = [PlatformLabels.name: .string(name), PlatformLabels.component: .string(Conventions.Component.endpointPicker)]
        var pod = WorkloadSecurity.podIdentity(serviceAccount: name)
        // The picker reads pods and pools through the API: it needs its token, unlike the servers.
        pod["automountServiceAccountToken"] = true
        // Mirrors the longest grace period of the model servers it routes to.
        pod["terminationGracePeriodSeconds"] = 130
        let grpcProbe: ManifestValue = ["grpc": ["port": .int(Self.healthPort), "service": "inference-extension"],
                                        "initialDelaySeconds": 5, "periodSeconds": 10]
        pod["containers"] = [[
            "name": "epp",
            "image": .string(Conventions.endpointPickerImage),
            "args": ["--pool-name", .string(d.name), "--pool-namespace", .string(d.namespace), "--zap-encoder", "json",
                     "--config-file", .string("/config/\(Self.pluginsFile)")],
            "env": [["name": "NAMESPACE", "valueFrom": ["fieldRef": ["fieldPath": "metadata.namespace"]]]],
            "ports": [["name": "grpc", "containerPort": .int(Int64(Conventions.endpointPickerPort))],
                      ["name": "grpc-health", "containerPort": .int(Self.healthPort)],
                      ["name": "metrics", "containerPort": .int(Self.metricsPort)]],
            "livenessProbe": grpcProbe, "readinessProbe": grpcProbe,
            "securityContext": WorkloadSecurity.containerSecurityContext,
            "volumeMounts": [["name": "plugins-config", "mountPath": "/config", "readOnly": true]],
        ]]
        pod["volumes"] = [["name": "plugins-config", "configMap": ["name": .string(name)]]]
        return Manifest(apiVersion: "apps/v1", kind: "Deployment", name: name, namespace: d.namespace, labels: labels, body: ["spec": [
            "replicas": 1,
            "selector": ["matchLabels": .map(selector)],
            "template": ["metadata": ["labels": .map(selector)], "spec": .map(pod)],
        ]])
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
