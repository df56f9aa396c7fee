import PlatformDiagnostics

/// The folder and file names `GitOpsLayout` builds from one object (cluster, namespace, kind,
/// name, group), each checked by `PathSegment`. `EmitStage` runs it on every object before it
/// enters the `ManifestSet`, so a template that sets `metadata.namespace: ../x` stops the compile
/// with a located error instead of writing outside the output folder.
enum ObjectPathCheck {
    struct Finding {
        /// The object's field, as a path into the template (`["metadata", "namespace"]`).
        var field: [String]
        var value: String
        var problem: String
    }

    /// The first unsafe segment of the object `id` names in `cluster` (nil: a fleet folder, named
    /// by the compiler), nil when every one is safe. Reads the id the emit stage already has, so
    /// no field of the object is looked up again.
    static func firstProblem(_ id: ManifestID, cluster: String?) -> Finding? {
        if let cluster, let problem = PathSegment.problem(cluster, as: .cluster) {
            return Finding(field: [], value: cluster, problem: problem)
        }
        if let namespace = id.namespace, let problem = PathSegment.problem(namespace, as: .namespace) {
            return Finding(field: ["metadata", "namespace"], value: namespace, problem: problem)
        }
        let segments: [(field: [String], value: String, role: PathSegment.Role)] = [
            (["kind"], id.kind, .kind),
            (["metadata", "name"], id.name, .name),
            (["apiVersion"], id.group, .group),
        ]
        for segment in segments {
            if let problem = PathSegment.problem(segment.value, as: segment.role) {
                return Finding(field: segment.field, value: segment.value, problem: problem)
            }
        }
        return nil
    }

    /// The finding as an E1073 error, at the template's line when a template set the value.
    /// `place`: where the object goes, as `cluster \`c\`` or `fleet folder \`argocd\``.
    static func diagnostic(_ finding: Finding, manifest: Manifest, place: String, template: String?, templates: TemplateSet) -> Diagnostic {
        let field = finding.field.isEmpty ? "cluster name" : "`\(finding.field.joined(separator: "."))`"
        let origin = template.map { " (template `\($0)`)" } ?? ""
        return Diagnostic(.error, PathCodes.unsafeObjectSegment,
                          "\(manifest.kind.isEmpty ? "an object" : manifest.kind) in \(place)\(origin): \(field) "
                              + "`\(GitOpsPathRule.printable(finding.value))` cannot name a folder or file of the GitOps tree: "
                              + "\(finding.problem)",
                          at: template.flatMap { templates.location(of: finding.field, in: $0) },
                          help: "namespaces are DNS-1123 labels, names DNS-1123 subdomains (lower-case letters, digits, `-`, `.`), kinds "
                              + "letters and digits")
    }
}
