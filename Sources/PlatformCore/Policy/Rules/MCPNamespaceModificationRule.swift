import PlatformDiagnostics

/// `mcp-namespace-modification`: "Namespace modification" (kubernetes.io RBAC good practices):
/// a namespace's labels set its Pod Security level and which NetworkPolicies admit it; deleting
/// one deletes a tenant.
package struct MCPNamespaceModificationRule: MCPGrantRule {
    package let id = "mcp-namespace-modification"
    package init() {}

    package func risk(group: String, resource: String, verb: String) -> String? {
        guard group == "", ["namespaces", "namespaces/status", "namespaces/finalize"].contains(resource),
              RBACVerbs.write.contains(verb) else { return nil }
        return "a namespace's labels set its Pod Security level and the NetworkPolicies that admit it; deleting one deletes a tenant"
    }
}
