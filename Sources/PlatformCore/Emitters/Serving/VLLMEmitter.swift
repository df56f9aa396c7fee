/// vLLM model servers: per model and cluster a ServiceAccount, a Deployment (or a LeaderWorkerSet
/// when a replica spans nodes), a Service on the OpenAI port, and with DRA a ResourceClaimTemplate.
package struct VLLMEmitter: Emitter {
    package init() {}
    package var relativeCost: Int { 140 }

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        for d in ModelDeployment.all(in: plan) {
            var labels = PlatformLabels.common(p, team: d.model.team)
            labels[PlatformLabels.model] = .string(d.model.name)
            labels[PlatformLabels.name] = .string(d.model.name)
            labels[PlatformLabels.component] = .string(Conventions.Component.modelServer)
            let gpus = GPUAllocation(d, catalog: p.gpuCatalog)
            var pod = ModelServerPod(d, gpus: gpus, labels: labels)
            pod.topologyPool = NCCLTopologyEmitter.mountedPool(d, plan: plan)?.name

            context.add(WorkloadSecurity.serviceAccount(d.name, namespace: d.namespace, labels: labels),
                        to: d.cluster, template: "vllm/serviceaccount")
            if let cache = ModelCache.claim(d.model, namespace: d.namespace, labels: labels) {
                context.add(cache, to: d.cluster, template: "vllm/persistentvolumeclaim")
            }
            if let claim = gpus.claimTemplate(labels: labels) {
                context.add(claim, to: d.cluster, template: "vllm/resourceclaimtemplate")
            }
            if d.isMultiNode {
                context.add(leaderWorkerSet(d, pod: pod, labels: labels), to: d.cluster, template: "vllm/leaderworkerset")
            } else {
                context.add(deployment(d, pod: pod, labels: labels), to: d.cluster, template: "vllm/deployment")
            }
            context.add(service(d, labels: labels), to: d.cluster, template: "vllm/service")
        }
    }

    /// nil when KEDA owns the replica count: a synced `replicas` would undo every scale-out.
    static func replicas(_ d: ModelDeployment) -> ManifestValue? {
        d.model.autoscaling == nil ? .int(Int64(d.replicas)) : nil
    }

    func deployment(_ d: ModelDeployment, pod: ModelServerPod, labels: ManifestMap) -> Manifest {
        var spec: ManifestMap = [
            "selector": ["matchLabels": .map(Conventions.modelSelector(d.model.name))],
            // A GPU replica cannot surge on a full pool: replace one at a time instead.
            "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 0, "maxUnavailable": 1]],
            "template": pod.template(),
        ]
        spec["replicas"] = Self.replicas(d)
        return Manifest(apiVersion: "apps/v1", kind: "Deployment", name: d.name, namespace: d.namespace, labels: labels,
                        body: ["spec": .map(spec)])
    }

    func leaderWorkerSet(_ d: ModelDeployment, pod: ModelServerPod, labels: ManifestMap) -> Manifest {
        var spec: ManifestMap = [
            "startupPolicy": "LeaderCreated",
            "leaderWorkerTemplate": [
                "size": .int(Int64(d.model.nodesPerReplica)),
                // One lost pod breaks the tensor/pipeline group: restart the whole group.
                "restartPolicy": "RecreateGroupOnPodRestart",
                "leaderTemplate": pod.template(role: .leader),
                "workerTemplate": pod.template(role: .worker),
            ],
        ]
        spec["replicas"] = Self.replicas(d)
        return Manifest(apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", name: d.name, namespace: d.namespace,
                        labels: labels, body: ["spec": .map(spec)])
    }

    func service(_ d: ModelDeployment, labels: ManifestMap) -> Manifest {
        Manifest(apiVersion: "v1", kind: "Service", name: d.name, namespace: d.namespace, labels: labels, body: [
            "spec": [
                "type": "ClusterIP",
                "selector": .map(Conventions.modelSelector(d.model.name)),
                "ports": [["name": "http", "port": .int(Int64(Conventions.modelServerPort)), "targetPort": "http",
                           "protocol": "TCP", "appProtocol": "http"]],
            ],
        ])
    }
}
