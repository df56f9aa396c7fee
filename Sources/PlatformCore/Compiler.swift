import PlatformDiagnostics

/// The whole pipeline as a composition of typed stages, numbered as `compile` runs them (targets in
/// docs/architecture.md):
/// 1. front end: bytes → `Platform` (`FrontEnd`: load, check, lower, validate)
/// 2. previous placement: the caller's `previous` reads the last `platform.lock.json` (`LockPlacement`)
/// 3. passes: `Platform` → `PlannedPlatform` (placement, quota and cost)
/// 4. policy: `PolicyPass` runs the rules of `policy:` over the platform and its plan
/// 5. emit: `PlannedPlatform` → `ManifestSet` (typed objects merged onto templates, `EmitStage`)
/// 6. derive: the pods the upstream controllers derive from them (`DerivedPods`), the flows the
///    platform needs (`TrafficDerivation`), the NetworkPolicies that open exactly those, and the
///    GitOps engine's objects for the clusters' folders (`FleetEmitter`, into the set's fleet
///    folders), each merged onto its template like the objects of stage 5
/// 7. audit: secrets, Pod Security, compiler-owned policies and labels of the merged objects
///    (fleet objects included), the flow check (`FlowCheck`) and whether the derived pods will
///    run (`WillItRun`, which reads nothing stage 6's NetworkPolicies and fleet objects change, so
///    it runs beside them)
/// 8. sync waves: Argo CD's order for cluster-scoped objects (`FleetEmitter.syncWaves`);
///    `rendersTree` false stops here
/// 9. render: `ManifestSet` → `RenderedTree` (canonical YAML bytes per path, `GitOpsLayout`: the
///    clusters under `gitops.path`, the fleet folders at the root), and platform.lock.json beside
///    them (`PlatformLockEmitter`)
/// Each stage reports into one diagnostics bag; the pipeline stops after stages 1, 4 and 7 when
/// there are errors, so nothing is produced from a broken spec.
package struct Compiler: Sendable {
    package var templates: TemplateSet
    package var emitters: [any Emitter]

    /// NCCL topology files named by pools (`topologyFile` as written → bytes), read by the caller;
    /// the front end parses each once and keeps it on its pools (`NodePool.topology`).
    package var topologyFiles: [String: [UInt8]] = [:]
    /// Topology files the caller refused to read (`FileRefusal`), reported at the pools naming them.
    package var topologyRefusals: [String: FileRefusal] = [:]
    /// The last compile's placement (`platform.lock.json` of the GitOps head, read by the caller):
    /// kept wherever it still holds, so a change moves only what it must.
    package var previousPlacement: LockPlacement?
    /// False: stop once every diagnostic is known (after emission's audits) without rendering the
    /// tree, which reports nothing (`platformc lsp` re-checks on every edit).
    package var rendersTree = true

    package static let defaultEmitters: [any Emitter] = [
        TeamNamespaceEmitter(),
        SystemNamespaceEmitter(),
        KueueEmitter(),
        AgentEmitter(),
        TrainingJobEmitter(),
        NCCLTopologyEmitter(),
        NCCLTestEmitter(),
        KarpenterEmitter(),
        ObservabilityEmitter(),
        VLLMEmitter(),
        InferencePoolEmitter(),
        GatewayEmitter(),
        KEDAEmitter(),
        LiteLLMEmitter(),
        MCPPermissionsEmitter(),
    ]
    /// Runs after `emitters`, over the pods their objects derive; nil emits no NetworkPolicy.
    package var networkPolicyEmitter: NetworkPolicyEmitter? = NetworkPolicyEmitter()

    package init(templates: TemplateSet = TemplateSet(), emitters: [any Emitter] = Compiler.defaultEmitters) {
        self.templates = templates
        self.emitters = emitters
    }

    package struct Output: Sendable {
        package var platform: Platform?
        package var plan: PlannedPlatform?
        package var manifests: ManifestSet?
        package var tree: RenderedTree?
        package var diagnostics: DiagnosticBag
        /// Each cluster's derived pods and needed flows (`platformc explain traffic`).
        package var traffic: [TrafficGraph] = []
        /// The pods the upstream controllers create from `manifests` (`DerivedPods`), derived once
        /// per compile (`platformc explain workloads`).
        package var pods: [DerivedPod] = []
    }

    package func compile(spec bytes: [UInt8], file: String) -> Output {
        compile(spec: bytes, file: file) { _, _ in previousPlacement }
    }

    /// The pipeline, asking `previous` for the last placement once the spec has loaded (`commit`
    /// and `diff` read it from the GitOps repository the spec names).
    package func compile(spec bytes: [UInt8], file: String,
                        previous: (Platform, inout DiagnosticBag) throws -> LockPlacement?) rethrows -> Output {
        var diagnostics = DiagnosticBag()
        guard let platform = FrontEnd(file: file, topologyFiles: topologyFiles, topologyRefusals: topologyRefusals,
                                      digestsSpec: rendersTree).run(bytes, into: &diagnostics) else {
            return Output(diagnostics: diagnostics)
        }
        let last = try previous(platform, &diagnostics)
        let plan = Passes.run(platform, previous: last, into: &diagnostics)
        for finding in PolicyPass.run(platform, plan: plan) { diagnostics.report(finding) }
        guard !diagnostics.hasErrors else { return Output(platform: platform, plan: plan, diagnostics: diagnostics) }
        var emitted = EmitStage.runTracingTemplates(emitters, plan: plan, templates: templates, clusters: platform.clusters.map(\.name))
        // Derived once and shared by traffic, the will-it-run pass and `explain workloads`. What
        // changes objects after this point adds NetworkPolicies (no pods) or stamps annotations on
        // an object's own metadata (the audit's exceptions, Argo CD sync waves), which no
        // controller copies into its pods; `CompilerPodsTests` holds the pods to a re-derivation
        // from the final objects.
        let pods = DerivedPods.derive(plan, manifests: emitted.manifests)
        let traffic = TrafficDerivation.derive(plan, manifests: emitted.manifests, pods: pods)
        // Will what we emit run? The pods the upstream controllers derive from it, checked. The
        // pass reads the pods and the clusters' Namespaces, Kueue queues and Karpenter NodePools,
        // which the NetworkPolicies, the fleet objects and the audit's annotations leave alone: it
        // runs on one core while the other emits those (one emitter after the other).
        let templates = self.templates, networkPolicyEmitter = self.networkPolicyEmitter
        let (final, runFindings) = concurrently(
            { [emitted] in
                var emitted = emitted
                if let networkPolicyEmitter {
                    var context = EmitContext(templates: templates)
                    networkPolicyEmitter.emit(plan, traffic: traffic, into: &context)
                    EmitStage.merge(context, into: &emitted, templates: templates)
                }
                // The engine's objects last: Flux's name every namespace folder the others filled.
                var fleet = EmitContext(templates: templates)
                FleetEmitter().emit(plan, manifests: emitted.manifests, into: &fleet)
                EmitStage.merge(fleet, into: &emitted, templates: templates)
                return emitted
            },
            { [emitted] in WillItRun.run(plan, manifests: emitted.manifests, pods: pods) })
        emitted = final
        diagnostics.append(contentsOf: emitted.diagnostics)
        // The last word on security, after the templates and unaffected by anything they write.
        // The audits and the flow check read the same objects and none writes what another reads
        // (the audit's annotations go on workloads, never on a NetworkPolicy): one list of jobs
        // shared by both cores, the longest first, their findings reported in a fixed order.
        let objects = emitted.manifests, templated = emitted.templated, checksFlows = networkPolicyEmitter != nil
        let checks: [@Sendable () -> (findings: [Diagnostic], audited: ManifestSet?)] = [
            {
                let audit = MergedObjectAudit.run(objects, templated: templated, templates: templates, platform: platform)
                return (audit.diagnostics, audit.manifests)
            },
            { (PodSecurityAudit.run(objects, templated: templated), nil) },
            { (checksFlows ? FlowCheck.run(traffic, manifests: objects) : [], nil) },
            { (ManifestSecretAudit.run(objects), nil) },
        ]
        let results = checks.concurrentMap { $0() }
        let audited = results[0].audited ?? objects
        // Secrets, Pod Security, the merged objects, then the flows and the will-it-run pass.
        for finding in results[3].findings + results[1].findings + results[0].findings + results[2].findings + runFindings {
            diagnostics.report(finding)
        }
        guard !diagnostics.hasErrors else {
            return Output(platform: platform, plan: plan, manifests: audited, diagnostics: diagnostics, traffic: traffic,
                pods: pods)
        }
        let manifests = FleetEmitter.syncWaves(audited, engine: platform.gitops.engine)
        guard rendersTree else {
            return Output(platform: platform, plan: plan, manifests: manifests, diagnostics: diagnostics, traffic: traffic, pods: pods)
        }
        var tree = GitOpsLayout.render(manifests, root: platform.gitops.path)
        tree.files[LockFile.path] = PlatformLockEmitter.lock(plan, manifests: manifests).text
        return Output(platform: platform, plan: plan, manifests: manifests, tree: tree, diagnostics: diagnostics, traffic: traffic,
            pods: pods)
    }
}
