import PlatformDiagnostics

/// One family of emitted objects (team namespaces, vLLM serving, gateway routes…): it reads the
/// planned platform and adds typed manifests to the context. Emitters build structures; the one
/// renderer owns the bytes.
public protocol Emitter: Sendable {
    func emit(_ plan: PlannedPlatform, into context: inout EmitContext)
}

/// Collects what emitters produce, merges each object onto its base template from `templates/`,
/// and reports template conflicts and duplicate objects as diagnostics.
public struct EmitContext: Sendable {
    public private(set) var manifests = ManifestSet()
    public var diagnostics = DiagnosticBag()
    public let templates: TemplateSet

    public init(templates: TemplateSet, clusters: [String]) {
        self.templates = templates
        for cluster in clusters { manifests.addCluster(cluster) }
    }

    /// Adds `manifest` to `cluster`, merged onto the template `template` (e.g. "vllm/deployment")
    /// when one is given and present. The compiler's values win; a scalar the template set
    /// differently is reported as a warning so template authors see it.
    public mutating func add(_ manifest: Manifest, to cluster: String, template: String? = nil) {
        var object = manifest
        if let key = template, templates[key] != nil {
            let (merged, conflicts) = templates.apply(key, to: manifest.value)
            if let map = merged.mapValue, let m = Manifest(object: map) { object = m }
            for conflict in conflicts {
                diagnostics.warning(EmitCodes.templateConflict,
                                    "template `\(key)` sets `\(conflict.path)` for \(manifest.kind) `\(manifest.name)`; the compiler's value wins",
                                    at: nil, notes: [DiagnosticNote("\(conflict)")])
            }
        }
        if let duplicate = manifests.insert(object, into: cluster) {
            diagnostics.error(EmitCodes.duplicateObject, "two emitted objects share the id \(duplicate.id) in cluster `\(cluster)`", at: nil)
        }
    }
}

/// Codes of the emit stage (E5xxx).
public enum EmitCodes {
    public static let templateConflict: DiagnosticCode = "W5001"
    public static let duplicateObject: DiagnosticCode = "E5002"
    public static let templateInvalid: DiagnosticCode = "E5003"
}
