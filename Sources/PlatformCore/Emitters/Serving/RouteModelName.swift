/// What a client of a route writes in the request's `model` (docs/traffic.md, "What clients ask for").
/// A Gateway matches a route by hostname, path and headers, but LiteLLM chooses deployments only by the
/// `model` in the body (its `model_list` is looked up by `model_name`), and vLLM answers only the names it
/// serves (`--served-model-name`). So every route has one client-facing name: the name its heaviest
/// backend answers to (the first listed on a tie; a canary answers to its stable model's). LiteLLM lists
/// all of the route's backends under it, each deployment keeping its own `hosted_vllm/<model>`, so a route
/// splits by weight between distinct models as it does between a model and its canary.
extension Route {
    /// The client-facing name; `servedName` maps a model to the name it answers to.
    package func clientModelName(servedName: (String) -> String) -> String {
        var heaviest = backends.first
        for b in backends.dropFirst() where b.weight > heaviest!.weight { heaviest = b }
        return servedName(heaviest?.model ?? name)
    }

    package func clientModelName(in platform: Platform) -> String {
        clientModelName { platform.model($0).map(Model.servedName) ?? $0 }
    }

    /// Whether its backends answer to different names: a Gateway's weighted rule forwards the body as
    /// it came, so the share sent to the other model would get vLLM's 404; only LiteLLM rewrites the name.
    func splitsDistinctModels(in platform: Platform) -> Bool {
        Set(backends.map { platform.model($0.model).map(Model.servedName) ?? $0.model }).count > 1
    }

    /// What LiteLLM must do alike for every route sharing a client-facing name: LiteLLM cannot tell
    /// those routes apart, so their backends (with weights, when split) and fallbacks must agree.
    var liteLLMBehaviour: [String] {
        let split = backends.count > 1
        return backends.map { split ? "\($0.model) \($0.weight)" : $0.model }.sorted()
            + ["fallbacks:"] + fallbacks.map { "\($0.provider)/\($0.model)" }
    }
}

extension Model {
    /// The name this model answers to for clients: a canary answers under its stable model's.
    static func servedName(_ model: Model) -> String { model.canaryOf ?? model.name }
}
