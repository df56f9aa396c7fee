/// An nccl-tests validation per multi-node pool (one a training gang or a multi-node model replica
/// spans): an Indexed batch/v1 Job with one pod per node of the gang and a headless Service giving
/// each pod a stable DNS name. Index 0 runs `all_reduce_perf` over MPI across every pod once all
/// names resolve; the others run sshd for it. The Job succeeds when index 0 does.
package struct NCCLTestEmitter: Emitter {
    /// nccl-tests built with MPI over HPC-X (CoreWeave's public image, coreweave/nccl-tests
    /// `Dockerfile` at cb86553): InfiniBand/RoCE through UCX, sockets otherwise. It has no libfabric
    /// and no aws-ofi-nccl, so NCCL never uses EFA in it. Templates may pin another.
    /// Pinned in `ComponentVersions.ncclTests`; `components.nccl-tests` overrides it.
    package static let image = ComponentVersions.ncclTests.image
    /// For EFA pools (`ComponentVersions.ncclTestsEFA`; `components.nccl-tests-efa` overrides it).
    package static let efaImage = ComponentVersions.ncclTestsEFA.image
    /// Where both images build nccl-tests (`make MPI=1` in /opt/nccl-tests; the CoreWeave image also
    /// links it as /opt/nccl_tests); the binaries are not on `PATH` in either.
    package static let allReducePerf = "/opt/nccl-tests/build/all_reduce_perf"

    /// A Secret in the system namespace with `id_rsa`, `id_rsa.pub` and `authorized_keys` for MPI's ssh.
    package static let sshSecret = "nccl-tests-ssh"

    package init() {}

    package static func name(pool: String) -> String { "nccl-tests-\(pool)" }

    /// (cluster, pool) → nodes of the largest gang placed there, for pools with a multi-node gang.
    /// DRA pools are left out: their nodes advertise no `nvidia.com/gpu`, which the Job requests,
    /// so its pods would stay pending there.
    package static func gangs(_ plan: PlannedPlatform) -> [(cluster: String, pool: String, nodes: Int)] {
        let p = plan.platform
        var nodes: [[String]: Int] = [:]
        for job in p.training where job.nodes > 1 {
            guard let a = plan.jobAssignments[job.name] else { continue }
            nodes[[a.cluster, a.pool]] = max(nodes[[a.cluster, a.pool]] ?? 0, job.nodes)
        }
        for model in p.models where model.nodesPerReplica > 1 {
            for a in plan.modelAssignments[model.name] ?? [] {
                nodes[[a.cluster, a.pool]] = max(nodes[[a.cluster, a.pool]] ?? 0, model.nodesPerReplica)
            }
        }
        return nodes.keys.filter { p.cluster($0[0])?.pool($0[1])?.gpuAllocation != .dra }
            .sorted { $0.lexicographicallyPrecedes($1) { $0.precedesInByteOrder($1) } }
            .map { ($0[0], $0[1], nodes[$0]!) }
    }

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        for gang in Self.gangs(plan) {
            guard let pool = p.cluster(gang.cluster)?.pool(gang.pool) else { continue }
            let name = Self.name(pool: pool.name)
            var labels = PlatformLabels.common(p)
            labels[PlatformLabels.component] = .string(Conventions.Component.ncclTest)
            labels[Conventions.nodePoolLabel] = .string(pool.name)
            let selector: ManifestMap = [PlatformLabels.component: .string(Conventions.Component.ncclTest),
                Conventions.nodePoolLabel: .string(pool.name)]
            context.add(Manifest(apiVersion: "v1", kind: "Service", name: name, namespace: Conventions.systemNamespace, labels: labels,
                                 body: ["spec": ["clusterIP": "None", "publishNotReadyAddresses": true, "selector": .map(selector),
                                                 "ports": [["name": "ssh", "port": 22, "targetPort": 22]]]]),
                        to: gang.cluster, template: "training/nccl-test-service")
            context.add(job(pool, name: name, nodes: gang.nodes, labels: labels, selector: selector,
                            image: p.components.image(pool.fabric == .efa ? ComponentVersions.ncclTestsEFA : ComponentVersions.ncclTests)),
                        to: gang.cluster, template: "training/nccl-test-job")
        }
    }

    func job(_ pool: NodePool, name: String, nodes: Int, labels: ManifestMap, selector: ManifestMap,
        image: String = Self.image) -> Manifest {
        let variables = NCCLEnvironment.variables(fabric: pool.fabric, debug: "INFO", topologyFile: false)
        var limits: ManifestMap = ["nvidia.com/gpu": .string(String(pool.gpusPerNode))]
        for entry in NCCLEnvironment.fabricResources(pool) { limits[entry.key] = entry.value }
        var env: [ManifestValue] = variables.map { ["name": .string($0.name), "value": .string($0.value)] }
        env.append(["name": "NODES", "value": .string(String(nodes))])
        env.append(["name": "GPUS_PER_NODE", "value": .string(String(pool.gpusPerNode))])
        env.append(["name": "GANG", "value": .string(name)])
        // ssh'd ranks start without the image's environment: pass PATH and LD_LIBRARY_PATH (where
        // HPC-X, libfabric and aws-ofi-nccl live) as both upstream MPI examples do.
        let exports = (["PATH", "LD_LIBRARY_PATH"] + variables.map(\.name)).map { "-x \($0)" }.joined(separator: " ")
        let script = """
            set -eu
            mkdir -p /run/sshd
            if [ "$JOB_COMPLETION_INDEX" != "0" ]; then exec /usr/sbin/sshd -D -e; fi
            /usr/sbin/sshd -e
            hosts=""
            for i in $(seq 0 $((NODES - 1))); do
              until getent hosts "$GANG-$i.$GANG" >/dev/null; do sleep 2; done
              hosts="$hosts,$GANG-$i.$GANG:$GPUS_PER_NODE"
            done
            mpirun --allow-run-as-root -np $((NODES * GPUS_PER_NODE)) -H "${hosts#,}" \\
              --mca plm_rsh_args "-o StrictHostKeyChecking=no" \(exports) \\
              \(Self.allReducePerf) -b 8 -e 8G -f 2 -g 1 -c 1

            """
        let podSpec: ManifestMap = [
            "subdomain": .string(name),
            "restartPolicy": "Never",
            "nodeSelector": .map(PoolScheduling.nodeSelector(pool)),
            "tolerations": PoolScheduling.tolerations(pool),
            // One pod per node: the test measures the network between nodes; all in one zone, as the
            // placement puts a gang's nodes (the first pod matches its own term, so it schedules freely).
            "affinity": [
                "podAntiAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": [[
                    "labelSelector": ["matchLabels": .map(selector)], "topologyKey": "kubernetes.io/hostname",
                ]]],
                "podAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": [[
                    "labelSelector": ["matchLabels": .map(selector)], "topologyKey": .string(PoolScheduling.zoneLabel),
                ]]],
            ],
            "containers": [[
                "name": "nccl-tests", "image": .string(image),
                "command": ["/bin/bash", "-c", .string(script)],
                "env": .list(env),
                "resources": ["limits": .map(limits), "requests": .map(limits)],
                "volumeMounts": .list(NCCLEnvironment.volumeMounts(topology: false)
                    + [["name": "ssh", "mountPath": "/root/.ssh", "readOnly": true]]),
            ]],
            "volumes": .list(NCCLEnvironment.volumes(shmSize: .gib(64), topologyPool: nil)
                             + [["name": "ssh", "secret": ["secretName": .string(Self.sshSecret), "defaultMode": 0o400]]]),
        ]
        return Manifest(apiVersion: "batch/v1", kind: "Job", name: name, namespace: Conventions.systemNamespace, labels: labels,
                        annotations: [Conventions.securityExceptionAnnotation: .string(Self.securityException)],
                        body: ["spec": [
                            "completionMode": "Indexed", "completions": .int(Int64(nodes)), "parallelism": .int(Int64(nodes)),
                            "backoffLimit": 0,
                            "successPolicy": ["rules": [["succeededIndexes": "0"]]],
                            "template": ["metadata": ["labels": .map(selector)], "spec": .map(podSpec)],
                        ]])
    }

    /// Why the test pods run as root on a writable filesystem, stated in the emitted object.
    static let securityException = "mpirun launches ranks over sshd, which needs root and writes host keys and /run at start-up"
}
