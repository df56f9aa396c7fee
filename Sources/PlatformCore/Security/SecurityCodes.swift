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
}
