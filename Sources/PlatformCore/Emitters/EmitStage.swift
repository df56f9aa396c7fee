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
