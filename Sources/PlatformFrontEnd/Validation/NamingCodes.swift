import PlatformDiagnostics

/// Codes of the naming and reference checks that keep a spec inside its tenancy (E1100–E1109),
/// explained in docs/diagnostics.md.
package enum NamingCodes {
    /// An agent's `allow:` names a tool its MCP server's `tools:` does not declare.
    package static let undeclaredTool: DiagnosticCode = "E1100"
    /// An agent's `allow:` is empty (kagent reads no tool names as no filter: every tool).
    package static let emptyAllowList: DiagnosticCode = "E1101"
    /// A team's namespace is one the platform or Kubernetes reserves.
    package static let reservedNamespace: DiagnosticCode = "E1102"
    /// A cluster name the GitOps engine gives a meaning of its own (`in-cluster`).
    package static let reservedClusterName: DiagnosticCode = "E1103"
    /// A label (or taint) key that is not a Kubernetes qualified name.
    package static let invalidLabelKey: DiagnosticCode = "E1104"
    /// A label (or taint) value that Kubernetes would refuse.
    package static let invalidLabelValue: DiagnosticCode = "E1105"
    /// A spec label under a prefix platformc or Kubernetes owns.
    package static let reservedLabelPrefix: DiagnosticCode = "E1106"
    /// An object name derived from a spec name breaks Kubernetes' rules for that object.
    package static let derivedNameInvalid: DiagnosticCode = "E1107"
    /// Two teams in one namespace: each would get the other's Secrets, quota and policies.
    package static let sharedNamespace: DiagnosticCode = "E1108"
}
