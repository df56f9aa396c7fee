/// A route's rate limit and retries as a Kgateway TrafficPolicy (`gateway.kgateway.dev/v1alpha1`)
/// attached to its HTTPRoute. The limit is Envoy's local token bucket: `requestsPerMinute` tokens,
/// refilled every minute (per gateway replica).
package enum RouteTrafficPolicy {
    /// Retry only failures that happened before the model saw the request: a generation retried
    /// after it started costs twice.
    package static let retryOn: [String] = ["connect-failure", "refused-stream", "reset-before-request"]

    package static func policy(for route: Route, namespace: String = Conventions.systemNamespace, labels: ManifestMap) -> Manifest {
        var spec: ManifestMap = [
            "targetRefs": [["group": "gateway.networking.k8s.io", "kind": "HTTPRoute", "name": .string(route.name)]],
        ]
        if let rpm = route.requestsPerMinute {
            spec["rateLimit"] = ["local": ["tokenBucket": ["maxTokens": .int(Int64(rpm)), "tokensPerFill": .int(Int64(rpm)),
                                                          "fillInterval": "1m"]]]
        }
        if route.retries > 0 {
            spec["retry"] = ["attempts": .int(Int64(route.retries)), "retryOn": .list(retryOn.map { .string($0) }),
                             "statusCodes": [503]]
        }
        return Manifest(apiVersion: "gateway.kgateway.dev/v1alpha1", kind: "TrafficPolicy", name: route.name,
                        namespace: namespace, labels: labels, body: ["spec": .map(spec)])
    }
}
