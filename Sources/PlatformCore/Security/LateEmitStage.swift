import PlatformDiagnostics

extension EmitStage {
    /// Stage 6's second half, once the traffic is known: each cluster's NetworkPolicies (none
    /// when `networkPolicyEmitter` is nil) and each cluster's will-it-run check as one list of
    /// jobs on all cores, then the policies merged in cluster order (as one context holding them
    /// all would be), then the GitOps engine's objects, which name every namespace folder the
    /// others filled. The check reads the pods and the clusters' Namespaces, Kueue queues and
    /// Karpenter NodePools, which the policies and the fleet objects leave alone.
    package static func runLate(_ emitted: Emitted, plan: PlannedPlatform, traffic: [TrafficGraph], pods: [DerivedPod],
                                networkPolicyEmitter: NetworkPolicyEmitter?,
                                templates: TemplateSet) -> (emitted: Emitted, willItRun: [Diagnostic]) {
        enum Job: Sendable { case policies(Int), willItRun(Int) }
        enum Part: Sendable { case policies(EmitContext), findings([Diagnostic]) }
        let platform = plan.platform, clusters = plan.platform.clusters, checked = emitted.manifests.clusters
        let graphs = NetworkPolicyEmitter.graphs(traffic), podsByCluster = WillItRun.podsByCluster(pods)
        let jobs = (networkPolicyEmitter == nil ? [] : clusters.indices.map(Job.policies)) + checked.indices.map(Job.willItRun)
        let parts = jobs.concurrentMap { job -> Part in
            switch job {
            case let .policies(c):
                var context = EmitContext(templates: templates)
                networkPolicyEmitter?.emit(plan, cluster: clusters[c], graph: graphs[clusters[c].name], into: &context)
                return .policies(context)
            case let .willItRun(c):
                return .findings(WillItRun.check(checked[c], pods: podsByCluster[checked[c].name] ?? [], platform: platform))
            }
        }
        var result = emitted, findings: [Diagnostic] = []
        for part in parts {
            switch part {
            case let .policies(context): merge(context, into: &result, templates: templates)
            case let .findings(found): findings += found
            }
        }
        var fleet = EmitContext(templates: templates)
        FleetEmitter().emit(plan, manifests: result.manifests, into: &fleet)
        merge(fleet, into: &result, templates: templates)
        return (result, findings)
    }
}
