import PlatformDiagnostics

/// `mcp-rbac-escalation`: "Escalate verb", "Bind verb", "Impersonate verb" (kubernetes.io RBAC
/// good practices), and writes to Roles, ClusterRoles and their bindings, which hand permissions
/// to any subject. (`escalate`, `bind` and `impersonate` are also outside the spec's verb list,
/// E1013; the rule names them for when that list grows.)
package struct MCPRBACEscalationRule: MCPGrantRule {
    package let id = "mcp-rbac-escalation"
    package init() {}

    static let rbacObjects: Set<String> = ["roles", "rolebindings", "clusterroles", "clusterrolebindings"]

    package func risk(group: String, resource: String, verb: String) -> String? {
        if RBACVerbs.escalating.contains(verb) { return "`\(verb)` bypasses RBAC's own escalation checks" }
        guard group == "rbac.authorization.k8s.io", Self.rbacObjects.contains(resource), RBACVerbs.write.contains(verb) else { return nil }
        return "it hands permissions to any subject, up to `cluster-admin`"
    }
}
