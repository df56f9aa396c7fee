import PlatformDiagnostics

/// Rationale: the GitOps repository is readable by everyone who reviews it, so no emitted object
/// may carry a literal secret. A Secret with `data` or `stringData` is an error (secrets are
/// created out of band and referenced by name); any string shaped like a credential is an error,
/// and so is a high-entropy value under a credential-named key or env var. Messages name the
/// object and the field, never the value.
package enum ManifestSecretAudit {
    package static func run(_ manifests: ManifestSet) -> [Diagnostic] {
        // One cluster (or fleet folder) per core; findings are concatenated in cluster order, as a loop would give them.
        manifests.groups.concurrentMap(audit).flatMap { $0 }
    }

    static func audit(_ cluster: ManifestSet.Cluster) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for manifest in cluster.manifests {
            if manifest.kind == "Secret", manifest.group.isEmpty {
                let keys = ["data", "stringData"].filter { !(manifest.object[$0]?.mapValue?.isEmpty ?? true) }
                if !keys.isEmpty {
                    found.append(Diagnostic(.error, SecurityCodes.secretWithData,
                                            "\(manifest.id) in \(cluster.place) carries `\(keys.joined(separator: "`, `"))`; emitted "
                                                + "Secrets must not hold values",
                                            at: nil,
                                            help: "create the Secret outside the GitOps tree (or with an external secrets operator) and "
                                                + "reference it by name"))
                    continue  // its values are already reported as a whole
                }
            }
            walk(manifest.value, path: { "" }, field: nil) { path, kind in
                found.append(Diagnostic(.error, SecurityCodes.credentialInManifest,
                                        "`\(path)` of \(manifest.id) in \(cluster.place) looks like it holds \(kind)",
                                        at: nil, help: "reference a Secret (`valueFrom.secretKeyRef`) instead of a literal value"))
            }
        }
        return found
    }

    /// A key shown in a reported path; a key shaped like a credential (a template's label key) is
    /// not spelt out.
    private static func segment(_ key: String) -> String {
        CredentialShapes.match(key) == nil ? key : "<redacted>"
    }

    /// `path` is built only when a value is reported: building it for every node of 100,000 objects
    /// was a fifth of a large compile.
    private static func walk(_ value: ManifestValue, path: () -> String, field: String?, report: (String, String) -> Void) {
        switch value {
        case let .string(text):
            if let kind = CredentialShapes.match(text, field: field) { report(path(), kind) }
        case let .map(map):
            for entry in map {
                // An env var (`{name, value}`) is judged by its name, as a map key would be (looked up
                // only beside a `value`: most maps have none).
                let field = entry.key == "value" ? map["name"]?.stringValue ?? entry.key : entry.key
                walk(entry.value, path: { let p = path(), key = segment(entry.key); return p.isEmpty ? key : "\(p).\(key)" }, field: field,
                    report: report)
            }
        case let .list(items):
            for (index, item) in items.enumerated() {
                walk(item, path: { "\(path())[\(index)]" }, field: field, report: report)
            }
        default:
            break
        }
    }
}
