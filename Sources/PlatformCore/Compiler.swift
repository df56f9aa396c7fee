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
///    (fleet objects included) and the flow check (`AuditStage`), and whether the derived pods will
///    run (`WillItRun`, which reads nothing stage 6's NetworkPolicies and fleet objects change, so
///    it runs beside them, `EmitStage.runLate`)
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
        // Will what we emit run? The pods the upstream controllers derive from it, checked, per
        // cluster, in one list of jobs with each cluster's NetworkPolicies; then the fleet objects.
        let late = EmitStage.runLate(emitted, plan: plan, traffic: traffic, pods: pods, networkPolicyEmitter: networkPolicyEmitter,
                                     templates: templates)
        emitted = late.emitted
        diagnostics.append(contentsOf: emitted.diagnostics)
        // The last word on security, after the templates and unaffected by anything they write: the
        // audits and the flow check, per cluster, in one list of jobs (`AuditStage`).
        let audit = AuditStage.run(emitted.manifests, templated: emitted.templated, templates: templates, platform: platform,
                                   traffic: networkPolicyEmitter != nil ? traffic : nil)
        let audited = audit.manifests
        // Secrets, Pod Security, the merged objects, then the flows and the will-it-run pass.
        for finding in audit.findings + late.willItRun { diagnostics.report(finding) }
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
