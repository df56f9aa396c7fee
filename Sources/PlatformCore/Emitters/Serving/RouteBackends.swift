/// The backends a route has in one cluster: its models that run there, each as a Service on the
/// OpenAI port or, for prefix-cache-aware models, as their InferencePool.
package struct RouteBackend: Equatable, Sendable {
    package var model: String
    package var namespace: String
    package var weight: Int
    package var viaInferencePool: Bool

    /// The HTTPRoute `backendRefs` entry.
    package var backendRef: ManifestValue {
        var ref: ManifestMap = ["name": .string(Conventions.modelServiceName(model)), "namespace": .string(namespace),
                                "weight": .int(Int64(weight))]
        if viaInferencePool {
            ref["group"] = "inference.networking.k8s.io"
            ref["kind"] = "InferencePool"
        } else {
            ref["kind"] = "Service"
            ref["port"] = .int(Int64(Conventions.modelServerPort))
        }
        return .map(ref)
    }

    /// The route's backends placed in `cluster`, in the route's order; empty when none run there.
    package static func of(_ route: Route, in cluster: String, deployments: [String: ModelDeployment]) -> [RouteBackend] {
        route.backends.compactMap { backend in
            guard let d = deployments[backend.model] else { return nil }
            return RouteBackend(model: backend.model, namespace: d.namespace, weight: backend.weight,
                                viaInferencePool: d.model.prefixCacheAware)
        }
    }
}
