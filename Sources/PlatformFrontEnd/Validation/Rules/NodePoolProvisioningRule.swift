import PlatformDiagnostics

/// A pool's pods must find its nodes: the pool's name must be one its cloud node pool can have
/// (pods select the cloud's pool label, `NodeProvisioning`; `AKSPoolName`, `GKEPoolName`), and GPUs allocated through DRA need
/// nodes that exist before the pods do, because Karpenter does not provision for DRA claims.
///
/// Karpenter facts (kubernetes-sigs/karpenter v1.14.1, aws/karpenter-provider-aws v1.14.1):
/// - `--ignore-dra-requests` (`IGNORE_DRA_REQUESTS`) defaults to true (`pkg/operator/options/options.go`,
///   the chart's `settings.ignoreDRARequests: true`); with it the scheduler refuses every pod with a
///   resource claim: "pod has Dynamic Resource Allocation requirements that are not yet supported by
///   Karpenter" (`pkg/controllers/provisioning/scheduling/scheduler.go`, `add`). The AWS provider
///   models no DRA device of any instance type (nothing under its `pkg/` reads ResourceSlices), so
///   turning the flag off would not help either.
/// - A static NodePool (`spec.replicas`, alpha, feature gate `StaticCapacity`, off by default in
///   `options.go`) keeps that many nodes "regardless of pod demand" (`website/content/en/docs/concepts/nodepools.md`,
///   "spec.replicas"): the DRA driver then publishes the nodes' devices and the scheduler places the pods.
struct NodePoolProvisioningRule: PlatformRule {
    let id = "node-pool-provisioning"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for cluster in p.clusters {
            for pool in cluster.nodePools {
                names(pool, diagnostics: &diagnostics)
                provisioning(pool, diagnostics: &diagnostics)
            }
        }
    }

    func names(_ pool: NodePool, diagnostics: inout DiagnosticBag) {
        switch pool.provisioning {
        case .aksAgentPool where !AKSPoolName.isValid(pool.name):
            diagnostics.error(TrainingCodes.cloudPoolName,
                              "node pool `\(pool.name)` cannot be an AKS agent pool name: pods select `kubernetes.azure.com/agentpool: "
                                  + "\(pool.name)`, and AKS names agent pools with 1 to \(AKSPoolName.maxLength) lowercase letters and "
                                  + "digits, starting with a letter",
                              at: pool.locations[.name] ?? pool.location,
                              help: "name the pool as its AKS agent pool is named, e.g. `\(AKSPoolName.suggestion(for: pool.name))`")
        case .gkeNodePool where !GKEPoolName.isValid(pool.name):
            diagnostics.error(TrainingCodes.cloudPoolName,
                              "node pool `\(pool.name)` cannot be a GKE node pool name: pods select `cloud.google.com/gke-nodepool: "
                                  + "\(pool.name)`, and GKE names node pools with 1 to \(GKEPoolName.maxLength) lowercase letters, digits "
                                  + "and hyphens, starting with a letter and not ending with a hyphen",
                              at: pool.locations[.name] ?? pool.location,
                              help: "name the pool as its GKE node pool is named, e.g. `\(GKEPoolName.suggestion(for: pool.name))`")
        default:
            break
        }
    }

    func provisioning(_ pool: NodePool, diagnostics: inout DiagnosticBag) {
        if pool.staticNodes {
            let at = pool.locations[.nodesStatic] ?? pool.location
            if pool.provisioning != .karpenter {
                diagnostics.error(TrainingCodes.staticNotKarpenter,
                                  "`nodes.static` applies to pools Karpenter provisions; \(pool.provisioning.displayName) sizes node pool "
                                      + "`\(pool.name)`",
                                  at: at, help: "remove `static:` and set the node count on the cloud's node pool")
            } else if pool.maxNodes != pool.minNodes {
                diagnostics.error(TrainingCodes.staticRange,
                                  "node pool `\(pool.name)` is static but `nodes.max` (\(pool.maxNodes)) is above `nodes.min` "
                                      + "(\(pool.minNodes)): a static pool runs exactly `min` nodes",
                                  at: at, help: "set `max: \(pool.minNodes)`, or remove `static:` to let Karpenter scale the pool")
            }
            return
        }
        guard pool.provisioning == .karpenter, pool.gpuAllocation == .dra else { return }
        diagnostics.error(TrainingCodes.draOnKarpenter,
                          "node pool `\(pool.name)` allocates GPUs through DRA, but Karpenter provisions its nodes on demand and ignores "
                              + "pods with resource claims (`--ignore-dra-requests` defaults to true; the AWS provider models no DRA "
                              + "devices): its pods would stay Pending",
                          at: pool.locations[.gpuAllocation] ?? pool.location,
                          notes: [DiagnosticNote("static pools need Karpenter's `StaticCapacity` feature gate (`--feature-gates "
                              + "StaticCapacity=true`)")],
                          help: "add `static: true` under `nodes:` with `max` equal to `min` (Karpenter keeps that many nodes running), or "
                              + "use `gpuAllocation: device-plugin`")
    }
}
