import PlatformDiagnostics

/// Codes of the route checks that need the placement (E13xx).
package enum RouteCodes {
    package static let hostnameInTwoClusters: DiagnosticCode = "E1300"
}

/// A hostname reaches one cluster: DNS resolves a name, not a path, so routes that share a
/// hostname must be served by the same clusters. Each route is served where its backends were
/// placed (the Gateway emitter adds its HTTPRoute there); a later route whose clusters differ from
/// the first route of that hostname is an error at its hostname, with a note at the first.
enum RouteHostnameCheck {
    static func run(_ plan: PlannedPlatform, into diagnostics: inout DiagnosticBag) {
        var first: [String: (route: Route, clusters: [String])] = [:]
        for route in plan.platform.routes {
            let clusters = Array(Set(route.backends.flatMap { plan.clusters(of: $0.model) })).sorted()
            guard !clusters.isEmpty else { continue }
            for hostname in route.hostnames {
                guard let earlier = first[hostname] else { first[hostname] = (route, clusters); continue }
                guard earlier.clusters != clusters else { continue }
                diagnostics.report(Diagnostic(
                    .error, RouteCodes.hostnameInTwoClusters,
                    "hostname `\(hostname)` of route `\(route.name)` is served in \(list(clusters)), but route `\(earlier.route.name)` "
                        + "serves it in \(list(earlier.clusters))",
                    at: route.hostnameLocations[hostname] ?? route.locations[.hostnames] ?? route.location,
                    notes: [DiagnosticNote("route `\(earlier.route.name)` serves `\(hostname)` here",
                                           at: earlier.route.hostnameLocations[hostname] ?? earlier.route.location)],
                    help: "give each cluster its own hostname (e.g. `\(suggestion(hostname, route: route.name))`): DNS sends a hostname to "
                        + "one place and cannot split it by path"))
            }
        }
    }

    private static func list(_ clusters: [String]) -> String {
        clusters.map { "`\($0)`" }.joined(separator: ", ")
    }

    private static func suggestion(_ hostname: String, route: String) -> String {
        guard let dot = hostname.firstIndex(of: ".") else { return "\(route).\(hostname)" }
        return "\(route)\(hostname[dot...])"
    }
}
