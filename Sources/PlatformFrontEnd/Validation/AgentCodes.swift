import PlatformDiagnostics

/// Codes of what kagent needs from an agent and what an MCP server's identity must be (E7550–W7599).
package enum AgentCodes {
    /// An agent reaches `provider/model` through LiteLLM, which checks keys, and names no `apiKeySecret`.
    package static let noModelKey: DiagnosticCode = "E7550"
    /// An MCP server has `permissions` but no `serviceAccount` to bind them to.
    package static let noServerIdentity: DiagnosticCode = "E7551"
    /// An in-cluster MCP server's URL names another namespace than its `serviceAccount`.
    package static let identityNamespaceMismatch: DiagnosticCode = "W7552"
}
