/// How one route's requests travel in one cluster (docs/traffic.md):
/// client → Gateway → LiteLLM → internal Gateway → InferencePool/EPP, or LiteLLM → Service → vLLM,
/// when the route needs LiteLLM; otherwise client → Gateway → InferencePool/EPP or Service → vLLM.
package struct RoutePath: Equatable, Sendable {
    /// Why a route passes through LiteLLM.
    package enum Reason: String, Sendable, CaseIterable {
        /// Only LiteLLM falls back to an external provider.
        case fallbacks
        /// `gateway.clientAuth: virtualKeys`: LiteLLM checks the key, which names the team whose budget pays.
        case virtualKeys = "virtual keys"
        /// An InferencePool weighted with other backends: kgateway answers 503 for weighted InferencePool
        /// rules (kgateway-dev/kgateway#11667, open) and breaks Service routes beside InferencePool ones
        /// (#11981, open); LiteLLM does the weighting instead.
        case weightedPool = "weighted InferencePool"
        /// Backends that answer to different model names: a Gateway's weighted rule forwards the body as
        /// it came, and vLLM answers 404 for a name it does not serve; LiteLLM sends each deployment its
        /// own `hosted_vllm/<model>` (`Route.clientModelName`).
        case distinctModels = "split between distinct models"
    }

    package var reasons: [Reason]
    package var throughLiteLLM: Bool { !reasons.isEmpty }

    package static func of(_ route: Route, backends: [RouteBackend], platform: Platform) -> RoutePath {
        var reasons: [Reason] = []
        if !route.fallbacks.isEmpty { reasons.append(.fallbacks) }
        if platform.frontDoor.clientAuth == .virtualKeys { reasons.append(.virtualKeys) }
        if backends.count > 1 && backends.contains(where: \.viaInferencePool) { reasons.append(.weightedPool) }
        if route.splitsDistinctModels(in: platform) { reasons.append(.distinctModels) }
        return RoutePath(reasons: reasons)
    }

    /// The route's path in every cluster that serves it is the same but for `weightedPool`; this is
    /// the spec-level answer (any backend placement), for checks that run before emission.
    package static func needsLiteLLM(_ route: Route, platform: Platform) -> [Reason] {
        let pooled = route.backends.contains { b in platform.model(b.model)?.prefixCacheAware == true }
        var reasons: [Reason] = []
        if !route.fallbacks.isEmpty { reasons.append(.fallbacks) }
        if platform.frontDoor.clientAuth == .virtualKeys { reasons.append(.virtualKeys) }
        if route.backends.count > 1 && pooled { reasons.append(.weightedPool) }
        if route.splitsDistinctModels(in: platform) { reasons.append(.distinctModels) }
        return reasons
    }
}
