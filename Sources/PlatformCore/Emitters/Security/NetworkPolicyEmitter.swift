/// Tenant isolation: in every team namespace of every cluster, a default deny for ingress and
/// egress, DNS egress, and one NetworkPolicy per workload that opens exactly what the platform
/// needs (see `docs/security.md`):
/// - model servers (`Conventions.modelSelector`, port 8000) from the gateway proxies
///   (`kgateway-system`), the LiteLLM proxy, Prometheus (`monitoring`), the namespace's endpoint
///   pickers (prefix-cache-aware models) and the agents declared to use the model; egress to the
///   internet on 443 for weights; multi-node replicas reach each other on every port;
/// - endpoint pickers from the gateway proxies on 9002; egress to their models and to the API server;
/// - agents from kagent; egress to their model (directly, or LiteLLM for `provider/model`) and MCP servers;
/// - training pods of one job to each other on every port (NCCL), nothing else.
public struct NetworkPolicyEmitter: Emitter {
    public init() {}

    static let modelPort = [NetworkPort(Conventions.modelServerPort)]
    static let gatewayProxies = NetworkPeer.pods(namespace: Conventions.gatewayControllerNamespace, labels: [:])
    static let liteLLM = NetworkPeer.pods(namespace: Conventions.systemNamespace,
                                          labels: [PlatformLabels.component: .string(Conventions.Component.liteLLM)])
    static let prometheus = NetworkPeer.pods(namespace: Conventions.monitoringNamespace, labels: [:])

    public func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        let placements = Placements(plan)
        for cluster in p.clusters {
            for team in p.teams {
                let ns = team.namespace
                let labels = PlatformLabels.common(p, team: team.name)
                func add(_ name: String, _ selector: ManifestMap, ingress: [NetworkRule]?, egress: [NetworkRule]?) {
                    context.add(Self.policy(name: name, namespace: ns, labels: labels, selector: selector, ingress: ingress, egress: egress),
                                to: cluster.name, template: "security/networkpolicy")
                }
                add("default-deny", [:], ingress: [], egress: [])
                add("allow-dns", [:], ingress: nil, egress: [NetworkRule(
                    [.pods(namespace: Conventions.dnsNamespace, labels: ["k8s-app": "kube-dns"])],
                    ports: [NetworkPort(Conventions.dnsPort, "UDP"), NetworkPort(Conventions.dnsPort, "TCP")])])

                let models = placements.models(ofTeam: team.name).filter { placements.servingClusters(ofModel: $0.name).contains(cluster.name) }
                for model in models {
                    let (ingress, egress) = modelRules(model, plan: plan, cluster: cluster.name, placements: placements)
                    add("model-\(model.name)", Conventions.modelSelector(model.name), ingress: ingress, egress: egress)
                }
                let picked = models.filter(\.prefixCacheAware)
                if !picked.isEmpty {
                    add("endpoint-picker", [PlatformLabels.component: .string(Conventions.Component.endpointPicker)],
                        ingress: [NetworkRule([Self.gatewayProxies], ports: [NetworkPort(Conventions.endpointPickerPort)])],
                        egress: [NetworkRule(picked.map { .pods(namespace: ns, labels: Conventions.modelSelector($0.name)) }, ports: Self.modelPort),
                                 // The API server's address is not known when compiling; the picker watches pods and pools.
                                 NetworkRule([.anywhere], ports: [NetworkPort(443), NetworkPort(6443)])])
                }
                for agent in placements.agents(ofTeam: team.name, in: cluster.name) {
                    add("agent-\(agent.name)", Conventions.agentSelector(agent.name),
                        ingress: [NetworkRule([.pods(namespace: Conventions.kagentNamespace, labels: [:])], ports: nil)],
                        egress: agentEgress(agent, platform: p))
                }
                for job in p.training where job.team == team.name && plan.cluster(ofJob: job) == cluster.name {
                    let peers = NetworkRule([.pods(namespace: ns, labels: Conventions.trainingSelector(job.name))], ports: nil)
                    add("training-\(job.name)", Conventions.trainingSelector(job.name), ingress: [peers], egress: [peers])
                }
            }
        }
    }

    /// Where the models and agents run, worked out once: asking per cluster and team (each
    /// question a scan of every model) made this the slowest emitter of a 30,000-object platform.
    /// Every list keeps the spec's order, as the filters it replaces did.
    struct Placements {
        private var modelsByTeam: [String: [Model]] = [:]
        private var serving: [String: [String]] = [:]
        /// Agents with the cluster each runs in, by team and by model.
        private var agentsByTeam: [String: [(agent: Agent, cluster: String?)]] = [:]
        private var agentsByModel: [String: [(agent: Agent, cluster: String?)]] = [:]

        init(_ plan: PlannedPlatform) {
            for model in plan.platform.models {
                modelsByTeam[model.team, default: []].append(model)
                if serving[model.name] == nil { serving[model.name] = plan.servingClusters(ofModel: model.name) }
            }
            for agent in plan.platform.agents {
                let cluster = plan.cluster(ofAgent: agent)
                agentsByTeam[agent.team, default: []].append((agent, cluster))
                agentsByModel[agent.model, default: []].append((agent, cluster))
            }
        }

        func models(ofTeam team: String) -> [Model] { modelsByTeam[team] ?? [] }
        func servingClusters(ofModel model: String) -> [String] { serving[model] ?? [] }
        func agents(ofTeam team: String, in cluster: String) -> [Agent] {
            (agentsByTeam[team] ?? []).filter { $0.cluster == cluster }.map(\.agent)
        }
        func agents(ofModel model: String, in cluster: String) -> [Agent] {
            (agentsByModel[model] ?? []).filter { $0.cluster == cluster }.map(\.agent)
        }
    }

    private func modelRules(_ model: Model, plan: PlannedPlatform, cluster: String, placements: Placements) -> (ingress: [NetworkRule], egress: [NetworkRule]) {
        let p = plan.platform
        let ns = p.team(model.team)?.namespace ?? model.team
        var callers: [NetworkPeer] = [Self.gatewayProxies, Self.liteLLM, Self.prometheus]
        if model.prefixCacheAware {
            callers.append(.pods(namespace: ns, labels: [PlatformLabels.component: .string(Conventions.Component.endpointPicker)]))
        }
        for agent in placements.agents(ofModel: model.name, in: cluster) {
            callers.append(.pods(namespace: p.team(agent.team)?.namespace ?? agent.team, labels: Conventions.agentSelector(agent.name)))
        }
        var ingress = [NetworkRule(callers, ports: Self.modelPort)]
        var egress: [NetworkRule] = []
        if !model.source.hasPrefix("pvc://") { egress.append(NetworkRule([.internet], ports: [NetworkPort(443)])) }
        if model.nodesPerReplica > 1 {
            // Leader and workers of a multi-node replica talk NCCL and Ray on ports chosen at run time.
            let peers = NetworkRule([.pods(namespace: ns, labels: Conventions.modelSelector(model.name))], ports: nil)
            ingress.append(peers)
            egress.append(peers)
        }
        return (ingress, egress)
    }

    private func agentEgress(_ agent: Agent, platform p: Platform) -> [NetworkRule] {
        var rules: [NetworkRule] = []
        if let model = p.model(agent.model) {
            rules.append(NetworkRule([.pods(namespace: p.team(model.team)?.namespace ?? model.team, labels: Conventions.modelSelector(model.name))],
                                     ports: Self.modelPort))
        } else {
            rules.append(NetworkRule([Self.liteLLM], ports: [NetworkPort(Conventions.liteLLMPort)]))
        }
        for tool in agent.tools {
            guard let server = p.mcpServer(tool.mcpServer), let endpoint = MCPEndpoint(url: server.url) else { continue }
            let peer: NetworkPeer = endpoint.namespace.map { .pods(namespace: $0, labels: [:]) } ?? .internet
            rules.append(NetworkRule([peer], ports: [NetworkPort(endpoint.port)]))
        }
        return rules
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
        return byPorts.values.sorted { $0.sortKey < $1.sortKey }
    }
}
