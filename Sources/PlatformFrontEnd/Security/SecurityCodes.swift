import PlatformDiagnostics

/// Stable codes of the security checks (E6xxx / W6xxx), explained in docs/diagnostics.md.
public enum SecurityCodes {
    /// A spec value looks like a credential; the spec must name a Secret instead.
    public static let credentialInSpec: DiagnosticCode = "E6001"
    /// An emitted object carries a value that looks like a credential.
    public static let credentialInManifest: DiagnosticCode = "E6002"
    /// An emitted Secret carries data; secrets are created outside the GitOps tree.
    public static let secretWithData: DiagnosticCode = "E6003"
    /// A pod template runs without `runAsNonRoot` or `readOnlyRootFilesystem` and states no reason.
    public static let unhardenedPod: DiagnosticCode = "W6004"
    /// An MCP server asks for wildcard permissions; they are never granted.
    public static let wildcardPermission: DiagnosticCode = "E6005"

    // The audit of the merged objects (after templates); see `MergedObjectAudit`.
    /// A template changed what grants access: a NetworkPolicy's `spec`, RBAC rules, subjects or roleRef.
    public static let templateChangesCompilerOwnedField: DiagnosticCode = "E6020"
    /// A template sets a Namespace's `pod-security.kubernetes.io/*` label.
    public static let templateChangesPodSecurityLabel: DiagnosticCode = "E6021"
    /// A pod breaks a baseline control of the Pod Security Standards without a spec exception.
    public static let podBreaksBaseline: DiagnosticCode = "E6022"
    /// A pod in a `restricted` namespace breaks a restricted control without a spec exception.
    public static let podBreaksRestricted: DiagnosticCode = "E6023"
    /// A spec exception names no model, training job or agent.
    public static let unknownExceptionWorkload: DiagnosticCode = "E6024"
    /// A spec exception states no reason.
    public static let exceptionWithoutReason: DiagnosticCode = "E6025"
    /// A spec exception allows a control no pod of its workload uses.
    public static let unusedException: DiagnosticCode = "W6026"
}
