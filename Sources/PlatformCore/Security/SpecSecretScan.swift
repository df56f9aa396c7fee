import PlatformDiagnostics

/// Rationale: the spec is committed to git and printed in reviews, so it names Secrets and never
/// holds a key. Walks every scalar of the spec, mapping keys included (a label key is as public as
/// its value), and reports each one shaped like a credential at its location. Messages name the
/// field and the kind of credential, never the value, and are marked so renderers show no source
/// line under them. Every credential found is also recorded in the bag's redaction, so no other
/// diagnostic (an invalid name, an unknown key) can print it either.
package struct SpecSecretScan {
    package init() {}

    package func check(_ root: SpecNode, into diagnostics: inout DiagnosticBag) {
        walk(root, path: "", field: nil, into: &diagnostics)
    }

    private func walk(_ node: SpecNode, path: String, field: String?, into diagnostics: inout DiagnosticBag) {
        switch node {
        case let .scalar(scalar):
            guard !scalar.isNull, let kind = CredentialShapes.match(scalar.text, field: field) else { return }
            report(scalar, "`\(path)` looks like it holds \(kind)", into: &diagnostics)
        case let .mapping(pairs, _):
            for pair in pairs {
                let key = pair.key.text
                var segment = key
                if let kind = CredentialShapes.match(key) {
                    report(pair.key, "a key in `\(path.isEmpty ? "the platform" : path)` looks like it holds \(kind)", into: &diagnostics)
                    segment = DiagnosticRedaction.placeholder
                }
                walk(pair.value, path: path.isEmpty ? segment : "\(path).\(segment)", field: key, into: &diagnostics)
            }
        case let .sequence(items, _):
            for (index, item) in items.enumerated() {
                // Named items read better than indexes: `models[llama-3-70b].source`; a name that is
                // itself a credential is reported at the name and not repeated in paths.
                let name = item["name"]?.scalar.map(\.text)
                let label = name.flatMap { CredentialShapes.match($0, field: "name") == nil ? $0 : nil } ?? String(index)
                walk(item, path: "\(path)[\(label)]", field: field, into: &diagnostics)
            }
        }
    }

    private func report(_ scalar: SpecScalar, _ problem: String, into diagnostics: inout DiagnosticBag) {
        diagnostics.redaction.hide(scalar.text, at: scalar.location)
        var diagnostic = Diagnostic(.error, SecurityCodes.credentialInSpec,
                                    "\(problem); the spec must name a Secret, never hold a credential",
                                    at: scalar.location,
                                    help: "store the value in a Kubernetes Secret, reference the Secret by name (e.g. `apiKeySecret`), and "
                                        + "rotate the exposed credential")
        diagnostic.redactsSource = true
        diagnostics.report(diagnostic)
    }
}
