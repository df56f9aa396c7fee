import PlatformDiagnostics

/// Names a spec may not give a team namespace or a cluster, each with the reason. A team
/// namespace gets the team's quota, NetworkPolicies and Pod Security level, and its workloads
/// are admitted where the platform admits that namespace: a team in `monitoring` or
/// `kgateway-system` would be let into every model, one in `kube-system` would relabel the
/// cluster's own. The platform's namespaces come from `Conventions` and `FleetEmitter`, so the
/// table follows them.
package enum ReservedNames {
    package struct Entry: Sendable {
        package var name: String
        package var reason: String
    }

    package static let namespaces: [Entry] = [
        Entry(name: "default", reason: "Kubernetes puts objects without a namespace there, and the API server's `kubernetes` Service"),
        Entry(name: Conventions.dnsNamespace, reason: "Kubernetes' own components; every team's `allow-dns` policy admits its DNS pods"),
        Entry(name: "kube-public", reason: "Kubernetes makes it readable by everyone, unauthenticated users included"),
        Entry(name: "kube-node-lease", reason: "Kubernetes keeps the nodes' heartbeat Leases there"),
        Entry(name: Conventions.systemNamespace, reason: "platformc's shared services: the Gateway, and LiteLLM with every provider's key"),
        Entry(name: Conventions.gatewayControllerNamespace, reason: "kgateway's controller (its proxies run in each Gateway's namespace)"),
        Entry(name: Conventions.monitoringNamespace, reason: "Prometheus, admitted to every model"),
        Entry(name: Conventions.kedaNamespace, reason: "KEDA, which scales every model"),
        Entry(name: Conventions.kagentNamespace, reason: "kagent's controller, admitted to every agent"),
        Entry(name: Conventions.gpuOperatorNamespace, reason: "the NVIDIA GPU Operator, privileged on every GPU node"),
        Entry(name: FleetEmitter.argoNamespace, reason: "Argo CD, which applies the whole tree with cluster-wide rights"),
        Entry(name: FleetEmitter.fluxNamespace, reason: "Flux, which applies the whole tree with cluster-wide rights"),
        // FleetEmitter names each namespace's Flux Kustomization `platform-<namespace>`, and the
        // cluster-scoped folder's `platform-cluster-scoped`.
        Entry(name: "cluster-scoped", reason: "with Flux, its Kustomization would be the one of the cluster-scoped objects"),
    ]
    /// Kubernetes reserves the `kube-` prefix for its system namespaces.
    package static let namespacePrefix = Entry(name: "kube-", reason: "Kubernetes reserves the prefix for its system namespaces")

    package static let clusterNames: [Entry] = [
        Entry(name: "in-cluster", reason: "Argo CD's name for the cluster it runs in: the ApplicationSet would apply this folder there"),
    ]

    /// Why `namespace` is reserved; nil when a team may use it.
    package static func reason(forNamespace namespace: String) -> String? {
        if let entry = namespaces.first(where: { $0.name == namespace }) { return entry.reason }
        return namespace.hasPrefix(namespacePrefix.name) ? namespacePrefix.reason : nil
    }

}

/// E1102 and E1103 at the name that chose the namespace or the cluster; E1108 when a second team
/// chooses a namespace another team already has (it would share the first team's Secrets, quota
/// and NetworkPolicies; left alone, emission finds duplicate objects, E5002, without a location).
package struct ReservedNameCheck {
    package init() {}

    package func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        var owners: [String: Team] = [:]
        for team in p.teams {
            if let first = owners[team.namespace], first.name != team.name {
                diagnostics
                    .error(NamingCodes.sharedNamespace,
                        "team `\(team.name)` would share namespace `\(team.namespace)` with team `\(first.name)`",
                                  at: team.locations[.namespace] ?? team.location,
                                  notes: [DiagnosticNote("team `\(first.name)` has it", at: first.locations[.namespace] ?? first.location)],
                                  help: "a namespace is a tenant: give each team its own")
            } else if owners[team.namespace] == nil {
                owners[team.namespace] = team
            }
            guard let reason = ReservedNames.reason(forNamespace: team.namespace) else { continue }
            let explicit = team.locations[.namespace]
            let source = explicit == nil ? " (from its name)" : ""
            diagnostics.error(NamingCodes.reservedNamespace,
                              "namespace `\(team.namespace)` of team `\(team.name)`\(source) is reserved: \(reason)",
                              at: explicit ?? team.location,
                              help: explicit == nil ? "rename the team, or give it a `namespace:` of its own"
                                  : "give the team a namespace of its own")
        }
        for cluster in p.clusters {
            guard let entry = ReservedNames.clusterNames.first(where: { $0.name == cluster.name }) else { continue }
            diagnostics.error(NamingCodes.reservedClusterName, "cluster name `\(cluster.name)` is reserved: \(entry.reason)",
                              at: cluster.location, help: "name the cluster as Argo CD knows it, e.g. after its region")
        }
    }
}
