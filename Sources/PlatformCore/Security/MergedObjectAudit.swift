import Foundation

import PlatformDiagnostics

/// Rationale: templates come from pull requests and are merged onto what the compiler computed,
/// so the last word on security must come after the merge and must not read anything a template
/// can write. On the final objects:
/// - every NetworkPolicy keeps exactly the `spec` the compiler computed, and every Role, ClusterRole
///   and binding its `rules`, `subjects` and `roleRef` (E6020): a template may label them, never
///   widen or narrow them (an `ingress: [{}]` turns default-deny into allow-all);
/// - every Namespace keeps the compiler's `pod-security.kubernetes.io/*` labels, and no template
///   tries to set them (E6021);
/// - every pod meets the Pod Security Standard its namespace enforces, as the compiler set it
///   (`PodSecurityStandard`; E6022 baseline, E6023 restricted), unless `security.exceptions` of
///   the spec allows that control for that workload. Annotations are never read: a template
///   could add them.
/// Errors point at the template line that caused them; a finding in what the compiler computed
/// itself (a compiler bug) has no location.
package enum MergedObjectAudit {
    package static func run(_ manifests: ManifestSet, templated: [ResourceKey: TemplatedObject], templates: TemplateSet,
                           platform: Platform) -> (manifests: ManifestSet, diagnostics: [Diagnostic]) {
        let setup = Setup(platform)
        let results = manifests.groups.concurrentMap { cluster in setup.audit(cluster, templated: templated, templates: templates) }
        return finish(results, manifests: manifests, setup: setup, platform: platform)
    }

    /// What every cluster's audit reads from the spec, worked out once.
    struct Setup: Sendable {
        let minor: Int
        let exceptions: [String: [SecurityException]]

        init(_ platform: Platform) {
            minor = Int(platform.kubernetesVersion.split(separator: ".").last ?? "") ?? 34
            var exceptions: [String: [SecurityException]] = [:]
            for exception in platform.securityExceptions { exceptions[exception.workload, default: []].append(exception) }
            self.exceptions = exceptions
        }

        /// One cluster's (or fleet folder's) findings and the exceptions they used: clusters are
        /// independent, so `AuditStage` runs each as its own job.
        func audit(_ cluster: ManifestSet.Cluster, templated: [ResourceKey: TemplatedObject], templates: TemplateSet) -> ClusterResult {
            ClusterAudit(cluster: cluster, templated: templated, templates: templates, exceptions: exceptions, minor: minor).run()
        }
    }

    typealias ClusterResult = (reports: [Report], used: [Grant])

    /// The findings of every cluster (`results` in the order of `manifests.groups`), grouped by
    /// template line, the unused exceptions, and the objects stamped with their exceptions.
    static func finish(_ results: [ClusterResult], manifests: ManifestSet, setup: Setup,
                       platform: Platform) -> (manifests: ManifestSet, diagnostics: [Diagnostic]) {
        var diagnostics = grouped(results.flatMap(\.reports))
        let used = Set(results.flatMap(\.used))
        for exception in platform.securityExceptions {
            for control in exception.allow where !used.contains(Grant(workload: exception.workload, control: control)) {
                diagnostics.append(Diagnostic(.warning, SecurityCodes.unusedException,
                                              "security exception allows `\(control.rawValue)` for `\(exception.workload)`, but none of "
                                                  + "its pods needs it",
                                              at: exception.location,
                                              help: "remove `\(control.rawValue)` from the exception's `allow` list"))
            }
        }
        let exceptions = setup.exceptions
        let stamped = exceptions.isEmpty ? manifests : manifests.mapManifests { manifest in stamp(manifest, exceptions: exceptions) }
        return (stamped, diagnostics)
    }

    /// One finding on one object, before findings of one template line are put together.
    struct Report {
        var code: DiagnosticCode
        var location: SourceLocation?
        /// The message with `{}` where the object(s) go.
        var text: String
        /// `Deployment.apps search/llama in cluster `prod-use1``.
        var subject: String
        var notes: [DiagnosticNote]
        var help: String
    }

    /// One diagnostic per template line and finding, naming every object it reached: one template
    /// line merged into 2,000 Deployments is one mistake, not 2,000.
    static func grouped(_ reports: [Report]) -> [Diagnostic] {
        struct Key: Hashable { var code: DiagnosticCode; var location: SourceLocation?; var text: String }
        var order: [Key] = []
        var groups: [Key: [Report]] = [:]
        for report in reports {
            let key = Key(code: report.code, location: report.location, text: report.text)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(report)
        }
        return order.map { key in
            let all = groups[key]!
            let first = all[0]
            let more = all.count > 1 ? " (and \(all.count - 1) more object\(all.count == 2 ? "" : "s"))" : ""
            var notes: [DiagnosticNote] = []
            for note in all.flatMap(\.notes) where !notes.contains(note) { notes.append(note) }
            let shown = 10
            notes += all.dropFirst().prefix(shown).map { DiagnosticNote("also \($0.subject)") }
            if all.count - 1 > shown { notes.append(DiagnosticNote("…and \(all.count - 1 - shown) more")) }
            return Diagnostic(.error, key.code, key.text.replacingOccurrences(of: "{}", with: first.subject + more),
                              at: key.location, notes: notes, help: first.help)
        }
    }

    /// A control allowed for a workload by the spec.
    struct Grant: Hashable {
        var workload: String
        var control: PodSecurityControl
    }

    /// The workload (model, training job or agent) an object belongs to, read from the labels the
    /// compiler gave it; nil for everything else (the endpoint picker, LiteLLM, nccl-tests).
    static func workload(of manifest: Manifest) -> String? {
        let labels = manifest.labels
        guard let component = labels[PlatformLabels.component]?.stringValue,
              [Conventions.Component.modelServer, Conventions.Component.training, Conventions.Component.agent]
                  .contains(component) else { return nil }
        return labels[PlatformLabels.name]?.stringValue
    }

    /// `manifest` with its exceptions written into `Conventions.securityExceptionAnnotation`, so
    /// the diff shows each granted exception on the objects it applies to.
    static func stamp(_ manifest: Manifest, exceptions: [String: [SecurityException]]) -> Manifest {
        guard let workload = workload(of: manifest), let granted = exceptions[workload], !granted.isEmpty,
              ["Deployment", "LeaderWorkerSet", "TrainJob", "PyTorchJob", "Agent", "Job"].contains(manifest.kind) else { return manifest }
        var object = manifest.object
        var annotations = manifest.annotations
        let key = Conventions.securityExceptionAnnotation
        let text = granted.map(\.annotation).joined(separator: "; ")
        annotations[key] = .string([annotations[key]?.stringValue, text].compactMap { $0 }.joined(separator: "; "))
        object["metadata"]?["annotations"] = .map(annotations)
        return Manifest(object: object) ?? manifest
    }

    struct ClusterAudit {
        let cluster: ManifestSet.Cluster
        let templated: [ResourceKey: TemplatedObject]
        let templates: TemplateSet
        let exceptions: [String: [SecurityException]]
        let minor: Int
        var reports: [Report] = []
        var used: [Grant] = []
        var privilegedNamespaces: Set<String> = []

        init(cluster: ManifestSet.Cluster, templated: [ResourceKey: TemplatedObject], templates: TemplateSet,
             exceptions: [String: [SecurityException]], minor: Int) {
            self.cluster = cluster
            self.templated = templated
            self.templates = templates
            self.exceptions = exceptions
            self.minor = minor
        }

        consuming func run() -> (reports: [Report], used: [Grant]) {
            // The level of each namespace as the compiler set it: what a template wrote is not read.
            var levels: [String: PodSecurityControl.Level] = [:]
            var privileged: Set<String> = []
            for manifest in cluster.manifests where manifest.kind == "Namespace" && manifest.group.isEmpty {
                let trusted = origin(of: manifest)?.computed ?? manifest
                let enforce = trusted.labels[PodSecurityLevels.enforce]?.stringValue
                levels[manifest.name] = enforce == "restricted" ? .restricted : .baseline
                // `privileged` is set only for InfiniBand training; the audit still holds those pods
                // to `baseline` except for the one capability RDMA needs (`memoryLockOnly`).
                if enforce == "privileged" { privileged.insert(manifest.name) }
            }
            privilegedNamespaces = privileged
            for manifest in cluster.manifests {
                // The id read once: each of its parts is a lookup in the object.
                let id = manifest.id
                let origin = templated[ResourceKey(cluster: cluster.name, id: id)]
                switch (id.group, id.kind) {
                case ("networking.k8s.io", "NetworkPolicy"): compilerOwned(manifest, origin, fields: ["spec"])
                case ("rbac.authorization.k8s.io", "Role"), ("rbac.authorization.k8s.io", "ClusterRole"):
                    compilerOwned(manifest, origin, fields: ["rules", "aggregationRule"])
                case ("rbac.authorization.k8s.io", "RoleBinding"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"):
                    compilerOwned(manifest, origin, fields: ["subjects", "roleRef"])
                case ("", "Namespace"): namespace(manifest, origin)
                case ("", "ConfigMap"), ("", "Secret"): continue
                default: break
                }
                pods(manifest, origin, level: id.namespace.flatMap { levels[$0] } ?? .baseline)
            }
            return (reports, used)
        }

        func origin(of manifest: Manifest) -> TemplatedObject? {
            templated[ResourceKey(cluster: cluster.name, id: manifest.id)]
        }

        /// The template position of `path` when the template holds at least `anchor` steps of it.
        func locate(_ path: [ManifestPathStep], anchor: Int, in origin: TemplatedObject?) -> SourceLocation? {
            guard let origin, let source = templates.sources[origin.template], let file = templates.file(of: origin.template),
                  let found = TemplateLocator(text: source.text, file: file).locate(path), found.depth >= max(anchor, 1) else { return nil }
            return found.location
        }

        /// Fields that grant access (a NetworkPolicy's `spec`, RBAC rules, subjects and role
        /// references) must be exactly what the compiler computed: a template may label these
        /// objects, never widen them (a subject list merges by `name`, so a template could add one).
        mutating func compilerOwned(_ manifest: Manifest, _ origin: TemplatedObject?, fields: [String]) {
            guard let origin else { return }
            for field in fields {
                let merged = manifest.object[field] ?? .null, computed = origin.computed.object[field] ?? .null
                guard let difference = Self.firstDifference(merged, computed, path: [.key(field)]) else { continue }
                let kind = manifest.kind
                reports.append(Report(code: SecurityCodes.templateChangesCompilerOwnedField,
                                      location: locate(difference, anchor: 1, in: origin),
                                      text: """
                                          template `\(origin.template)` changes `\(ManifestPathStep.text(difference))` of {}; the compiler \
                                          owns every \(kind)'s `\(field)`
                                          """,
                                      subject: "\(kind) `\(manifest.namespace.map { "\($0)/" } ?? "")\(manifest.name)` in \(cluster.place)",
                                      notes: manifest.name == "default-deny"
                                        ? [DiagnosticNote("`default-deny` must select every pod and allow nothing, in both directions")]
                                            : [],
                                      help: kind == "NetworkPolicy"
                                        ? """
                                            remove `spec` from the template; open traffic through the spec (models, agents, MCP servers), \
                                            which the compiler turns into policies
                                            """
                                        : """
                                            remove `\(field)` from the template; permissions come from the spec (`mcpServers[].permissions`)
                                            """))
                return
            }
        }

        mutating func namespace(_ manifest: Manifest, _ origin: TemplatedObject?) {
            guard let origin else { return }
            let template = templates[origin.template]?["metadata"]?["labels"]?.mapValue ?? ManifestMap()
            let computed = origin.computed.labels
            var keys = Set(template.keys.filter { $0.hasPrefix("pod-security.kubernetes.io/") && template[$0] != computed[$0] })
            keys
                .formUnion(manifest.labels.keys
                    .filter { $0.hasPrefix("pod-security.kubernetes.io/") && manifest.labels[$0] != computed[$0] })
            for key in keys.sorted() {
                let path: [ManifestPathStep] = [.key("metadata"), .key("labels"), .key(key)]
                let wanted = template[key].map(\.plainText) ?? "(absent)"
                reports.append(Report(code: SecurityCodes.templateChangesPodSecurityLabel, location: locate(path, anchor: 3, in: origin),
                                      text: """
                                          template `\(origin.template)` sets label `\(key)` of {} to `\(wanted)`; the compiler sets \
                                          `\(computed[key].map(\.plainText) ?? "(absent)")`
                                          """,
                                      subject: "Namespace `\(manifest.name)` in \(cluster.place)", notes: [],
                                      help: """
                                          remove the label from the template; a workload that needs more than its namespace's level needs \
                                          an exception under `security.exceptions` in the spec
                                          """))
            }
        }

        mutating func pods(_ manifest: Manifest, _ origin: TemplatedObject?, level: PodSecurityControl.Level) {
            let findings = PodSecurityStandard.findings(in: manifest.value, level: level, minor: minor)
            guard !findings.isEmpty else { return }
            let workload = MergedObjectAudit.workload(of: origin?.computed ?? manifest)
            let allowed = Set(workload.flatMap { exceptions[$0] }?.flatMap(\.allow) ?? [])
            for finding in findings {
                if let namespace = manifest.namespace, privilegedNamespaces.contains(namespace),
                   Self.memoryLockOnly(finding, in: manifest.value) { continue }
                if let workload, allowed.contains(finding.control) {
                    used.append(Grant(workload: workload, control: finding.control))
                    continue
                }
                let location = locate(finding.path, anchor: finding.anchor, in: origin)
                var notes: [DiagnosticNote] = [DiagnosticNote("at `\(ManifestPathStep.text(finding.path))`")]
                if origin != nil, location == nil {
                    notes.append(DiagnosticNote("the compiler emitted this itself: please report it as a bug"))
                }
                if let origin, location != nil { notes.append(DiagnosticNote("merged from template `\(origin.template)`")) }
                let code = finding.level == .restricted ? SecurityCodes.podBreaksRestricted : SecurityCodes.podBreaksBaseline
                let who = workload.map { "`\($0)`" } ?? "the workload"
                reports.append(Report(code: code, location: location,
                                      text: """
                                          {} breaks Pod Security `\(finding.level.rawValue)` (`\(finding.control.rawValue)`): \
                                          \(finding.detail)
                                          """,
                                      subject: "\(manifest.id) in \(cluster.place)", notes: notes,
                                      help: """
                                          remove it from the template; if \(who) truly needs it, grant `\(finding.control.rawValue)` with \
                                          a reason under `security.exceptions` in the spec
                                          """))
            }
        }

        /// Whether `finding` is a capability finding whose only capability beyond the baseline's
        /// list is `IPC_LOCK` (what the compiler adds for InfiniBand RDMA).
        static func memoryLockOnly(_ finding: PodSecurityStandard.Finding, in object: ManifestValue) -> Bool {
            guard finding.control == .capabilities else { return false }
            var value: ManifestValue? = object
            for step in finding.path {
                switch step {
                case let .key(key): value = value?[key]
                case let .index(i): value = value?.listValue.flatMap { i < $0.count ? $0[i] : nil }
                case let .named(name): value = value?.listValue?.first { $0["name"]?.stringValue == name }
                }
            }
            let added = value?.listValue?.compactMap(\.stringValue) ?? []
            let beyond = added.filter { !PodSecurityStandard.baselineCapabilities.contains($0) }
            return !beyond.isEmpty && beyond.allSatisfy { $0 == FabricDevices.memoryLockCapability }
        }

        /// The first path where `a` and `b` differ (map keys in order), nil when equal.
        static func firstDifference(_ a: ManifestValue, _ b: ManifestValue, path: [ManifestPathStep]) -> [ManifestPathStep]? {
            guard a != b else { return nil }
            switch (a, b) {
            case let (.map(x), .map(y)):
                for key in Set(x.keys).union(y.keys).sorted() where x[key] != y[key] {
                    return firstDifference(x[key] ?? .null, y[key] ?? .null, path: path + [.key(key)])
                }
                return path
            case let (.list(x), .list(y)):
                // Items are matched by `name` where they have one (as the template merge does).
                for (index, item) in x.enumerated() {
                    let name = item["name"]?.stringValue
                    let counterpart = name.flatMap { n in y.first { $0["name"]?.stringValue == n } }
                        ?? (name == nil && y.indices.contains(index) ? y[index] : nil)
                    guard counterpart != item else { continue }
                    let step: ManifestPathStep = name.map(ManifestPathStep.named) ?? .index(index)
                    return counterpart.flatMap { firstDifference(item, $0, path: path + [step]) } ?? path + [step]
                }
                return path
            default:
                return path
            }
        }
    }
}
