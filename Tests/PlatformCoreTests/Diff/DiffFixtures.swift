import PlatformCore

/// Small trees for diff tests: objects rendered by the real renderer at the real layout paths.
enum DiffFixtures {
    static func deployment(_ name: String, namespace: String = "search", image: String = "vllm/vllm-openai:v0.8.0",
                           replicas: Int64 = 2, gpus: Int64 = 4, pool: String = "h100", args: [String] = ["--port=8000"],
                           team: String = "search", env: [ManifestValue] = []) -> Manifest {
        var container: ManifestMap = ["name": "vllm", "image": .string(image), "args": .list(args.map(ManifestValue.string)),
                                      "resources": ["limits": ["nvidia.com/gpu": .string(String(gpus))]]]
        if !env.isEmpty { container["env"] = .list(env) }
        return Manifest(apiVersion: "apps/v1", kind: "Deployment", name: name, namespace: namespace,
                        labels: ["platformc.dev/team": .string(team), "platformc.dev/model": .string(name)],
                        body: ["spec": ["replicas": .int(replicas), "template": ["spec": [
                            "nodeSelector": ["karpenter.sh/nodepool": .string(pool)],
                            "containers": [.map(container)]]]]])
    }

    static func configMap(_ name: String, namespace: String = "search", data: ManifestMap = ["mode": "fast"]) -> Manifest {
        Manifest(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: namespace, body: ["data": .map(data)])
    }

    static func secret(_ name: String, namespace: String = "search", data: ManifestMap) -> Manifest {
        Manifest(apiVersion: "v1", kind: "Secret", name: name, namespace: namespace, body: ["data": .map(data)])
    }

    static func quota(namespace: String, gpus: String) -> Manifest {
        Manifest(apiVersion: "v1", kind: "ResourceQuota", name: "gpu-quota", namespace: namespace,
                 body: ["spec": ["hard": ["requests.nvidia.com/gpu": .string(gpus)]]])
    }

    /// The files of `objects` per cluster, as `GitOpsLayout` writes them.
    static func files(_ objects: [(cluster: String, manifest: Manifest)]) -> [String: String] {
        let (set, duplicates) = ManifestSet.collecting(objects)
        precondition(duplicates.isEmpty)
        return GitOpsLayout.render(set).files
    }

    static func snapshot(_ objects: [(cluster: String, manifest: Manifest)], lock: String? = nil) -> PlatformSnapshot {
        var files = files(objects)
        if let lock { files[LockFile.path] = lock }
        return PlatformSnapshot(files: files)
    }

    static func report(_ base: [(cluster: String, manifest: Manifest)], _ head: [(cluster: String, manifest: Manifest)],
                       baseLock: String? = nil, headLock: String? = nil) -> DiffReport {
        DiffReport(base: snapshot(base, lock: baseLock), head: snapshot(head, lock: headLock),
                   baseLabel: "main@0123456789ab", headLabel: "platform.yaml", headDiagnostics: [])
    }
}
