import PlatformDiagnostics

/// A policy rule over the RBAC permissions of MCP servers (`mcpServers[].permissions`), which
/// become the Role or ClusterRole of the account the remote server acts with. Each rule names
/// one privilege-escalation risk of the upstream guidance, "Kubernetes RBAC - privilege
/// escalation risks": https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks
/// A conforming rule only says which (API group, resource, verb) triples it refuses and why;
/// `MCPGrantRule.check` walks the servers, locates each finding at the resource (or verb) in
/// the spec, and reports it once per (cluster, team) the grant is bound for, so per-team
/// overrides in `policy:` apply. A server no agent uses is still reported (without a team): it
/// is granted the moment one does.
package protocol MCPGrantRule: PolicyRule {
    /// Why holding `verb` on `resource` of `group` is an escalation; nil when it is not one.
    func risk(group: String, resource: String, verb: String) -> String?
}

package extension MCPGrantRule {
    func check(_ input: PolicyInput) -> [PolicyViolation] {
        let p = input.platform
        var found: [PolicyViolation] = []
        for server in p.mcpServers where !server.permissions.isEmpty {
            // Only servers with a finding pay for the walk over agents.
            var bindings: [(String?, String?)]?
            for permission in server.permissions {
                for resource in permission.resources {
                    var verbs: [String] = [], reason: String?
                    for verb in permission.verbs {
                        for group in permission.apiGroups {
                            if let why = risk(group: group, resource: resource, verb: verb) {
                                if !verbs.contains(verb) { verbs.append(verb) }
                                reason = reason ?? why
                            }
                        }
                    }
                    guard let reason else { continue }
                    let listed = verbs.map { "`\($0)`" }.joined(separator: ", ")
                    let message = "MCP server `\(server.name)` is granted \(listed) on `\(resource)`: \(reason)"
                    let at = permission.locations.resources[resource] ?? permission.locations.entry ?? server.location
                    let help = "grant only what the server's tools need (for example `get`, `list` on `pods`); "
                        + "to accept the risk for one team, set `\(id): warning` under `policy.overrides` for that team"
                    if bindings == nil { bindings = Self.bindings(of: server, input) }
                    for (cluster, team) in bindings ?? [] {
                        found.append(PolicyViolation(message, at: at, help: help, cluster: cluster, team: team))
                    }
                }
            }
        }
        return found
    }

    /// (cluster, team) pairs whose agents use `server`, as `MCPPermissionsEmitter` binds them;
    /// one pair without either when no agent uses it.
    static func bindings(of server: MCPServer, _ input: PolicyInput) -> [(String?, String?)] {
        var seen = Set<[String]>()
        for agent in input.platform.agents where agent.tools.contains(where: { $0.mcpServer == server.name }) {
            let cluster = input.plan?.cluster(ofAgent: agent) ?? agent.cluster ?? ""
            seen.insert([cluster, agent.team])
        }
        let pairs = seen.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0].isEmpty ? nil : $0[0], Optional($0[1])) }
        return pairs.isEmpty ? [(nil, nil)] : pairs
    }
}

/// Verb sets the rules share. The spec's verb list (`PlatformShape.policyRule`) has no
/// `escalate`, `bind`, `impersonate` or `deletecollection`; rules still name them so they stay
/// right if it grows.
enum RBACVerbs {
    static let read: Set<String> = ["get", "list", "watch"]
    static let write: Set<String> = ["create", "update", "patch", "delete", "deletecollection"]
    static let escalating: Set<String> = ["escalate", "bind", "impersonate"]
}
