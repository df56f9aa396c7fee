import Foundation
import PlatformCore

/// What a hover shows (LSP 3.17 `language/hover.md`, Markdown `MarkupContent`): for a key its
/// documentation from `PlatformShape`; for a model what the compiler's passes found (memory fit,
/// NVLink islands, placement, monthly cost); for a pool its hardware facts and price; for a team
/// its GPUs, cost and budget.
enum HoverContent {
    static func key(_ field: FieldShape) -> String { ShapeLookup.documentation(field) }

    static func name(_ entry: NameIndex.Entry, output: Compiler.Output?) -> String {
        let title = "**\(entry.kind.rawValue) `\(entry.name)`**"
        guard let platform = output?.platform else {
            return title + "\n\n_the spec does not check cleanly yet: the compiler's facts show once it does_"
        }
        let plan = output?.plan
        switch entry.kind {
        case .model:
            guard let model = platform.model(entry.name) else { return title }
            return title + "\n\n" + modelFacts(model, platform: platform, plan: plan).joined(separator: "\n")
        case .pool:
            let pools = platform.clusters.flatMap(\.nodePools)
                .filter { $0.name == entry.name && (entry.scope == nil || $0.cluster == entry.scope) }
            return ([title] + pools.map { "\n" + poolFacts($0, platform: platform, plan: plan).joined(separator: "\n") })
                .joined(separator: "\n")
        case .team:
            guard let team = platform.team(entry.name) else { return title }
            var lines = ["- namespace `\(team.namespace)`, priority \(team.priority.rawValue)"]
            if let cost = plan?.cost?.team(team.name) {
                lines.append("- \(cost.gpus) GPUs (\(cost.gpusAtMax) at `replicas.max`)" + (cost.quota.map { " of quota \($0)" } ?? ""))
                lines.append("- $\(cost.monthly)/month ($\(cost.monthlyAtMax) at max)"
                             + (cost.budget.map { ", budget $\($0.monthly) (headroom $\($0.monthly - cost.monthly))" } ?? ", no budget"))
            }
            return title + "\n\n" + lines.joined(separator: "\n")
        default:
            return title
        }
    }

    static func modelFacts(_ m: Model, platform: Platform, plan: PlannedPlatform?) -> [String] {
        var lines: [String] = []
        let gpus = m.migProfile == nil ? m.gpusPerReplicaTotal : 1
        let need = MemoryEstimate.of(m, gpus: gpus)
        if let gpu = platform.gpuCatalog.model(named: m.gpuModel) {
            let perDevice = m.migProfile.flatMap { gpu.migProfile(named: $0) }.map { Double($0.memoryMiB) * 1_048_576 }
                ?? Double(gpu.memoryMiB) * 1_048_576
            let have = perDevice * Double(gpus) * m.gpuMemoryUtilization
            let device = m.migProfile.map { "one \($0) slice of \(gpu.name)" } ?? "\(gpus)× \(gpu.name)"
            lines
                .append("- **memory**: needs \(gb(need.totalBytes)) per replica (weights \(gb(need.weightsBytes)) + KV cache "
                    + "\(gb(need.kvCacheBytes)) + overhead \(gb(need.overheadBytes))); \(device) at "
                    + "\(Int((m.gpuMemoryUtilization * 100).rounded()))% hold \(gb(have)): "
                    + (need.totalBytes <= have ? "fits" : "does not fit"))
        }
        let assignments = plan?.modelAssignments[m.name] ?? []
        for a in assignments {
            if let pool = platform.cluster(a.cluster)?.pool(a.pool) {
                let tp = m.migProfile == nil ? "tensor-parallel \(m.gpusPerReplica) in islands of \(islands(pool.islands))"
                    : "MIG \(m.migProfile!)"
                lines.append("- **islands**: \(tp) (\(pool.interconnect.rawValue))")
            }
        }
        if assignments.isEmpty {
            lines.append("- **placement**: not placed")
        } else {
            for a in assignments {
                lines.append("""
                    - **placement**: \(a.replicas) replica\(a.replicas == 1 ? "" : "s") on `\(a.cluster)/\(a.pool)` \
                    (\(a.nodes.joined(separator: ", ")))
                    """)
            }
        }
        for w in plan?.cost?.workloads ?? [] where w.kind == .model && w.name == m.name {
            lines.append("""
                - **cost**: $\(w.monthly)/month for \(w.gpus) \(w.gpu) GPUs in `\(w.pool)`; $\(w.monthlyAtMax) at `replicas.max` \
                (\(w.gpusAtMax) GPUs)
                """)
        }
        return lines
    }

    static func poolFacts(_ p: NodePool, platform: Platform, plan: PlannedPlatform?) -> [String] {
        var lines = ["`\(p.id)`" + (p.instanceType.map { ": \($0)" } ?? "")]
        let memory = platform.gpuCatalog.model(named: p.gpu).map { " (\(gb(Double($0.memoryMiB) * 1_048_576)) each)" } ?? ""
        lines.append("""
            - **GPUs**: \(p.gpusPerNode)× \(p.gpu)\(memory) per node, \(p.interconnect.rawValue), NVLink islands \(islands(p.islands))
            """)
        lines.append("- **network**: \(p.fabric.rawValue), \(p.nics) NICs × \(p.gbpsPerNic) Gbit/s")
        lines
            .append("- **nodes**: \(p.minNodes)" + (p.autoscaled ? "–\(p.maxNodes) (autoscaled)" : "")
                + ", \(p.capacityType.rawValue), \(p.gpuAllocation.rawValue)")
        if !p.migProfiles.isEmpty {
            lines
                .append("- **MIG**: " + p.migProfiles.sorted { $0.key < $1.key }.map { "\($0.value)× \($0.key)" }.joined(separator: ", ")
                    + " per GPU")
        }
        lines.append("- **price**: " + (p.pricePerHour.map { "$\($0)/h per node" } ?? "none") + " (\(p.priceSource))")
        if let cost = plan?.cost?.pool(p.id) {
            lines.append("""
                - **cost**: \(cost.runningNodes) nodes running, \(cost.heldGPUs) of \(cost.gpus) GPUs held, $\(cost.monthly)/month \
                ($\(cost.monthlyAtMax) at max), idle $\(cost.idle)
                """)
        }
        return lines
    }

    /// `[8]`, `4 × [2]`.
    static func islands(_ sizes: [Int]) -> String {
        guard let first = sizes.first else { return "[]" }
        return sizes.allSatisfy { $0 == first } && sizes.count > 1 ? "\(sizes.count) × [\(first)]"
            : "[" + sizes.map(String.init).joined(separator: ", ") + "]"
    }

    /// Gigabytes (10^9) with one decimal, as the compiler's messages write them.
    static func gb(_ bytes: Double) -> String {
        let tenths = Int((bytes / 1e8).rounded())
        return "\(tenths / 10).\(tenths % 10) GB"
    }
}
