import PlatformDiagnostics

/// `mcp-token-request`: "Token request" (kubernetes.io RBAC good practices): `create` on
/// `serviceaccounts/token` issues tokens for every ServiceAccount of the namespace.
package struct MCPTokenRequestRule: MCPGrantRule {
    package let id = "mcp-token-request"
    package init() {}

    package func risk(group: String, resource: String, verb: String) -> String? {
        guard group == "", resource == "serviceaccounts/token", verb == "create" else { return nil }
        return "it issues tokens for every ServiceAccount of the namespace"
    }
}
