import PlatformDiagnostics

/// Stable codes of the security checks (E6xxx / W6xxx), explained in docs/diagnostics.md.
package enum SecurityCodes {
    /// A spec value looks like a credential; the spec must name a Secret instead.
    package static let credentialInSpec: DiagnosticCode = "E6001"
    /// An emitted object carries a value that looks like a credential.
    package static let credentialInManifest: DiagnosticCode = "E6002"
    /// An emitted Secret carries data; secrets are created outside the GitOps tree.
    package static let secretWithData: DiagnosticCode = "E6003"
    /// A pod template runs without `runAsNonRoot` or `readOnlyRootFilesystem` and states no reason.
    package static let unhardenedPod: DiagnosticCode = "W6004"
    /// An MCP server asks for wildcard permissions; they are never granted.
    package static let wildcardPermission: DiagnosticCode = "E6005"

    // The audit of the merged objects (after templates); see `MergedObjectAudit`.
    /// A template changed what grants access: a NetworkPolicy's `spec`, RBAC rules, subjects or roleRef.
    package static let templateChangesCompilerOwnedField: DiagnosticCode = "E6020"
    /// A template sets a Namespace's `pod-security.kubernetes.io/*` label.
    package static let templateChangesPodSecurityLabel: DiagnosticCode = "E6021"
    /// A pod breaks a baseline control of the Pod Security Standards without a spec exception.
    package static let podBreaksBaseline: DiagnosticCode = "E6022"
    /// A pod in a `restricted` namespace breaks a restricted control without a spec exception.
    package static let podBreaksRestricted: DiagnosticCode = "E6023"
    /// A spec exception names no model, training job or agent.
    package static let unknownExceptionWorkload: DiagnosticCode = "E6024"
    /// A spec exception states no reason.
    package static let exceptionWithoutReason: DiagnosticCode = "E6025"
    /// A spec exception allows a control no pod of its workload uses.
    package static let unusedException: DiagnosticCode = "W6026"
}
