/// Tenant isolation: in every team namespace of every cluster, a default deny for ingress and
/// egress, DNS egress, and one NetworkPolicy per workload that opens exactly the flows the
/// platform needs (`TrafficDerivation`, read from the emitted objects), selecting the labels the
/// pods really carry (`DerivedPods`: what kgateway, kagent, Trainer, LWS and Deployments put on
/// them), never the labels of the objects we emit. A peer is the pods of the flow's other end
/// (their namespace and common labels), the cluster DNS, the internet (weights, providers) or,
/// for the API server, any address. Runs after the other emitters: it needs their pods
/// (see `docs/security.md`).
package struct NetworkPolicyEmitter: Sendable {
    package init() {}

    /// Labels every emitted object carries, which say nothing about which workload a pod is.
    static let nonIdentifying: Set<String> = [PlatformLabels.managedBy, PlatformLabels.partOf, "platformc.dev/team"]

    package func emit(_ plan: PlannedPlatform, traffic: [TrafficGraph], into context: inout EmitContext) {
        let p = plan.platform
        let graphs = Self.graphs(traffic)
        for cluster in p.clusters { emit(plan, cluster: cluster, graph: graphs[cluster.name], into: &context) }
    }

    /// Each cluster's traffic graph by cluster name (the first, should one repeat).
    static func graphs(_ traffic: [TrafficGraph]) -> [String: TrafficGraph] {
        Dictionary(traffic.map { ($0.cluster, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// One cluster's policies: what `emit(_:traffic:into:)` adds for it, in the same order, so
    /// clusters emitted into contexts of their own and merged in cluster order give the same set.
    func emit(_ plan: PlannedPlatform, cluster: Cluster, graph: TrafficGraph?, into context: inout EmitContext) {
        let p = plan.platform
        let units = graph.map(Self.units) ?? [:]
        for team in p.teams {
            let ns = team.namespace
            let labels = PlatformLabels.common(p, team: team.name)
            func add(_ name: String, _ selector: ManifestMap, ingress: [NetworkRule]?, egress: [NetworkRule]?) {
                context
                    .add(Self.policy(name: name, namespace: ns, labels: labels, selector: selector, ingress: ingress, egress: egress),
                            to: cluster.name, template: "security/networkpolicy")
            }
            add("default-deny", [:], ingress: [], egress: [])
            add("allow-dns", [:], ingress: nil, egress: [NetworkRule([Self.peer(.clusterDNS, graph: graph)], ports: ClusterDNS.ports)])
            guard let graph else { continue }
            for unit in (units[ns] ?? []).sorted(by: { $0.name < $1.name }) {
                var ingress: [NetworkRule] = [], egress: [NetworkRule] = []
                for flow in unit.inbound {
                    ingress.append(NetworkRule([Self.peer(flow.source, graph: graph)], ports: flow.port.map { [$0] }))
                }
                for flow in unit.outbound where flow.destination != .clusterDNS {
                    var ports = flow.port.map { [$0] }
                    // The API server is 443 behind the `kubernetes` Service, 6443 on kubeadm's control plane
                    // once the Service address is translated (policies see the translated address).
                    if flow.destination == .apiServer, flow.port == NetworkPort(443) { ports = [NetworkPort(443), NetworkPort(6443)] }
                    egress.append(NetworkRule([Self.peer(flow.destination, graph: graph)], ports: ports))
                }
                add(unit.name, Self.selector(unit.pods), ingress: ingress, egress: egress)
            }
        }
    }

    /// The pods one policy selects (a model's servers, leaders and workers together) and the flows
    /// into and out of them.
    struct Unit {
        var name: String
        var pods: [DerivedPod] = []
        var inbound: [Flow] = []
        var outbound: [Flow] = []
    }

    static func unitName(_ group: PodGroup) -> String {
        switch group.role {
        case .modelServer, .modelLeader, .modelWorker: return "model-\(group.workload)"
        case .endpointPicker: return "endpoint-picker-\(group.workload)"
        case .agent: return "agent-\(group.workload)"
        case .trainingNode: return "training-\(group.workload)"
        case .mcpServer: return "mcp-server-\(group.workload)"
        default: return "\(group.role.rawValue.lowercased())-\(group.workload)"
        }
    }

    /// Units of the tenant namespaces, by namespace.
    static func units(_ graph: TrafficGraph) -> [String: [Unit]] {
        var byName: [String: Unit] = [:]
        var namespaces: [String: String] = [:]
        for (group, pods) in graph.groups where graph.tenants.contains(group.namespace) {
            let key = group.namespace + "/" + unitName(group)
            byName[key, default: Unit(name: unitName(group))].pods += pods
            namespaces[key] = group.namespace
        }
        for flow in graph.flows {
            if let group = flow.destination.group, graph.tenants.contains(group.namespace) {
                byName[group.namespace + "/" + unitName(group)]?.inbound.append(flow)
            }
            if let group = flow.source.group, graph.tenants.contains(group.namespace) {
                byName[group.namespace + "/" + unitName(group)]?.outbound.append(flow)
            }
        }
        var out: [String: [Unit]] = [:]
        for (key, unit) in byName { out[namespaces[key] ?? "", default: []].append(unit) }
        return out
    }

    /// The labels every pod carries, without those every platform object carries.
    static func selectorLabels(_ pods: [DerivedPod]) -> [String: String] {
        let common = TrafficGraph.common(pods)
        let identifying = common.filter { !nonIdentifying.contains($0.key) }
        return identifying.isEmpty ? common : identifying
    }

    static func selector(_ pods: [DerivedPod]) -> ManifestMap {
        var map = ManifestMap()
        for (key, value) in selectorLabels(pods) { map[key] = .string(value) }
        return map
    }

    static func peer(_ endpoint: Flow.Endpoint, graph: TrafficGraph?) -> NetworkPeer {
        switch endpoint {
        case let .pods(group): return .pods(namespace: group.namespace, labels: selector(graph?.groups[group] ?? []))
        case let .namespace(ns): return .pods(namespace: ns, labels: [:])
        case .clusterDNS:
            var labels = ManifestMap()
            for (key, value) in ClusterDNS.labels { labels[key] = .string(value) }
            return .pods(namespace: ClusterDNS.namespace, labels: labels)
        case .internet, .clients: return .internet
        case .apiServer: return .anywhere
        }
    }

    /// A NetworkPolicy; nil `ingress`/`egress` leaves that direction out of `policyTypes`.
    static func policy(name: String, namespace: String, labels: ManifestMap, selector: ManifestMap,
                       ingress: [NetworkRule]?, egress: [NetworkRule]?) -> Manifest {
        var spec: ManifestMap = ["podSelector": ["matchLabels": .map(selector)]]
        if selector.isEmpty { spec["podSelector"] = .emptyMap }
        var types: [ManifestValue] = []
        if let ingress {
            types.append("Ingress")
            if !ingress.isEmpty { spec["ingress"] = .list(merged(ingress).map { $0.value(direction: "from", from: namespace) }) }
        }
        if let egress {
            types.append("Egress")
            if !egress.isEmpty { spec["egress"] = .list(merged(egress).map { $0.value(direction: "to", from: namespace) }) }
        }
        spec["policyTypes"] = .list(types)
        return Manifest(apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", name: name, namespace: namespace,
                        labels: labels, body: ["spec": .map(spec)])
    }

    /// Rules on the same ports become one rule with all their peers; sorted for stable output.
    static func merged(_ rules: [NetworkRule]) -> [NetworkRule] {
        var byPorts: [String: NetworkRule] = [:]
        for rule in rules {
            let key = rule.ports.map { Set($0).sorted().map { "\($0.port)/\($0.proto)" }.joined(separator: ",") } ?? "*"
            if var existing = byPorts[key] { existing.peers += rule.peers; byPorts[key] = existing } else { byPorts[key] = rule }
        }
        return byPorts.values.map { (key: $0.sortKey, rule: $0) }.sorted { $0.key < $1.key }.map(\.rule)
    }
}
