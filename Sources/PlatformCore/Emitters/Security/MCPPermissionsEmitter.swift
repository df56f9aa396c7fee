import PlatformDiagnostics

/// Least privilege for agents' cluster-acting tools. MCP servers are remote (a URL), so their
/// permissions are bound to a ServiceAccount named `mcp-<server>` in the namespace of each team
/// whose agents use the server, in the agent's cluster; the server acts with a token of that account
/// (minted with the TokenRequest API, so the account never mounts one: `automountServiceAccountToken: false`).
/// Namespaced resources get a Role in the team's namespace only; cluster-scoped ones (nodes, …)
/// a ClusterRole with exactly those rules. Wildcards are refused, so nothing approaches cluster-admin.
public struct MCPPermissionsEmitter: Emitter {
    public init() {}

    /// Resources Kubernetes and the platform's add-ons define without a namespace.
    static let clusterScoped: Set<String> = [
        "nodes", "namespaces", "persistentvolumes", "storageclasses", "clusterroles", "clusterrolebindings",
        "customresourcedefinitions", "priorityclasses", "runtimeclasses", "ingressclasses", "csidrivers", "csinodes",
        "volumeattachments", "mutatingwebhookconfigurations", "validatingwebhookconfigurations", "apiservices",
        "certificatesigningrequests", "deviceclasses", "resourceslices", "nodepools", "nodeclaims", "gatewayclasses",
        "clusterqueues", "resourceflavors",
    ]

    public func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        for server in p.mcpServers where !server.permissions.isEmpty {
            let (namespaced, clusterWide) = split(server, into: &context.diagnostics)
            // (cluster, namespace) pairs of the teams whose agents use this server, without repeats.
            var bindings = Set<[String]>()
            for agent in p.agents where agent.tools.contains(where: { $0.mcpServer == server.name }) {
                guard let cluster = plan.cluster(ofAgent: agent) else { continue }
                bindings.insert([cluster, p.team(agent.team)?.namespace ?? agent.team, agent.team])
            }
            for binding in bindings.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let (cluster, ns, team) = (binding[0], binding[1], binding[2])
                let labels = PlatformLabels.common(p, team: team)
                let account = Conventions.mcpServiceAccountName(server.name)
                let subject: ManifestValue = ["kind": "ServiceAccount", "name": .string(account), "namespace": .string(ns)]
                context.add(Manifest(apiVersion: "v1", kind: "ServiceAccount", name: account, namespace: ns, labels: labels,
                                     body: ["automountServiceAccountToken": false]), to: cluster, template: "security/serviceaccount")
                if !namespaced.isEmpty {
                    context.add(Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", name: account, namespace: ns,
                                         labels: labels, body: ["rules": .list(namespaced.map(Self.value))]), to: cluster)
                    context.add(Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", name: account, namespace: ns, labels: labels,
                                         body: ["roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": .string(account)],
                                                "subjects": [subject]]), to: cluster)
                }
                if !clusterWide.isEmpty {
                    let name = "platformc-\(account)-\(ns)"
                    context.add(Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", name: name, labels: labels,
                                         body: ["rules": .list(clusterWide.map(Self.value))]), to: cluster)
                    context.add(Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", name: name, labels: labels,
                                         body: ["roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(name)],
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
                                  "MCP server `\(server.name)` asks for a wildcard permission; platformc grants only named resources and verbs",
                                  at: server.location, help: "list the API groups, resources and verbs its tools need")
                continue
            }
            let base = { (r: String) in String(r.prefix { $0 != "/" }) }
            let wide = rule.resources.filter { Self.clusterScoped.contains(base($0)) }
            let local = rule.resources.filter { !Self.clusterScoped.contains(base($0)) }
            if !local.isEmpty { namespaced.append(RBACRule(apiGroups: rule.apiGroups.sorted(), resources: local.sorted(), verbs: rule.verbs.sorted())) }
            if !wide.isEmpty { clusterWide.append(RBACRule(apiGroups: rule.apiGroups.sorted(), resources: wide.sorted(), verbs: rule.verbs.sorted())) }
        }
        let order = { (a: RBACRule, b: RBACRule) in (a.apiGroups + a.resources + a.verbs).lexicographicallyPrecedes(b.apiGroups + b.resources + b.verbs) }
        return (namespaced.sorted(by: order), clusterWide.sorted(by: order))
    }

    static func value(_ rule: RBACRule) -> ManifestValue {
        ["apiGroups": .list(rule.apiGroups.map { .string($0) }), "resources": .list(rule.resources.map { .string($0) }),
         "verbs": .list(rule.verbs.map { .string($0) })]
    }
}
