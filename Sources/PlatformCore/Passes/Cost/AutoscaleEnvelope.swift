/// Prices the autoscaling envelope: every model at `replicas.max` at once, on top of the placement.
/// Extra replicas fill free GPUs of running nodes first (first fit, nodes in order) and start new
/// nodes when nothing fits; the node count this reaches is the pool's `nodesAtMax`. It is an
/// estimate for money and quota (NVLink islands are not re-checked here: the placement's headroom
/// check, W3002, does that against `nodes.max`).
enum AutoscaleEnvelope {
    /// Adds `extra` replicas of `model` to the ledger.
    static func scale(_ ledger: inout PoolLedger, model m: Model, extra: Int) {
        guard extra > 0, ledger.pool.gpusPerNode > 0 else { return }
        let demand = PlacementPass.modelDemandID(m.name)
        let gpn = ledger.pool.gpusPerNode
        if let profile = m.migProfile {
            var slices = extra * m.gpusPerReplica
            let per = ledger.pool.migProfiles[profile] ?? 1
            var k = 0
            while slices > 0 {
                if k == ledger.nodes.count { ledger.nodes.append(Array(repeating: PoolLedger.GPU(), count: gpn)) }
                for g in ledger.nodes[k].indices where slices > 0 {
                    var gpu = ledger.nodes[k][g]
                    if gpu.isFree { gpu.profile = profile }
                    guard gpu.holder == nil, gpu.profile == profile else { continue }
                    let free = per - gpu.slices.values.reduce(0, +)
                    let take = min(free, slices)
                    if take > 0 { gpu.slices[demand, default: 0] += take; slices -= take }
                    if !gpu.slices.isEmpty { ledger.nodes[k][g] = gpu }
                }
                k += 1
            }
        } else if m.nodesPerReplica > 1 {
            var nodes = extra * m.nodesPerReplica
            for k in ledger.nodes.indices where nodes > 0 && ledger.nodes[k].allSatisfy(\.isFree) {
                take(&ledger.nodes[k], gpus: m.gpusPerReplica, for: demand)
                nodes -= 1
            }
            while nodes > 0 {
                var node = Array(repeating: PoolLedger.GPU(), count: gpn)
                take(&node, gpus: m.gpusPerReplica, for: demand)
                ledger.nodes.append(node)
                nodes -= 1
            }
        } else {
            for _ in 0..<extra {
                if let k = ledger.nodes.indices.first(where: { k in ledger.nodes[k].filter(\.isFree).count >= m.gpusPerReplica }) {
                    take(&ledger.nodes[k], gpus: m.gpusPerReplica, for: demand)
                } else {
                    var node = Array(repeating: PoolLedger.GPU(), count: gpn)
                    take(&node, gpus: m.gpusPerReplica, for: demand)
                    ledger.nodes.append(node)
                }
            }
        }
    }

    /// Gives `gpus` free GPUs of `node` to `demand`, lowest index first.
    private static func take(_ node: inout [PoolLedger.GPU], gpus: Int, for demand: String) {
        var left = gpus
        for g in node.indices where left > 0 && node[g].isFree {
            node[g].holder = demand
            left -= 1
        }
    }
}
