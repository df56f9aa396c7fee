import PlatformDiagnostics

/// `mcp-secrets`: "Listing secrets" (kubernetes.io RBAC good practices): `get`, and equally
/// `list` and `watch`, return Secret contents; writes let the holder replace the credentials the
/// namespace's workloads use (provider keys, HF tokens).
package struct MCPSecretsRule: MCPGrantRule {
    package let id = "mcp-secrets"
    package init() {}

    package func risk(group: String, resource: String, verb: String) -> String? {
        guard group == "", resource == "secrets" else { return nil }
        return "Secrets hold the namespace's credentials: reads reveal them, writes replace them"
    }
}
