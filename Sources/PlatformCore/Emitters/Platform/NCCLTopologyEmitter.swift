import PlatformDiagnostics

/// A ConfigMap holding `topology.xml` for each pool that runs multi-GPU work (a model with more
/// than one GPU per replica, or a training job), in every namespace whose pods run there. The
/// file is the pool's `topologyFile` when the spec names one, else generated from the pool's
/// islands; training pods mount it at `NCCL_TOPO_FILE`.
public struct NCCLTopologyEmitter: Emitter {
    public init() {}

    public func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        for use in Self.uses(plan) {
            guard let pool = p.cluster(use.cluster)?.pool(use.pool) else { continue }
            let (text, problem) = Self.topologyXML(pool, plan: plan)
            guard let xml = text else {
                if let d = problem { context.diagnostics.error(d.code, d.message, at: d.location, help: d.help) }
                continue
            }
            var labels = PlatformLabels.common(p)
            labels[PlatformLabels.component] = "nccl-topology"
            labels[Conventions.nodePoolLabel] = .string(pool.name)
            context.add(Manifest(apiVersion: "v1", kind: "ConfigMap", name: Conventions.ncclTopologyConfigMapName(pool: pool.name),
                                 namespace: use.namespace, labels: labels,
                                 body: ["data": [Conventions.ncclTopologyFileName: .string(xml)]]),
                        to: use.cluster, template: "training/nccl-topology-configmap")
        }
    }

    /// One (cluster, namespace, pool) per place a topology file is needed, sorted, no repeats.
    public static func uses(_ plan: PlannedPlatform) -> [(cluster: String, namespace: String, pool: String)] {
        let p = plan.platform
        var keys = Set<[String]>()
        for model in p.models where model.gpusPerReplica > 1 {
            guard let namespace = p.team(model.team)?.namespace else { continue }
            for a in plan.modelAssignments[model.name] ?? [] { keys.insert([a.cluster, namespace, a.pool]) }
        }
        for job in p.training {
            guard let namespace = p.team(job.team)?.namespace, let a = plan.jobAssignments[job.name] else { continue }
            keys.insert([a.cluster, namespace, a.pool])
        }
        return keys.sorted { $0.lexicographicallyPrecedes($1) { $0.precedesInByteOrder($1) } }
            .map { ($0[0], $0[1], $0[2]) }
    }

    /// The pool's topology file text: the spec's file when named (it must have been read and must
    /// parse), otherwise one generated from the instance type or the pool's islands.
    public static func topologyXML(_ pool: NodePool, plan: PlannedPlatform) -> (String?, Diagnostic?) {
        if let path = pool.topologyFile {
            let at = pool.locations["topologyFile"] ?? pool.location
            guard let bytes = plan.topologyFiles[path] else {
                return (nil, Diagnostic(.error, PlatformEmitCodes.topologyFileUnread,
                                        "topology file `\(path)` of pool `\(pool.id)` could not be read",
                                        at: at, help: "check the path; it is relative to the spec's folder"))
            }
            let (document, problems) = NCCLTopologyReader.read(xml: bytes, file: path)
            guard let document else {
                return (nil, problems.first ?? Diagnostic(.error, PlatformEmitCodes.topologyFileUnread,
                                                          "topology file `\(path)` does not parse", at: at))
            }
            return (NCCLTopologyWriter.write(document), nil)
        }
        guard let gpu = plan.platform.gpuCatalog.model(named: pool.gpu) else {
            return (nil, Diagnostic(.error, PlatformEmitCodes.topologyFileUnread,
                                    "no catalog entry for GPU `\(pool.gpu)` of pool `\(pool.id)`", at: pool.location))
        }
        return (NCCLTopologyWriter.write(nodeTopology(pool, gpu: gpu, catalog: plan.platform.instanceCatalog), gpu: gpu), nil)
    }

    /// The topology a pool without a file implies: its instance type's, else islands over
    /// consecutive GPU indices at the GPU's NVLink bandwidth.
    static func nodeTopology(_ pool: NodePool, gpu: GPUModel, catalog: InstanceCatalog) -> NodeTopology {
        if let name = pool.instanceType, let instance = catalog.instance(named: name),
           instance.gpuCount == pool.gpusPerNode, instance.nvlinkIslands == pool.islands {
            return NodeTopology(instance: instance, gpu: gpu)
        }
        let sm = (gpu.computeCapability?.major ?? 0) * 10 + (gpu.computeCapability?.minor ?? 0)
        let bandwidth = Double(gpu.nvlinksPerGPU ?? 0) * NVLinkBandwidth.perLinkGBps(sm: sm)
        var next = 0
        let islands = pool.islands.map { size -> NVLinkIsland in
            defer { next += size }
            return NVLinkIsland(gpus: Array(next..<next + size), bandwidthGBps: size > 1 ? (bandwidth * 10).rounded() / 10 : 0)
        }
        return NodeTopology(gpuCount: pool.gpusPerNode, islands: islands, nics: pool.nics, source: "pool \(pool.id)")
    }
}

/// Codes of the platform emitters (E51xx).
public enum PlatformEmitCodes {
    public static let topologyFileUnread: DiagnosticCode = "E5101"
}
