import PlatformDiagnostics

/// Stage 7 of `Compiler.compile`: the secret audit, the Pod Security audit, the merged-object
/// audit and the flow check over the final objects. They read the same objects and none writes
/// what another reads (the merged-object audit's annotations go on workloads, never on a
/// NetworkPolicy), and each reads one cluster (or fleet folder) at a time, so they run as one list
/// of jobs, one per check and cluster, shared by all cores: four jobs of whole checks left one
/// core alone with the longest for a tenth of the compile. Findings come out in the order the
/// whole checks gave them: secrets, Pod Security, merged objects, flows; each in cluster order.
package enum AuditStage {
    package struct Result: Sendable {
        /// The objects with their granted exceptions stamped (`MergedObjectAudit`).
        package var manifests: ManifestSet
        package var findings: [Diagnostic]
    }

    private enum Job: Sendable {
        case merged(Int), secrets(Int), flows(Int), podSecurity(Int)
    }

    private enum Part: Sendable {
        case merged(MergedObjectAudit.ClusterResult)
        case findings([Diagnostic])
    }

    /// `traffic` nil: no flow check (no NetworkPolicies were emitted).
    package static func run(_ objects: ManifestSet, templated: [ResourceKey: TemplatedObject], templates: TemplateSet,
                            platform: Platform, traffic: [TrafficGraph]?) -> Result {
        let groups = objects.groups, graphs = traffic ?? []
        let setup = MergedObjectAudit.Setup(platform)
        // The costlier kinds first, so the short Pod Security jobs fill the end.
        let jobs: [Job] = groups.indices.map(Job.merged) + groups.indices.map(Job.secrets) + graphs.indices.map(Job.flows)
            + groups.indices.map(Job.podSecurity)
        let parts = jobs.concurrentMap { job -> Part in
            switch job {
            case let .merged(g): return .merged(setup.audit(groups[g], templated: templated, templates: templates))
            case let .secrets(g): return .findings(ManifestSecretAudit.audit(groups[g]))
            case let .flows(i): return .findings(FlowCheck.run(graphs[i], manifests: objects))
            case let .podSecurity(g): return .findings(PodSecurityAudit.audit(groups[g], templated: templated))
            }
        }
        var merged: [MergedObjectAudit.ClusterResult] = []
        var secrets: [Diagnostic] = [], flows: [Diagnostic] = [], podSecurity: [Diagnostic] = []
        for (job, part) in zip(jobs, parts) {
            switch (job, part) {
            case let (.merged, .merged(result)): merged.append(result)
            case let (.secrets, .findings(found)): secrets += found
            case let (.flows, .findings(found)): flows += found
            case let (.podSecurity, .findings(found)): podSecurity += found
            default: preconditionFailure("a job's part of another kind")
            }
        }
        let audit = MergedObjectAudit.finish(merged, manifests: objects, setup: setup, platform: platform)
        return Result(manifests: audit.manifests, findings: secrets + podSecurity + audit.diagnostics + flows)
    }
}
