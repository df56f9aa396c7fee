/// The Namespace of the shared platform services (`Conventions.systemNamespace`: the Gateway's
/// routes, the LiteLLM proxy, nccl-tests) in every cluster, with Pod Security Standards labels:
/// `restricted`, or `baseline` with the reason stated where an nccl-tests Job must run sshd as root.
package struct SystemNamespaceEmitter: Emitter {
    package init() {}

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        let gangs = NCCLTestEmitter.gangs(plan)
        for cluster in p.clusters {
            let tests = gangs.filter { $0.cluster == cluster.name }.map { "`\(NCCLTestEmitter.name(pool: $0.pool))`" }
            let version = ManifestValue.string("v\(p.kubernetesVersion)")
            var labels = PlatformLabels.common(p)
            labels[PodSecurityLevels.enforce] = .string(tests.isEmpty ? "restricted" : "baseline")
            labels[PodSecurityLevels.enforceVersion] = version
            for key in [PodSecurityLevels.warn, PodSecurityLevels.audit] {
                labels[key] = "restricted"
                labels[key + "-version"] = version
            }
            var annotations = ManifestMap()
            if !tests.isEmpty {
                annotations[Conventions.securityExceptionAnnotation] =
                    .string("baseline: nccl-tests Jobs \(tests.joined(separator: ", ")) run sshd as root for MPI")
            }
            context
                .add(Manifest(apiVersion: "v1", kind: "Namespace", name: Conventions.systemNamespace, labels: labels,
                    annotations: annotations),
                        to: cluster.name, template: "core/namespace")
        }
    }
}
