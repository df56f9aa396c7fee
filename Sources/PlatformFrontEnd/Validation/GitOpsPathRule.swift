import PlatformDiagnostics

/// Codes of the containment checks on paths (E1070–E1079), explained in docs/diagnostics.md.
package enum PathCodes {
    /// `gitops.path` is not a relative path of plain segments.
    package static let notPlainPath: DiagnosticCode = "E1070"
    /// `gitops.path` names git metadata.
    package static let gitMetadata: DiagnosticCode = "E1071"
    /// `gitops.path` collides with what platformc writes beside it.
    package static let reservedPath: DiagnosticCode = "E1072"
    /// An emitted object's namespace, name, kind, group or cluster is not a safe path segment.
    package static let unsafeObjectSegment: DiagnosticCode = "E1073"
}

/// `gitops.path` chooses the folder that `compile` writes and prunes and `commit` replaces, so it
/// must stay a relative path of plain segments: it can never leave the output folder or the
/// repository, reach git metadata, or take the place of the engine folder or the lock file.
package struct GitOpsPathRule {
    /// Names platformc writes beside the managed folder (compared case-insensitively: macOS and
    /// Windows check-outs fold case).
    package static let reservedTopLevel = ["argocd", "flux", Conventions.lockFilePath]

    package init() {}

    package func check(_ root: SpecNode, into diagnostics: inout DiagnosticBag) {
        guard let scalar = root["gitops"]?["path"]?.scalar, !scalar.isNull || scalar.quoted else { return }
        let path = scalar.text
        let help = "use a relative folder of plain names, e.g. `clusters` or `fleet/clusters`"
        func report(_ code: DiagnosticCode, _ message: String, help: String = help) {
            diagnostics.error(code, message, at: scalar.location, help: help)
        }
        if path.isEmpty { return report(PathCodes.notPlainPath, "`gitops.path` is empty; platformc would manage the whole repository") }
        if path.hasPrefix("/") {
            return report(PathCodes.notPlainPath, "`gitops.path` is absolute; it must be relative to the repository's root")
        }
        if path.utf8.count > 1024 { return report(PathCodes.notPlainPath, "`gitops.path` is longer than 1024 bytes") }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if let git = segments.first(where: PathSegment.namesGitMetadata) {
            return report(PathCodes.gitMetadata,
                "`gitops.path` names git metadata (`\(git)`); a check-out would write into the repository's own files")
        }
        for segment in segments {
            if let problem = PathSegment.problem(segment, as: .folder) {
                let shown = segment.isEmpty ? "an empty segment" : "segment `\(Self.printable(segment))`"
                return report(PathCodes.notPlainPath, "`gitops.path` is not a relative path of plain segments (\(shown): \(problem))")
            }
        }
        if let first = segments.first, Self.reservedTopLevel.contains(first.lowercased()) {
            report(PathCodes.reservedPath,
                   "`gitops.path` `\(path)` collides with `\(first)`, which platformc writes beside the managed folder",
                   help: "choose another folder, e.g. `clusters`")
        }
    }

    /// The segment with control and non-ASCII bytes escaped, so a message never carries them raw.
    package static func printable(_ text: String) -> String {
        String(text.unicodeScalars.prefix(64)
            .map { $0.value >= 0x20 && $0.value < 0x7f ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined())
    }
}
