/// A Kubeflow Trainer TrainJob per training job (or a PyTorchJob where the job asks for the
/// `pytorchjob` operator), admitted as one gang through its team's Kueue LocalQueue, pinned to the
/// pool and zone the placement chose, with `/dev/shm` sized, the pool's NCCL topology mounted where
/// it has one (`NCCLTopologySource`) and NCCL tuned to the pool's fabric.
package struct TrainingJobEmitter: Emitter {
    package var relativeCost: Int { 20 }
    /// The ClusterTrainingRuntime TrainJobs run on (Kubeflow Trainer's bundled PyTorch runtime),
    /// and the names of its replicated job and container that runtime patches address.
    package static let runtimeName = "torch-distributed"
    package static let runtimeJobName = "node"
    package static let runtimeContainerName = "node"
    /// Who owns the runtime patch (Trainer keys patches by manager).
    package static let patchManager = "platformc.dev/compiler"

    package init() {}

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        for job in p.training {
            guard let placed = plan.jobAssignments[job.name], let team = p.team(job.team),
                  let pool = p.cluster(placed.cluster)?.pool(placed.pool) else { continue }
            let pod = PodParts(job: job, pool: pool, topology: NCCLTopologySource.isGiven(pool, plan: plan),
                               zone: PoolScheduling.zone(of: placed.nodes, plan: plan))
            var labels = PlatformLabels.common(p, team: team.name)
            labels[PlatformLabels.name] = .string(job.name)
            labels[PlatformLabels.component] = .string(Conventions.Component.training)
            labels[Conventions.kueueQueueLabel] = .string(Conventions.localQueueName(team: team.name))
            labels[Conventions.kueuePriorityClassLabel] = .string(Conventions.workloadPriorityClassName(team.priority))
            if let template = Self.claimTemplate(job, pool: pool, namespace: team.namespace,
                                                 labels: PlatformLabels.common(p, team: team.name),
                                                 catalog: p.gpuCatalog) {
                context.add(template, to: placed.cluster, template: "training/resourceclaimtemplate")
            }
            if job.operatorKind == "pytorchjob" {
                context
                    .add(pytorchJob(job, namespace: team.namespace, labels: labels, pod: pod), to: placed.cluster,
                        template: "training/pytorchjob")
            } else {
                context
                    .add(trainJob(job, namespace: team.namespace, labels: labels, pod: pod), to: placed.cluster,
                        template: "training/trainjob")
            }
        }
    }

    /// The pod-level pieces both operators share.
    struct PodParts {
        var nodeSelector: ManifestMap
        var tolerations: ManifestValue
        var volumes: [ManifestValue]
        var volumeMounts: [ManifestValue]
        var env: ManifestValue
        var resources: ManifestMap
        /// The container's securityContext: `IPC_LOCK` on InfiniBand pools (`FabricDevices`).
        var securityContext: ManifestMap?
        /// The pod's `resourceClaims` on a DRA pool, whose nodes advertise no `nvidia.com/gpu`: the
        /// GPUs come from the job's ResourceClaimTemplate (`claimTemplate`). PyTorchJobs only
        /// (`claimsThroughDRA`).
        var resourceClaims: ManifestValue?

        /// `zone`: where the placement put the gang (all its nodes in one zone); the pods are pinned
        /// there, so the scheduler cannot split the gang over zones the placement did not price.
        init(job: TrainingJob, pool: NodePool, topology: Bool, zone: String?) {
            nodeSelector = PoolScheduling.nodeSelector(pool)
            if let zone { nodeSelector[PoolScheduling.zoneLabel] = .string(zone) }
            tolerations = PoolScheduling.tolerations(pool)
            volumes = NCCLEnvironment.volumes(shmSize: job.shmSize, topologyPool: topology ? pool.name : nil)
            volumeMounts = NCCLEnvironment.volumeMounts(topology: topology)
            env = NCCLEnvironment.env(fabric: pool.fabric, debug: job.ncclDebug, topologyFile: topology)
            let dra = TrainingJobEmitter.claimsThroughDRA(job, pool: pool)
            var limits: ManifestMap = dra ? [:] : ["nvidia.com/gpu": .string(String(job.gpusPerNode))]
            for device in FabricDevices.perNode(pool) { limits[device.name] = .string(String(device.count)) }
            resources = ["limits": .map(limits), "requests": .map(limits)]
            if dra {
                resources["claims"] = [["name": .string(GPUAllocation.claimName)]]
                resourceClaims = [["name": .string(GPUAllocation.claimName),
                    "resourceClaimTemplateName": .string(TrainingJobEmitter.claimTemplateName(job))]]
            }
            securityContext = FabricDevices.needsMemoryLock(pool)
                ? ["capabilities": ["add": [.string(FabricDevices.memoryLockCapability)]]] : nil
        }
    }

    func trainJob(_ job: TrainingJob, namespace: String, labels: ManifestMap, pod: PodParts) -> Manifest {
        var trainer: ManifestMap = [
            "image": .string(job.image), "numNodes": .int(Int64(job.nodes)), "numProcPerNode": .int(Int64(job.gpusPerNode)),
            "resourcesPerNode": .map(pod.resources), "env": pod.env,
        ]
        if !job.command.isEmpty { trainer["command"] = .list(job.command.map(ManifestValue.string)) }
        let podSpec: ManifestMap = [
            "nodeSelector": .map(pod.nodeSelector), "tolerations": pod.tolerations, "volumes": .list(pod.volumes),
            "containers": [.map(runtimeContainer(pod))],
        ]
        let patch: ManifestValue = [
            "manager": .string(Self.patchManager),
            "trainingRuntimeSpec": ["template": ["spec": ["replicatedJobs": [[
                "name": .string(Self.runtimeJobName),
                "template": ["spec": ["template": ["spec": .map(podSpec)]]],
            ]]]]],
        ]
        return Manifest(apiVersion: "trainer.kubeflow.org/v1alpha1", kind: "TrainJob", name: job.name, namespace: namespace,
                        labels: labels, annotations: Self.securityAnnotations, body: ["spec": [
                            "runtimeRef": ["apiGroup": "trainer.kubeflow.org", "kind": "ClusterTrainingRuntime",
                                "name": .string(Self.runtimeName)],
                            "trainer": .map(trainer),
                            "runtimePatches": [patch],
                        ]])
    }

    /// The runtime container's patch: mounts, and the securityContext where the fabric needs one.
    func runtimeContainer(_ pod: PodParts) -> ManifestMap {
        var container: ManifestMap = ["name": .string(Self.runtimeContainerName), "volumeMounts": .list(pod.volumeMounts)]
        if let context = pod.securityContext { container["securityContext"] = .map(context) }
        return container
    }

    func pytorchJob(_ job: TrainingJob, namespace: String, labels: ManifestMap, pod: PodParts) -> Manifest {
        var container: ManifestMap = [
            "name": "pytorch", "image": .string(job.image), "env": pod.env,
            "resources": .map(pod.resources), "volumeMounts": .list(pod.volumeMounts),
        ]
        if !job.command.isEmpty { container["command"] = .list(job.command.map(ManifestValue.string)) }
        if let context = pod.securityContext { container["securityContext"] = .map(context) }
        var podSpec: ManifestMap = ["nodeSelector": .map(pod.nodeSelector), "tolerations": pod.tolerations,
                                    "volumes": .list(pod.volumes), "containers": [.map(container)]]
        if let claims = pod.resourceClaims { podSpec["resourceClaims"] = claims }
        func replica(_ count: Int) -> ManifestValue {
            ["replicas": .int(Int64(count)), "restartPolicy": "OnFailure", "template": ["spec": .map(podSpec)]]
        }
        var specs: ManifestMap = ["Master": replica(1)]
        if job.nodes > 1 { specs["Worker"] = replica(job.nodes - 1) }
        return Manifest(apiVersion: "kubeflow.org/v1", kind: "PyTorchJob", name: job.name, namespace: namespace,
                        labels: labels, annotations: Self.securityAnnotations, body: ["spec": [
                            "nprocPerNode": .string(String(job.gpusPerNode)),
                            "pytorchReplicaSpecs": .map(specs),
                        ]])
    }

    static func claimTemplateName(_ job: TrainingJob) -> String { "\(job.name)-gpus" }

    /// Whether the job's pods claim their GPUs through DRA: on a DRA pool, for a PyTorchJob. Kubeflow
    /// Trainer's runtime patch has no `resourceClaims` (its PodSpecPatch schema refuses it), so a
    /// TrainJob keeps requesting `nvidia.com/gpu`, which a DRA node does not offer: the will-it-run
    /// pass reports it (E7104).
    static func claimsThroughDRA(_ job: TrainingJob, pool: NodePool) -> Bool {
        pool.gpuAllocation == .dra && job.operatorKind == "pytorchjob"
    }

    /// On a DRA pool, the ResourceClaimTemplate each training pod claims its node's GPUs through
    /// (`gpusPerNode` whole GPUs of the pool's model, the selector `GPUAllocation` uses); nil on
    /// device-plugin pools.
    static func claimTemplate(_ job: TrainingJob, pool: NodePool, namespace: String, labels: ManifestMap,
        catalog: GPUCatalog) -> Manifest? {
        guard claimsThroughDRA(job, pool: pool) else { return nil }
        let request: ManifestValue = [
            "name": "gpu",
            "exactly": ["deviceClassName": .string(GPUDeviceSelector.gpuDeviceClass), "allocationMode": "ExactCount",
                        "count": .int(Int64(job.gpusPerNode)),
                        "selectors": [["cel": ["expression": .string(GPUDeviceSelector.wholeGPU(pool.gpu, catalog: catalog))]]]],
        ]
        return Manifest(apiVersion: "resource.k8s.io/v1", kind: "ResourceClaimTemplate", name: claimTemplateName(job),
                        namespace: namespace, labels: labels, body: ["spec": ["spec": ["devices": ["requests": [request]]]]])
    }

    /// Training images (NeMo, PyTorch) write checkpoints, caches and compiled kernels under their
    /// own filesystem and expect root; the exception is stated in the emitted object.
    static let securityAnnotations: ManifestMap = [
        Conventions.securityExceptionAnnotation: """
            training images write checkpoints, kernel caches and NCCL state to their root filesystem and run as root
            """,
    ]
}
