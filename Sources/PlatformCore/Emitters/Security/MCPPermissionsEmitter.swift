import PlatformDiagnostics

/// Least privilege for agents' cluster-acting tools, bound to the identity the MCP server really
/// runs as. A pod can use only a ServiceAccount of its own namespace, so an account in the agent's
/// namespace is one the server (at `k8s-mcp.tools`, say) can never run as; the spec names the
/// server's own (`serviceAccount: { namespace, name }`, required with `permissions`: E7551) and
/// the server's deployment creates it. In each cluster where agents use the server: a Role in
/// each of those agents' team namespaces for namespaced resources (the server reads only the
/// tenants whose agents call it), and one ClusterRole for cluster-scoped ones (nodes, …), each
/// bound to that account across namespaces. Wildcards are refused, so nothing approaches cluster-admin.
package struct MCPPermissionsEmitter: Emitter {
    package init() {}

    /// Resources Kubernetes and the platform's add-ons define without a namespace.
    static let clusterScoped: Set<String> = [
        "nodes", "namespaces", "persistentvolumes", "storageclasses", "clusterroles", "clusterrolebindings",
        "customresourcedefinitions", "priorityclasses", "runtimeclasses", "ingressclasses", "csidrivers", "csinodes",
        "volumeattachments", "mutatingwebhookconfigurations", "validatingwebhookconfigurations", "apiservices",
        "certificatesigningrequests", "deviceclasses", "resourceslices", "nodepools", "nodeclaims", "gatewayclasses",
        "clusterqueues", "resourceflavors",
    ]

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        for server in p.mcpServers where !server.permissions.isEmpty {
            let (namespaced, clusterWide) = split(server, into: &context.diagnostics)
            guard let identity = server.identity else { continue }  // E7551 already
            // Team namespaces per cluster whose agents use this server, without repeats.
            var namespaces: [String: Set<[String]>] = [:]
            for agent in p.agents where agent.tools.contains(where: { $0.mcpServer == server.name }) {
                guard let cluster = plan.cluster(ofAgent: agent) else { continue }
                namespaces[cluster, default: []].insert([p.team(agent.team)?.namespace ?? agent.team, agent.team])
            }
            let account = Conventions.mcpRoleName(server.name)
            let subject: ManifestValue = ["kind": "ServiceAccount", "name": .string(identity.name),
                "namespace": .string(identity.namespace)]
            for cluster in namespaces.keys.sorted() {
                for entry in (namespaces[cluster] ?? []).sorted(by: { $0.lexicographicallyPrecedes($1) }) where !namespaced.isEmpty {
                    let (ns, team) = (entry[0], entry[1])
                    let labels = PlatformLabels.common(p, team: team)
                    context.add(Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", name: account, namespace: ns,
                                         labels: labels, body: ["rules": .list(namespaced.map(Self.value))]), to: cluster)
                    context
                        .add(Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", name: account, namespace: ns,
                            labels: labels,
                                         body: ["roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                                             "name": .string(account)],
                                                "subjects": [subject]]), to: cluster)
                }
                if !clusterWide.isEmpty {
                    let name = "platformc-\(account)"
                    let labels = PlatformLabels.common(p)
                    context.add(Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", name: name, labels: labels,
                                         body: ["rules": .list(clusterWide.map(Self.value))]), to: cluster)
                    context.add(Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", name: name, labels: labels,
                                         body: ["roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                                             "name": .string(name)],
                                                "subjects": [subject]]), to: cluster)
                }
            }
        }
    }

    /// The server's rules split by scope, each rule's lists sorted and the rules sorted; wildcard
    /// rules are reported and dropped.
    func split(_ server: MCPServer, into diagnostics: inout DiagnosticBag) -> (namespaced: [RBACRule], clusterWide: [RBACRule]) {
        var namespaced: [RBACRule] = [], clusterWide: [RBACRule] = []
        for rule in server.permissions {
            if (rule.apiGroups + rule.resources + rule.verbs).contains(where: { $0.contains("*") }) {
                diagnostics.error(SecurityCodes.wildcardPermission,
                                  "MCP server `\(server.name)` asks for a wildcard permission; platformc grants only named resources and "
                                      + "verbs",
                                  at: server.location, help: "list the API groups, resources and verbs its tools need")
                continue
            }
            let base = { (r: String) in String(r.prefix { $0 != "/" }) }
            let wide = rule.resources.filter { Self.clusterScoped.contains(base($0)) }
            let local = rule.resources.filter { !Self.clusterScoped.contains(base($0)) }
            if !local.isEmpty {
                namespaced.append(RBACRule(apiGroups: rule.apiGroups.sorted(), resources: local.sorted(), verbs: rule.verbs.sorted()))
            }
            if !wide.isEmpty {
                clusterWide.append(RBACRule(apiGroups: rule.apiGroups.sorted(), resources: wide.sorted(), verbs: rule.verbs.sorted()))
            }
        }
        let order = { (a: RBACRule, b: RBACRule) in (a.apiGroups + a.resources + a.verbs)
            .lexicographicallyPrecedes(b.apiGroups + b.resources + b.verbs) }
        return (namespaced.sorted(by: order), clusterWide.sorted(by: order))
    }

    static func value(_ rule: RBACRule) -> ManifestValue {
        ["apiGroups": .list(rule.apiGroups.map { .string($0) }), "resources": .list(rule.resources.map { .string($0) }),
         "verbs": .list(rule.verbs.map { .string($0) })]
    }
}
