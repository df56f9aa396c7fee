import PlatformDiagnostics

/// `route-rate-limit`: a route without a limit lets one client exhaust the GPUs behind it.
package struct RouteRateLimitRule: PolicyRule {
    package let id = "route-rate-limit"
    package init() {}

    package func check(_ input: PolicyInput) -> [PolicyViolation] {
        input.platform.routes.filter { $0.requestsPerMinute == nil }.map { r in
            PolicyViolation("route `\(r.name)` has no rate limit", at: r.location,
                            help: "add `rateLimit: { requestsPerMinute: <n> }` to the route")
        }
    }
}
