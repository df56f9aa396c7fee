/// The LiteLLM proxy's `config.yaml` for one cluster (keys as in ecosystem.md §C.7): the models
/// served in that cluster (vLLM's OpenAI-compatible API at their in-cluster Service), the external provider
/// models its routes fall back to, the fallbacks themselves, and team budgets. API keys appear only
/// as `os.environ/NAME` references; the Deployment maps them from Secrets.
package struct LiteLLMConfig: Sendable {
    package let plan: PlannedPlatform
    package let cluster: String

    /// This cluster's deployments and routes, worked out once: every section of the document reads
    /// them, and recomputing them per section (and per model) made the emitter quadratic in models.
    private let deployments: [ModelDeployment]
    private let deploymentsByModel: [String: ModelDeployment]
    /// The routes with at least one model running in this cluster, by name (the spec's order
    /// carries no meaning and must not reach the bytes).
    let routes: [Route]
    /// The same routes as indices in `platform.routes`, in the spec's order.
    let servedRoutes: [Int]

    /// Whether the proxy has a client in this cluster: a route served here that passes through it
    /// (`RoutePath`), or an agent placed here that names an external `provider/model` (agents reach
    /// those through LiteLLM).
    package let isNeeded: Bool
    /// External models: route fallbacks here, and the provider models agents name; by name.
    /// Worked out once: the document and `providers` both read them.
    let externalModels: [(name: String, provider: String, entry: ManifestValue)]

    package init(plan: PlannedPlatform, cluster: String) {
        self.init(plan: plan, cluster: cluster, deployments: ModelDeployment.all(in: plan).filter { $0.cluster == cluster })
    }

    /// With `cluster`'s deployments already worked out (`ModelDeployment.byCluster`).
    init(plan: PlannedPlatform, cluster: String, deployments: [ModelDeployment]) {
        self.init(plan: plan, cluster: cluster, deployments: deployments, fleet: Fleet(plan))
    }

    /// With what every cluster's config reads from the whole platform worked out once (`LiteLLMConfigs`).
    init(plan: PlannedPlatform, cluster: String, deployments: [ModelDeployment], fleet: Fleet) {
        self.plan = plan
        self.cluster = cluster
        self.deployments = deployments
        var byModel: [String: ModelDeployment] = [:]
        for d in deployments { byModel[d.model.name] = d }
        deploymentsByModel = byModel
        // The routes naming a model deployed here, in the spec's order (as a filter of all routes
        // gives them), then by name; only those routes are copied.
        var served = Set<Int>()
        for model in byModel.keys { served.formUnion(fleet.routesByModel[model] ?? []) }
        let all = plan.platform.routes
        servedRoutes = served.sorted()
        let routes = servedRoutes.map { all[$0] }.sorted { $0.name.precedesInByteOrder($1.name) }
        self.routes = routes
        let p = plan.platform
        isNeeded = routes.contains { !RoutePath.needsLiteLLM($0, platform: p).isEmpty } || fleet.agentClusters.contains(cluster)
        externalModels = Self.externalEntries(p,
            wanted: routes.flatMap { $0.fallbacks.map { ($0.provider, $0.model) } } + fleet.agentModels)
    }

    /// What every cluster's config reads from the whole platform: computed per cluster, it was
    /// a scan of every route and agent for each of them.
    struct Fleet: Sendable {
        /// Indices in `platform.routes` of the routes with a backend of each model.
        let routesByModel: [String: [Int]]
        /// The `(provider, model)` each agent names as `provider/model` of a known provider, in agent order.
        let agentModels: [(String, String)]
        /// The clusters such an agent is placed in.
        let agentClusters: Set<String>

        init(_ plan: PlannedPlatform) {
            let p = plan.platform
            var routesByModel: [String: [Int]] = [:]
            for (index, route) in p.routes.enumerated() {
                for backend in route.backends where routesByModel[backend.model]?.last != index {
                    routesByModel[backend.model, default: []].append(index)
                }
            }
            self.routesByModel = routesByModel
            var agentModels: [(String, String)] = [], agentClusters: Set<String> = []
            for agent in p.agents {
                guard let slash = agent.model.firstIndex(of: "/"), p.provider(String(agent.model[..<slash])) != nil else { continue }
                agentModels.append((String(agent.model[..<slash]), String(agent.model[agent.model.index(after: slash)...])))
                if let placed = plan.cluster(ofAgent: agent) { agentClusters.insert(placed) }
            }
            self.agentModels = agentModels
            self.agentClusters = agentClusters
        }
    }

    /// The environment variable holding a provider's API key: `openai` → `OPENAI_API_KEY`.
    package static func apiKeyVariable(_ provider: String) -> String {
        provider.uppercased().replacingOccurrences(of: "-", with: "_") + "_API_KEY"
    }
    package static let masterKeyVariable = "LITELLM_MASTER_KEY"
    /// LiteLLM's PostgreSQL URL (its Prisma schema reads `DATABASE_URL`).
    package static let databaseVariable = "DATABASE_URL"

    /// An external model's `model_name`: `openai/gpt-4o`, the form agents use too.
    package static func externalModelName(provider: String, model: String) -> String { "\(provider)/\(model)" }

    /// The whole config document.
    package var document: ManifestValue {
        // Teams and their budgets are rows of LiteLLM's database, made through its admin API
        // (`LiteLLMProvisioning`); the config has no key that creates or limits a team.
        var general: ManifestMap = ["master_key": .string("os.environ/\(Self.masterKeyVariable)")]
        if plan.platform.frontDoor.databaseSecret != nil {
            general["database_url"] = .string("os.environ/\(Self.databaseVariable)")
        }
        var doc: ManifestMap = [
            "model_list": .list(selfHostedModels + externalModels.map(\.entry)),
            "router_settings": routerSettings,
            "general_settings": .map(general),
        ]
        var settings: ManifestMap = ["drop_params": true]
        if plan.platform.observability.langfuseHost != nil { settings["success_callback"] = ["langfuse"] }
        doc["litellm_settings"] = .map(settings)
        return .map(doc)
    }

    /// Each route's backends under the route's client-facing name (`Route.clientModelName`), each
    /// deployment with its own `hosted_vllm/<model>`, and `weight` (the route's; honoured by
    /// `simple-shuffle`) only where a name has several deployments here. Routes sharing a name agree
    /// (E7310), so each name is listed once, with the longest of their timeouts. A model no route names
    /// is listed under its own served name. A pooled model is reached through the internal Gateway,
    /// which hands the request to its endpoint picker; others at their Service.
    var selfHostedModels: [ManifestValue] {
        var groups: [String: (backends: [Route.Backend], timeout: Int?)] = [:]
        for route in routes {
            let name = clientName(route)
            if let group = groups[name] {
                groups[name] = (group.backends, max(group.timeout ?? 0, route.timeoutSeconds))
            } else {
                groups[name] = (route.backends.filter { deploymentsByModel[$0.model] != nil }, route.timeoutSeconds)
            }
        }
        let routed = Set(routes.flatMap { $0.backends.map(\.model) })
        for d in deployments where !routed.contains(d.model.name) && groups[Model.servedName(d.model)] == nil {
            groups[Model.servedName(d.model)] = ([Route.Backend(model: d.model.name, weight: 100, location: d.model.location)], nil)
        }
        var entries: [(name: String, deployment: ModelDeployment, weight: Int?, timeout: Int?)] = []
        for name in groups.keys.sorted(by: { $0.precedesInByteOrder($1) }) {
            guard let group = groups[name] else { continue }
            for b in group.backends {
                guard let d = deploymentsByModel[b.model] else { continue }
                entries.append((name, d, group.backends.count > 1 ? b.weight : nil, group.timeout))
            }
        }
        return entries.map { entry in
            let d = entry.deployment
            // `hosted_vllm/`, not `openai/`: the OpenAI client demands a key and would fall back to
            // OPENAI_API_KEY, sending the real OpenAI key to our own servers.
            var params: ManifestMap = ["model": .string("hosted_vllm/\(d.model.name)")]
            if d.model.prefixCacheAware {
                params["api_base"] = .string(Conventions.internalGatewayEndpoint)
                params["extra_headers"] = [Conventions.poolHeader: .string(d.model.name)]
            } else {
                params["api_base"] = .string(Conventions.modelEndpoint(model: d.model.name, namespace: d.namespace))
            }
            if let timeout = entry.timeout { params["timeout"] = .int(Int64(timeout)) }
            if let weight = entry.weight { params["weight"] = .int(Int64(weight)) }
            return ["model_name": .string(entry.name), "litellm_params": .map(params)]
        }
    }

    /// The name clients send on `route` (`Route.clientModelName`), from the models of this platform.
    func clientName(_ route: Route) -> String {
        route.clientModelName { model in
            deploymentsByModel[model].map { Model.servedName($0.model) } ?? plan.platform.model(model).map(Model.servedName) ?? model
        }
    }

    /// External models of `wanted` (`(provider, model)`, of known providers only), sorted and
    /// without repeats, each with its entry of `model_list`.
    private static func externalEntries(_ p: Platform,
        wanted: [(String, String)]) -> [(name: String, provider: String, entry: ManifestValue)] {
        var seen: Set<String> = []
        var result: [(name: String, provider: String, entry: ManifestValue)] = []
        for (providerName, model) in wanted.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            guard let provider = p.provider(providerName) else { continue }
            let name = Self.externalModelName(provider: providerName, model: model)
            guard seen.insert(name).inserted else { continue }
            var params: ManifestMap = ["model": .string("\(provider.kind)/\(model)"),
                                       "api_key": .string("os.environ/\(Self.apiKeyVariable(providerName))")]
            if let base = provider.baseURL { params["api_base"] = .string(base) }
            result.append((name, providerName, ["model_name": .string(name), "litellm_params": .map(params)]))
        }
        return result
    }

    /// The providers this cluster's proxy needs keys for, by name.
    package var providers: [Provider] {
        let names = Set(externalModels.map(\.provider))
        return plan.platform.providers.filter { names.contains($0.name) }.sorted { $0.name < $1.name }
    }

    var routerSettings: ManifestValue {
        var fallbacks: [String: [String]] = [:]
        for route in routes {
            let targets = route.fallbacks.map { Self.externalModelName(provider: $0.provider, model: $0.model) }
            let name = clientName(route)
            for t in targets where !(fallbacks[name] ?? []).contains(t) { fallbacks[name, default: []].append(t) }
        }
        var settings: ManifestMap = ["routing_strategy": "simple-shuffle",
                                     "num_retries": .int(Int64(routes.map(\.retries).max() ?? 2))]
        let list: [ManifestValue] = fallbacks.keys.sorted().map { model in
            .map([model: .list((fallbacks[model] ?? []).map { .string($0) })])
        }
        if !list.isEmpty { settings["fallbacks"] = .list(list) }
        return .map(settings)
    }
}
