import PlatformDiagnostics

/// Rationale: the spec is committed to git and printed in reviews, so it names Secrets and never
/// holds a key. Walks every scalar of the spec and reports each one shaped like a credential at its
/// location. Messages name the field and the kind of credential, never the value, and are marked
/// so renderers show no source line under them.
public struct SpecSecretScan {
    public init() {}

    public func check(_ root: SpecNode, into diagnostics: inout DiagnosticBag) {
        walk(root, path: "", field: nil, into: &diagnostics)
    }

    private func walk(_ node: SpecNode, path: String, field: String?, into diagnostics: inout DiagnosticBag) {
        switch node {
        case let .scalar(scalar):
            guard !scalar.isNull, let kind = CredentialShapes.match(scalar.text, field: field) else { return }
            var diagnostic = Diagnostic(.error, SecurityCodes.credentialInSpec,
                                        "`\(path)` looks like it holds \(kind); the spec must name a Secret, never hold a credential",
                                        at: scalar.location,
                                        help: "store the value in a Kubernetes Secret, reference the Secret by name (e.g. `apiKeySecret`), and rotate the exposed credential")
            diagnostic.redactsSource = true
            diagnostics.report(diagnostic)
        case let .mapping(pairs, _):
            for pair in pairs {
                walk(pair.value, path: path.isEmpty ? pair.key.text : "\(path).\(pair.key.text)", field: pair.key.text, into: &diagnostics)
            }
        case let .sequence(items, _):
            for (index, item) in items.enumerated() {
                // Named items read better than indexes: `models[llama-3-70b].source`.
                let label = item["name"]?.scalar.map(\.text) ?? String(index)
                walk(item, path: "\(path)[\(label)]", field: field, into: &diagnostics)
            }
        }
    }
}
