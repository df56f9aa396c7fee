import PlatformDiagnostics

/// `mcp-node-proxy`: "Access to proxy subresource of Nodes" (kubernetes.io RBAC good practices):
/// `nodes/proxy` is the kubelet API, which runs commands in every pod of the node, bypassing
/// audit logging and admission; even `get` is not read-only (websocket upgrades need only `get`).
/// Writes to `nodes` relabel or taint nodes and so steer other tenants' workloads.
package struct MCPNodeProxyRule: MCPGrantRule {
    package let id = "mcp-node-proxy"
    package init() {}

    package func risk(group: String, resource: String, verb: String) -> String? {
        guard group == "" else { return nil }
        if resource == "nodes/proxy" { return "the kubelet API runs commands in every pod of the node, unaudited" }
        if resource == "nodes" || resource == "nodes/status", RBACVerbs.write.contains(verb) {
            return "node labels and taints decide where every tenant's pods run"
        }
        return nil
    }
}
