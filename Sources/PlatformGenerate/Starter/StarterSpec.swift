import PlatformDiagnostics

/// `platformc init`: a commented platform.yaml for a new team, checked by the whole compiler before
/// anyone sees it. The fleet is a provider's starter pool (StarterDefaults) or the pools of an
/// inventory import; the model is the largest of `StarterModel.ladder` whose replica fits one
/// NVLink island of a pool by the memory-fit rule's own arithmetic (`MemoryEstimate`).
package struct StarterSpec: Sendable {
    package var name: String
    /// `aws`, `gcp`, `azure`, `oci`; nil with imported pools: the provider of their instance types.
    package var provider: String?
    /// Pools of `inventory import`; nil: the provider's starter pool.
    package var imported: [ImportedPool]?
    package var instances: InstanceCatalog = .builtIn

    package init(name: String, provider: String?, imported: [ImportedPool]?) {
        self.name = name
        self.provider = provider
        self.imported = imported
    }

    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var description: String
    }

    /// The spec's text, or why there is none (no pool a starter model fits).
    package func render() throws -> String {
        guard !pools.isEmpty else {
            throw Failure(description: "no pool of whole GPUs the catalog knows (MIG pools and unknown GPUs take no starter model)")
        }
        var rejected: [String] = []
        // A production cluster wants 2 replicas of each model (policy `production-min-replicas`);
        // a fleet too small for that becomes a lab cluster with one.
        for production in [true, false] {
            if let text = firstClean(production: production, rejected: &rejected) { return text }
        }
        throw Failure(description: "no starter model fits a pool of this fleet: " + rejected.prefix(3).joined(separator: "; "))
    }

    /// The first model of the ladder, on the first pool it fits, whose spec the compiler accepts.
    func firstClean(production: Bool, rejected: inout [String]) -> String? {
        let fleet = clustersSection(provider: provider ?? importedProvider ?? "onprem", production: production)
        for candidate in StarterModel.ladder {
            for pool in pools {
                guard let fit = fit(candidate, in: pool, fleet: fleet, rejected: &rejected),
                      fit.capacity >= (production ? 2 : 1) else { continue }
                let text = header + fleet + workloads(candidate, pool: pool, fit: fit, production: production)
                let checked = Compiler().compile(spec: Array(text.utf8), file: "platform.yaml").diagnostics
                guard let error = checked.sorted.first(where: { $0.severity == .error }) else { return text }
                rejected
                    .append("`\(candidate.name)` (\(candidate.dtype)) on pool `\(pool)`: error[\(error.code.rawValue)]: \(error.message)")
            }
        }
        return nil
    }

    // MARK: the fleet

    /// Imported pools of a GPU the catalog does not know: left out of the spec (its memory and
    /// islands are unknown, so `check` would refuse it), each reported as W1200.
    package var leftOut: [ImportedPool] { (imported ?? []).filter { !$0.gpuKnown } }
    var kept: [ImportedPool]? { imported?.filter(\.gpuKnown) }

    package var leftOutWarnings: [Diagnostic] {
        leftOut.map {
            Diagnostic(.warning, StarterCodes.poolLeftOut,
                       "pool `\($0.name)` (\($0.nodes) node(s)) is left out of the starter spec: GPU `\($0.gpu)` is not in the built-in "
                           + "catalog",
                       at: nil, help: "add the pool by hand with a `gpuCatalog` entry for `\($0.gpu)` (its memory and NVLink figures)")
        }
    }

    /// The pools a model may go to: whole GPUs (no MIG) of a GPU the catalog knows.
    var pools: [String] {
        guard let kept else { return [starterPoolName] }
        return kept.filter { $0.migDevicesPerNode == nil }.map(\.name)
    }

    var starterPool: StarterPool { StarterDefaults.pools[provider ?? "aws"] ?? StarterDefaults.pools["aws"]! }
    /// On AKS the pool's name is the agent pool's (`kubernetes.azure.com/agentpool`), which AKS
    /// limits to 12 lowercase letters and digits (`AKSPoolName`): `Standard_ND96isr_H100_v5` → `nd96isrh100v`.
    var starterPoolName: String {
        guard (provider ?? "aws") == "azure" else { return PoolName.dns1123(starterPool.instanceType) }
        let type = starterPool.instanceType
        return AKSPoolName.suggestion(for: type.hasPrefix("Standard_") ? String(type.dropFirst("Standard_".count)) : type)
    }

    /// The provider of the first imported instance type the catalog knows.
    var importedProvider: String? {
        kept?.lazy.compactMap { $0.instanceType.flatMap(instances.instance(named:))?.provider }.first
    }

    var clusterName: String { imported == nil ? "main" : "imported" }

    var header: String {
        """
        # A starter platform written by `platformc init`. Check it with `platformc check`, compile it
        # with `platformc compile --out out`, commit it with `platformc commit`.
        # Every key is documented in the README's spec reference (section "Spec reference", also
        # printed by `platformc schema --markdown`); editors complete keys from `platformc schema`.
        apiVersion: platformc/v1alpha1
        kind: Platform
        metadata:
          name: \(name)
        kubernetesVersion: "1.34"
        # Where `platformc commit` writes the compiled manifests (reference: `platform.gitops`).
        gitops:
          repository: ./gitops
          url: https://git.example.com/acme/platform-gitops.git   # what Argo CD clones: your repository's URL
          path: clusters
          engine: argocd

        """
    }

    func clustersSection(provider: String, production: Bool) -> String {
        var text = """

            # The GPU fleet: one entry per Kubernetes cluster, one node pool per kind of GPU node
            # (reference: `platform.clusters[]` and `platform.clusters[].nodePools[]`).
            clusters:
              - name: \(clusterName)
                provider: \(provider)

            """
        if !production {
            text += "    production: false   # too few GPUs for 2 replicas, which production policies require\n"
        }
        if let imported = kept {
            text += "    # From `platformc inventory import`: \(imported.count) pool(s) of identical GPU nodes.\n"
            if imported.contains(where: { $0.instanceType.map { PriceCatalog.builtIn.prices(of: $0).isEmpty } ?? true }) {
                text += "    # No catalog price for these nodes: set each pool's `pricePerHour` (yours) so cost and budgets count it.\n"
            }
            for pool in leftOut {
                text += "    # Left out: pool `\(pool.name)`, GPU `\(pool.gpu)` is not in the catalog (add a `gpuCatalog` entry).\n"
            }
            let section = ImportedPool.specSection(imported, instances: instances)
            text += section.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .map { "    " + $0 }.joined(separator: "\n") + "\n"
            return text
        }
        let pool = starterPool
        if let region = pool.region { text += "    region: \(Self.scalar(region))\n" }
        if !pool.zones.isEmpty { text += "    zones: [\(pool.zones.map(Self.scalar).joined(separator: ", "))]\n" }
        let facts = instances.instance(named: pool.instanceType).map { "\($0.gpuCount)× \($0.gpu), \($0.interconnect.rawValue)" }
            ?? "see the catalog"
        text += """
                nodePools:
                  - name: \(starterPoolName)
                    instanceType: \(Self.scalar(pool.instanceType))   # \(facts); the catalog fills GPUs, network and price
                    nodes: { min: 1, max: 2 }

            """
        return text + priceNote
    }

    /// A pool whose instance type has no catalog price says so where the price would go.
    var priceNote: String {
        guard PriceCatalog.builtIn.prices(of: starterPool.instanceType).isEmpty else { return "" }
        return "        # The catalog has no price for this type: set `pricePerHour` (yours) so cost and budgets count it.\n"
    }

    // MARK: the model

    struct Fit {
        var gpu: String
        var count: Int
        var comment: String
        /// Replicas the pool holds at `nodes.max`.
        var capacity: Int = 2
    }

    /// How many GPUs of `pool` one replica of `candidate` needs, by the memory-fit rule's arithmetic
    /// on the lowered model (so every default the compiler applies counts); nil when it needs more
    /// than one NVLink island holds or the GPU lacks the dtype.
    func fit(_ candidate: StarterModel, in poolName: String, fleet: String, rejected: inout [String]) -> Fit? {
        let probe = header + fleet + workloads(candidate, pool: poolName, fit: Fit(gpu: "", count: 1, comment: ""))
        var bag = DiagnosticBag()
        guard let root = YAMLLoader(file: "platform.yaml").load(Array(probe.utf8), into: &bag) else { return nil }
        let platform = Lowering(file: "platform.yaml").lower(root, into: &bag)
        guard let pool = platform.clusters.flatMap(\.nodePools).first(where: { $0.name == poolName }),
              let gpu = platform.gpuCatalog.model(named: pool.gpu),
              var model = platform.models.first else { return nil }
        if candidate.dtype == "fp8", !gpu.fp8 { return nil }
        model.gpuModel = gpu.name
        let perGPU = Double(gpu.memoryMiB) * 1_048_576 * model.gpuMemoryUtilization
        let need = MemoryEstimate.of(model, gpus: 1).totalBytes
        guard let count = MemoryEstimate.fittingGPUCount(need, perGPUBytes: perGPU),
              count <= pool.largestIsland, count <= pool.gpusPerNode else {
            rejected.append("""
                `\(candidate.name)` (\(candidate.dtype)) needs \(need.gbText), more than one NVLink island of pool `\(poolName)` holds
                """)
            return nil
        }
        let estimate = MemoryEstimate.of(model, gpus: count)
        let percent = Int((model.gpuMemoryUtilization * 100).rounded())
        let comment = """
                # Memory fit: \(estimate.totalBytes.gbText) per replica (weights \(estimate.weightsBytes.gbText) + KV cache \
            \(estimate.kvCacheBytes.gbText) + overhead \(estimate.overheadBytes.gbText));
                # \(count)× \(gpu.name) at \(percent)% hold \((perGPU * Double(count)).gbText). `platformc explain placement` shows where \
            replicas go.

            """
        return Fit(gpu: gpu.name, count: count, comment: comment, capacity: (pool.gpusPerNode / count) * pool.maxNodes)
    }

    func workloads(_ model: StarterModel, pool: String, fit: Fit, production: Bool = true) -> String {
        let minReplicas = production ? 2 : 1, maxReplicas = max(minReplicas, min(2 * minReplicas, fit.capacity))
        return """

            # Who uses the GPUs: a quota per team, optionally a monthly budget (reference: `platform.teams[]`).
            teams:
              - name: team-a
                quota: { gpus: \(fit.count * maxReplicas) }

            # What runs: models served by vLLM. `gpu.count` is the tensor-parallel size and must sit in one
            # NVLink island; `platformc check` reports a model that does not fit (reference: `platform.models[]`).
            models:
              - name: \(model.name)
                team: team-a
                source: \(model.source)
                parameters: \(model.parameters)
                architecture: \(model.architecture)
                dtype: \(model.dtype)
                contextLength: \(StarterModel.contextLength)
            \(fit.comment)    gpu: { model: \(fit.gpu.isEmpty ? "unknown" : fit.gpu), count: \(fit.count) }
                replicas: { min: \(minReplicas), max: \(maxReplicas) }
                placement: { cluster: \(clusterName), pool: \(pool) }

            # How requests reach the models: Gateway API routes with weighted backends and optional external
            # fallbacks (reference: `platform.routes[]`).
            routes:
              - name: chat
                hostnames: [chat.example.com]
                path: /v1/chat/completions
                backends:
                  - { model: \(model.name), weight: 100 }
                rateLimit: { requestsPerMinute: 600 }   # production policies want a limit on every route

            """
    }

    /// One scalar as the canonical renderer writes it (quoted only where YAML would misread it).
    static func scalar(_ text: String) -> String {
        var rendered = YAMLRenderer.render(.string(text))
        while rendered.last == "\n" { rendered.removeLast() }
        return rendered
    }
}
