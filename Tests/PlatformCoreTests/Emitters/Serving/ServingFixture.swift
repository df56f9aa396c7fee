import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// The minimal spec (with replacements) compiled to a ManifestSet with the default emitters, and
/// lookups into it by kind and name.
extension Fixture {
    /// The minimal spec with room in the team's quota for the model, its variants and the
    /// training job at once (the placement pass enforces quotas), plus `replacements`.
    static func servingSpec(_ replacements: [(String, String)] = []) -> String {
        spec([("quota: { gpus: 24 }", "quota: { gpus: 64 }")] + replacements)
    }

    static func manifests(_ replacements: [(String, String)] = [],
        sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ManifestSet {
        let output = Compiler().compile(spec: Array(servingSpec(replacements).utf8), file: "platform.yaml")
        let errors = output.diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))", sourceLocation: sourceLocation)
        return output.manifests ?? ManifestSet()
    }

    /// The object of `kind` named `name` (in `namespace` when given) in `cluster`.
    static func object(_ set: ManifestSet, cluster: String = "prod", kind: String, name: String, namespace: String? = nil) -> Manifest? {
        set.manifests(in: cluster).first { $0.kind == kind && $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }
}

extension ManifestValue {
    /// Walks `path`: map keys, or `[n]` list indices, or `[name=x]` for the list item named x.
    func at(_ path: String...) -> ManifestValue? {
        var value: ManifestValue? = self
        for step in path {
            if step.hasPrefix("[name="), step.hasSuffix("]") {
                let name = String(step.dropFirst(6).dropLast())
                value = value?.listValue?.first { $0["name"]?.stringValue == name }
            } else if step.hasPrefix("["), step.hasSuffix("]"), let i = Int(step.dropFirst().dropLast()) {
                value = value?[i]
            } else {
                value = value?[step]
            }
        }
        return value
    }

    /// The strings of a list value.
    var strings: [String] { listValue?.compactMap(\.stringValue) ?? [] }
}
