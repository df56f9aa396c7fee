/// The pod template of a model's vLLM servers: the container with its arguments, GPUs, probes and
/// writable emptyDir paths, node selection on the placed pools, and topology spread.
package struct ModelServerPod: Sendable {
    /// Worker pods of a multi-node replica run vLLM headless (no API server) and join the leader's
    /// torch.distributed group instead of serving.
    package enum Role: Sendable { case server, leader, worker }

    package var deployment: ModelDeployment
    package var gpus: GPUAllocation
    package var labels: ManifestMap
    /// The pool whose NCCL topology ConfigMap the pods mount (`NCCLTopologyEmitter.mountedPool`):
    /// tensor parallelism runs NCCL between the replica's GPUs. Nil: no file, no `NCCL_TOPO_FILE`.
    package var topologyPool: String?

    package init(_ deployment: ModelDeployment, gpus: GPUAllocation, labels: ManifestMap) {
        self.deployment = deployment
        self.gpus = gpus
        self.labels = labels
    }

    /// The pod's labels: the model's selector plus model and team.
    package var podLabels: ManifestMap {
        var l = Conventions.modelSelector(deployment.model.name)
        l[PlatformLabels.model] = .string(deployment.model.name)
        l[PlatformLabels.team] = .string(deployment.model.team)
        return l
    }

    /// Workers of a multi-node replica serve no HTTP, so they carry another component label and
    /// stay out of the Service and the InferencePool.
    package static let workerComponent = "model-server-worker"
    /// The label LeaderWorkerSet puts on every pod of one group, with the group's hash.
    static let groupKeyLabel = "leaderworkerset.sigs.k8s.io/group-key"

    /// `{metadata, spec}` for a Deployment's or LeaderWorkerSet's template.
    package func template(role: Role = .server) -> ManifestValue {
        var labels = podLabels
        if role == .worker { labels[PlatformLabels.component] = .string(Self.workerComponent) }
        var spec = WorkloadSecurity.podIdentity(serviceAccount: deployment.name)
        spec["containers"] = [container(role: role)]
        var volumes: [ManifestValue] = [WorkloadSecurity.emptyDir("tmp"), ModelCache.volume(deployment.model),
                                        WorkloadSecurity.emptyDir("shm", sizeLimit: "16Gi", memory: true)]
        if let pool = topologyPool { volumes.append(NCCLEnvironment.topologyVolume(pool: pool)) }
        spec["volumes"] = .list(volumes)
        spec["tolerations"] = .list(tolerations)
        // Loading weights and draining long generations both take time.
        spec["terminationGracePeriodSeconds"] = 120
        var affinity = ManifestMap()
        if deployment.pools.count == 1 {
            spec["nodeSelector"] = .map(PoolScheduling.nodeSelector(deployment.primaryPool))
        } else {
            // One term per pool (terms are ORed), each matching what that pool's nodeSelector would.
            affinity["nodeAffinity"] = ["requiredDuringSchedulingIgnoredDuringExecution": [
                "nodeSelectorTerms": .list(deployment.pools.map(PoolScheduling.nodeSelectorTerm))]]
        }
        if role != .server {
            // The pods of one group exchange activations every layer: keep them in one zone. The
            // first pod of a group matches its own term, so it schedules freely.
            affinity["podAffinity"] = ["requiredDuringSchedulingIgnoredDuringExecution": [[
                "labelSelector": ["matchExpressions": [["key": .string(Self.groupKeyLabel), "operator": "Exists"]]],
                "matchLabelKeys": [.string(Self.groupKeyLabel)],
                "topologyKey": "topology.kubernetes.io/zone",
            ]]]
        }
        if !affinity.isEmpty { spec["affinity"] = .map(affinity) }
        if let spread = topologySpread, role != .worker { spec["topologySpreadConstraints"] = [spread] }
        if let claims = gpus.podResourceClaims { spec["resourceClaims"] = claims }
        return ["metadata": ["labels": .map(labels)], "spec": .map(spec)]
    }

    func container(role: Role) -> ManifestValue {
        let model = deployment.model
        let source = ModelSource(model.source)
        var env: [ManifestValue] = [
            ["name": "HOME", "value": "/tmp"],
            ["name": "HF_HOME", "value": "/cache/huggingface"],
            ["name": "VLLM_CACHE_ROOT", "value": "/cache/vllm"],
            ["name": "XDG_CACHE_HOME", "value": "/cache"],
            // vLLM >= 0.22 as a non-root uid writes TorchInductor's cache under HOME unless told
            // (vllm-project/vllm #44548): both point into the writable emptyDirs.
            ["name": "TORCHINDUCTOR_CACHE_DIR", "value": "/cache/torchinductor"],
            // Our uid has no passwd entry in the image; torch (`default_cache_dir`) and vLLM 0.34.0
            // (`vllm/vllm_flash_attn/cute/cache_utils.py`) call `getpass.getuser()`, which reads
            // `USER` before the passwd database (CPython Lib/getpass.py), so the lookup cannot raise
            // "getpwuid(): uid not found" (vllm #44548).
            ["name": "USER", "value": "vllm"],
        ]
        if topologyPool != nil {
            env.append(["name": "NCCL_TOPO_FILE", "value": .string(NCCLEnvironment.topologyFilePath)])
        }
        env += source.credentialEnv(secret: model.sourceSecret)
        var mounts: [ManifestValue] = [["name": "tmp", "mountPath": "/tmp"], ["name": "cache", "mountPath": "/cache"],
                                       ["name": "shm", "mountPath": "/dev/shm"]]
        if topologyPool != nil { mounts.append(NCCLEnvironment.topologyMount) }
        var c: ManifestMap = [
            "name": "vllm",
            "image": .string(model.image.isEmpty ? ComponentVersions.vllm.image : model.image),
            "env": .list(env),
            "resources": resources,
            "securityContext": WorkloadSecurity.containerSecurityContext,
            "volumeMounts": .list(mounts),
        ]
        let envFrom = source.credentialEnvFrom(secret: model.sourceSecret)
        if !envFrom.isEmpty { c["envFrom"] = .list(envFrom) }
        // Every pod of a group runs the same engine arguments; the leader (rank 0) serves the API,
        // the others join headless (vllm 0.34.0 `vllm/entrypoints/cli/serve.py`, `run_headless`:
        // "Run headless workers (for multi-node PP/TP)").
        var args = VLLMArguments.arguments(for: model)
        switch role {
        case .server: break
        case .leader: args += ["--node-rank", "0"]
        case .worker: args += ["--node-rank", "$(\(VLLMArguments.workerIndexVariable))", "--headless"]
        }
        c["command"] = ["vllm", "serve"]
        c["args"] = .list(args.map { .string($0) })
        if role != .worker {
            c["ports"] = [["name": "http", "containerPort": .int(Int64(Conventions.modelServerPort)), "protocol": "TCP"]]
            let health: ManifestValue = ["path": "/health", "port": "http"]
            c["startupProbe"] = ["httpGet": health, "periodSeconds": 10, "failureThreshold": 180]
            c["readinessProbe"] = ["httpGet": health, "periodSeconds": 10, "failureThreshold": 3]
            c["livenessProbe"] = ["httpGet": health, "periodSeconds": 30, "failureThreshold": 5]
        }
        return .map(c)
    }

    /// GPUs (or the DRA claim) and the emptyDir cache's ephemeral storage.
    var resources: ManifestValue {
        guard case var .map(r) = gpus.containerResources, let storage = ModelCache.ephemeralStorageRequest(deployment.model) else {
            return gpus.containerResources
        }
        var requests = r["requests"]?.mapValue ?? ManifestMap()
        requests["ephemeral-storage"] = .string(storage)
        r["requests"] = .map(requests)
        return .map(r)
    }

    /// Every taint of every placed pool (the GPU taint first), as `PoolScheduling` writes them.
    var tolerations: [ManifestValue] {
        var result: [ManifestValue] = []
        for pool in deployment.pools {
            for toleration in PoolScheduling.tolerations(pool).listValue ?? [] where !result.contains(toleration) {
                result.append(toleration)
            }
        }
        return result
    }

    /// Zones or nodes; critical models refuse to pile up, others prefer not to.
    var topologySpread: ManifestValue? {
        let key: String
        switch deployment.model.spread {
        case .zones: key = "topology.kubernetes.io/zone"
        case .nodes: key = "kubernetes.io/hostname"
        case .none: return nil
        }
        return ["maxSkew": 1, "topologyKey": .string(key),
                "whenUnsatisfiable": deployment.model.critical ? "DoNotSchedule" : "ScheduleAnyway",
                "labelSelector": ["matchLabels": .map(Conventions.modelSelector(deployment.model.name))]]
    }
}
