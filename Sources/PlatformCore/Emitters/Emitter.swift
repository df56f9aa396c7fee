import PlatformDiagnostics

/// One family of emitted objects (team namespaces, vLLM serving, gateway routes…): it reads the
/// planned platform and adds typed manifests to the context. Emitters build structures; the one
/// renderer owns the bytes.
package protocol Emitter: Sendable {
    func emit(_ plan: PlannedPlatform, into context: inout EmitContext)
    /// Roughly how long the emitter runs against the others (CPU samples of a 5,000-node check):
    /// `EmitStage` starts the longest first, so no core is left alone with a long one at the end.
    /// It decides only when an emitter runs, never the output.
    var relativeCost: Int { get }
}

extension Emitter {
    package var relativeCost: Int { 1 }
}

/// Collects what one emitter produces, each object merged onto its base template from
/// `templates/`, and reports template conflicts as diagnostics. `EmitStage` puts the objects of
/// every emitter into one `ManifestSet` and reports duplicates.
package struct EmitContext: Sendable {
    /// One object the emitter added, and how many diagnostics had been reported by then (so that
    /// a duplicate found later is reported in the place it would have had when found at once).
    struct Addition: Sendable {
        var manifest: Manifest
        /// `manifest.id`, worked out here, on the emitter's thread.
        var id: ManifestID
        /// The cluster, or the fleet folder when `isFleet`.
        var cluster: String
        var isFleet = false
        var diagnosticsBefore: Int
        /// Set when a template was merged in: the audit compares the result with what the compiler computed.
        var templated: TemplatedObject? = nil
    }

    /// The objects in the order the emitter added them.
    private(set) var additions: [Addition] = []
    /// Fleet folders to render even when they hold no object (`addFleetFolder`).
    private(set) var fleetFolders: [String] = []
    package var diagnostics = DiagnosticBag()
    package let templates: TemplateSet
    /// Every cluster's LiteLLM config, built once by `EmitStage` for the emitters that read one;
    /// nil: an emitter builds its own.
    package var liteLLMConfigs: LiteLLMConfigs?

    package init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Adds `manifest` to `cluster`, merged onto the template `template` (e.g. "vllm/deployment")
    /// when one is given and present. The compiler's values win; a scalar the template set
    /// differently is reported as a warning so template authors see it.
    package mutating func add(_ manifest: Manifest, to cluster: String, template: String? = nil) {
        add(manifest, to: cluster, isFleet: false, template: template)
    }

    /// Adds one of the GitOps engine's objects to the fleet folder `folder` (`argocd`,
    /// `flux/<cluster>`), merged onto `template` like every other object.
    package mutating func add(_ manifest: Manifest, toFleetFolder folder: String, template: String? = nil) {
        add(manifest, to: folder, isFleet: true, template: template)
    }

    /// A fleet folder whose kustomization is rendered even if no object is added to it.
    package mutating func addFleetFolder(_ folder: String) { fleetFolders.append(folder) }

    private mutating func add(_ manifest: Manifest, to cluster: String, isFleet: Bool, template: String?) {
        var object = manifest
        var templated: TemplatedObject?
        if let key = template, templates[key] != nil {
            templated = TemplatedObject(template: key, computed: manifest)
            let (merged, conflicts) = templates.apply(key, to: manifest.value)
            if let map = merged.mapValue, let m = Manifest(object: map) { object = m }
            for conflict in conflicts {
                diagnostics.warning(EmitCodes.templateConflict,
                                    "template `\(key)` sets `\(conflict.path)` for \(manifest.kind) `\(manifest.name)`; the compiler's "
                                        + "value wins",
                                    at: nil, notes: [DiagnosticNote("\(conflict)")])
            }
        }
        additions
            .append(Addition(manifest: object, id: object.id, cluster: cluster, isFleet: isFleet, diagnosticsBefore: diagnostics.all.count,
                                  templated: templated))
    }
}

/// An object a template was merged into: the template's key and the object as the compiler
/// computed it, before the merge. Only the compiler's side is trusted by `MergedObjectAudit`.
package struct TemplatedObject: Sendable {
    package var template: String
    package var computed: Manifest

    package init(template: String, computed: Manifest) {
        self.template = template
        self.computed = computed
    }
}

/// Codes of the emit stage (E5xxx).
package enum EmitCodes {
    package static let templateConflict: DiagnosticCode = "W5001"
    package static let duplicateObject: DiagnosticCode = "E5002"
    package static let templateInvalid: DiagnosticCode = "E5003"
}
