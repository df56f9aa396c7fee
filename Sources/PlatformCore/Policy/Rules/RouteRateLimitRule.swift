import PlatformDiagnostics

/// `route-rate-limit`: a route without a limit lets one client exhaust the GPUs behind it.
public struct RouteRateLimitRule: PolicyRule {
    public let id = "route-rate-limit"
    public let rationale = "every route has a rate limit, so one client cannot exhaust the GPUs behind it"
    public let defaultSeverity = PolicySeverity.warning
    public let code: DiagnosticCode = "P7004"
    public init() {}

    public func check(_ input: PolicyInput) -> [PolicyViolation] {
        input.platform.routes.filter { $0.requestsPerMinute == nil }.map { r in
            PolicyViolation("route `\(r.name)` has no rate limit", at: r.location,
                            help: "add `rateLimit: { requestsPerMinute: <n> }` to the route")
        }
    }
}
