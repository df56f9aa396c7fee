/// The LiteLLM proxy's `config.yaml` for one cluster (keys as in ecosystem.md §C.7): the models
/// served in that cluster (vLLM's OpenAI-compatible API at their in-cluster Service), the external provider
/// models its routes fall back to, the fallbacks themselves, and team budgets. API keys appear only
/// as `os.environ/NAME` references; the Deployment maps them from Secrets.
public struct LiteLLMConfig: Sendable {
    public let plan: PlannedPlatform
    public let cluster: String

    /// This cluster's deployments and routes, worked out once: every section of the document reads
    /// them, and recomputing them per section (and per model) made the emitter quadratic in models.
    private let deployments: [ModelDeployment]
    private let deploymentsByModel: [String: ModelDeployment]
    /// The routes with at least one model running in this cluster, by name (the spec's order
    /// carries no meaning and must not reach the bytes).
    let routes: [Route]

    public init(plan: PlannedPlatform, cluster: String) {
        self.init(plan: plan, cluster: cluster, deployments: ModelDeployment.all(in: plan).filter { $0.cluster == cluster })
    }

    /// With `cluster`'s deployments already worked out (`ModelDeployment.byCluster`).
    init(plan: PlannedPlatform, cluster: String, deployments: [ModelDeployment]) {
        self.plan = plan
        self.cluster = cluster
        self.deployments = deployments
        var byModel: [String: ModelDeployment] = [:]
        for d in deployments { byModel[d.model.name] = d }
        deploymentsByModel = byModel
        routes = plan.platform.routes.filter { route in route.backends.contains { byModel[$0.model] != nil } }
            .sorted { $0.name.precedesInByteOrder($1.name) }
    }

    /// The proxy has a client in this cluster: a route served here, or an agent placed here that
    /// names an external `provider/model` (agents reach those through LiteLLM).
    public var isNeeded: Bool {
        let p = plan.platform
        return !routes.isEmpty || p.agents.contains { agent in
            guard let slash = agent.model.firstIndex(of: "/"), p.provider(String(agent.model[..<slash])) != nil else { return false }
            return plan.cluster(ofAgent: agent) == cluster
        }
    }

    /// The environment variable holding a provider's API key: `openai` → `OPENAI_API_KEY`.
    public static func apiKeyVariable(_ provider: String) -> String {
        provider.uppercased().replacingOccurrences(of: "-", with: "_") + "_API_KEY"
    }
    public static let masterKeyVariable = "LITELLM_MASTER_KEY"

    /// An external model's `model_name`: `openai/gpt-4o`, the form agents use too.
    public static func externalModelName(provider: String, model: String) -> String { "\(provider)/\(model)" }

    /// The whole config document.
    public var document: ManifestValue {
        var doc: ManifestMap = [
            "model_list": .list(selfHostedModels + externalModels.map(\.entry)),
            "router_settings": routerSettings,
            "general_settings": ["master_key": .string("os.environ/\(Self.masterKeyVariable)")],
        ]
        var settings: ManifestMap = ["drop_params": true]
        if plan.platform.observability.langfuseHost != nil { settings["success_callback"] = ["langfuse"] }
        if case let .list(teams) = LiteLLMBudgets.teams(plan), !teams.isEmpty { settings["default_team_settings"] = .list(teams) }
        doc["litellm_settings"] = .map(settings)
        return .map(doc)
    }

    var selfHostedModels: [ManifestValue] {
        deployments.map { d in
            let timeout = routes.filter { $0.backends.contains { $0.model == d.model.name } }.map(\.timeoutSeconds).max()
            // `hosted_vllm/`, not `openai/`: the OpenAI client demands a key and would fall back to
            // OPENAI_API_KEY, sending the real OpenAI key to our own servers.
            var params: ManifestMap = ["model": .string("hosted_vllm/\(d.model.name)"),
                                       "api_base": .string(Conventions.modelEndpoint(model: d.model.name, namespace: d.namespace))]
            if let timeout { params["timeout"] = .int(Int64(timeout)) }
            return ["model_name": .string(d.model.name), "litellm_params": .map(params)]
        }
    }

    /// External models: route fallbacks here, and the provider models agents name; by name.
    var externalModels: [(name: String, provider: String, entry: ManifestValue)] {
        let p = plan.platform
        var wanted: [(String, String)] = routes.flatMap { $0.fallbacks.map { ($0.provider, $0.model) } }
        for agent in p.agents {
            if let slash = agent.model.firstIndex(of: "/"), p.provider(String(agent.model[..<slash])) != nil {
                wanted.append((String(agent.model[..<slash]), String(agent.model[agent.model.index(after: slash)...])))
            }
        }
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
    public var providers: [Provider] {
        let names = Set(externalModels.map(\.provider))
        return plan.platform.providers.filter { names.contains($0.name) }.sorted { $0.name < $1.name }
    }

    var routerSettings: ManifestValue {
        var fallbacks: [String: [String]] = [:]
        for route in routes {
            let targets = route.fallbacks.map { Self.externalModelName(provider: $0.provider, model: $0.model) }
            for backend in route.backends where !targets.isEmpty {
                for t in targets where !(fallbacks[backend.model] ?? []).contains(t) { fallbacks[backend.model, default: []].append(t) }
            }
        }
        let here = deploymentsByModel
        var settings: ManifestMap = ["routing_strategy": "simple-shuffle",
                                     "num_retries": .int(Int64(routes.map(\.retries).max() ?? 2))]
        let list: [ManifestValue] = fallbacks.keys.filter { here[$0] != nil }.sorted().map { model in
            .map([model: .list((fallbacks[model] ?? []).map { .string($0) })])
        }
        if !list.isEmpty { settings["fallbacks"] = .list(list) }
        return .map(settings)
    }
}
