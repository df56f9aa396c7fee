import PlatformDiagnostics

/// The emit stage: every emitter into its own `EmitContext`, on all cores, then their objects put
/// into one `ManifestSet` in emitter order. Emitters only read the plan, so each runs alone; the
/// merge replays the additions in the order one shared context would have seen them, so the same
/// object of two is kept, and duplicates (E5002) and every other diagnostic come out in the same
/// order as when the emitters ran one after another.
package enum EmitStage {
    package static func run(_ emitters: [any Emitter], plan: PlannedPlatform, templates: TemplateSet,
                           clusters: [String]) -> (manifests: ManifestSet, diagnostics: DiagnosticBag) {
        let emitted = runTracingTemplates(emitters, plan: plan, templates: templates, clusters: clusters)
        return (emitted.manifests, emitted.diagnostics)
    }

    /// The objects, the diagnostics, and for every object a template was merged into, what the
    /// compiler computed before the merge (keyed by cluster and id).
    package struct Emitted: Sendable {
        package var manifests: ManifestSet
        package var diagnostics: DiagnosticBag
        package var templated: [ResourceKey: TemplatedObject]
    }

    package static func runTracingTemplates(_ emitters: [any Emitter], plan: PlannedPlatform, templates: TemplateSet,
                                           clusters: [String]) -> Emitted {
        let liteLLMConfigs = LiteLLMConfigs(plan: plan)
        // The longest first (then in list order), each result back in its emitter's place.
        let schedule = emitters.indices.sorted { (emitters[$0].relativeCost, $1) > (emitters[$1].relativeCost, $0) }
        let ran = schedule.concurrentMap { index in
            var context = EmitContext(templates: templates)
            context.liteLLMConfigs = liteLLMConfigs
            emitters[index].emit(plan, into: &context)
            return context
        }
        var contexts = ran
        for (position, index) in schedule.enumerated() { contexts[index] = ran[position] }
        var emitted = Emitted(manifests: ManifestSet(), diagnostics: DiagnosticBag(), templated: [:])
        for cluster in clusters { emitted.manifests.addCluster(cluster) }
        for context in contexts { merge(context, into: &emitted, templates: templates) }
        return emitted
    }

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

    /// Adds what a late emitter (one that reads the others' objects, like `NetworkPolicyEmitter`)
    /// produced, exactly as if it had run with the others.
    package static func merge(_ context: EmitContext, into emitted: inout Emitted, templates: TemplateSet) {
        do {
            let reported = context.diagnostics.all
            var next = 0
            for folder in context.fleetFolders { emitted.manifests.addFleetFolder(folder) }
            for addition in context.additions {
                for d in reported[next..<addition.diagnosticsBefore] { emitted.diagnostics.report(d) }
                next = addition.diagnosticsBefore
                // Only safe names become folders and files (docs/security.md, containment).
                // A fleet folder is the compiler's own path (`flux/<cluster>`), built from a checked cluster name.
                // Worked out only for a message: most objects need none.
                var place: String {
                    addition.isFleet ? "fleet folder `\(addition.cluster)`" : "cluster `\(GitOpsPathRule.printable(addition.cluster))`"
                }
                if let finding = ObjectPathCheck.firstProblem(addition.id, cluster: addition.isFleet ? nil : addition.cluster) {
                    emitted.diagnostics.report(ObjectPathCheck.diagnostic(finding, manifest: addition.manifest, place: place,
                                                                  template: addition.templated?.template, templates: templates))
                    continue
                }
                let duplicate = addition.isFleet
                    ? emitted.manifests.insert(addition.manifest, id: addition.id, intoFleetFolder: addition.cluster)
                    : emitted.manifests.insert(addition.manifest, id: addition.id, into: addition.cluster)
                if let duplicate {
                    emitted.diagnostics.error(EmitCodes.duplicateObject,
                                      "two emitted objects share the id \(duplicate.id) in \(place)", at: nil)
                } else if let origin = addition.templated {
                    emitted.templated[ResourceKey(cluster: addition.cluster, id: addition.id)] = origin
                }
            }
            for d in reported[next...] { emitted.diagnostics.report(d) }
        }
    }
}
