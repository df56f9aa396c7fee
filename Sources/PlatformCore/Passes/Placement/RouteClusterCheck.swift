import PlatformDiagnostics

/// A route splits its traffic by weight only in a cluster where all of its backends run: each
/// cluster gets its own HTTPRoute (or LiteLLM `model_list`) naming the backends placed there
/// (`RouteBackend.of`, `LiteLLMConfig`), and nothing we emit reaches a model in another cluster.
/// Gateway API computes a share as weight / (sum of the weights listed), so the backends present
/// take all of the traffic; listing the absent one instead would answer its share with 500
/// (HTTPRoute `spec.rules[].backendRefs` and `weight` descriptions, gateway-api v1.6.1 standard
/// channel, ../shared/schemas/gateway.networking.k8s.io/httproute_v1.json). So a backend placed
/// elsewhere than the route's heaviest backend is an error at the backend's `model`, with a note
/// at the heaviest one's `placement.cluster`. A canary alone in a cluster is E5400 already.
enum RouteClusterCheck {
    static func check(_ plan: PlannedPlatform, into diagnostics: inout DiagnosticBag) {
        let p = plan.platform
        for route in p.routes where route.backends.count > 1 {
            // The backends come sorted by model; the heaviest (first of equals) anchors the route.
            guard let anchor = route.backends.max(by: { $0.weight < $1.weight }) else { continue }
            let anchorClusters = plan.clusters(of: anchor.model)
            // An unplaced model is E3001 already.
            guard !anchorClusters.isEmpty, let anchorModel = p.model(anchor.model) else { continue }
            for backend in route.backends where backend.model != anchor.model {
                let clusters = plan.clusters(of: backend.model)
                guard !clusters.isEmpty, let model = p.model(backend.model) else { continue }
                let extra = clusters.filter { !anchorClusters.contains($0) }
                // A weight of 0 takes no traffic anywhere: its absence changes no share.
                let missing = backend.weight > 0 ? anchorClusters.filter { !clusters.contains($0) } : []
                if extra.isEmpty && missing.isEmpty { continue }
                if (model.canaryOf == anchor.model && !extra.isEmpty) || (anchorModel.canaryOf == backend.model && !missing.isEmpty) {
                    continue  // E5400
                }
                let split = "route `\(route.name)` weights `\(backend.model)` \(backend.weight) against `\(anchor.model)` \(anchor.weight)"
                let message = if let cluster = extra.first {
                    "\(split), but `\(backend.model)` runs in cluster `\(cluster)`, where `\(anchor.model)` does not: the route there "
                        + "sends none of its traffic to `\(anchor.model)`"
                } else {
                    "\(split), but `\(backend.model)` does not run in cluster `\(missing[0])`, where `\(anchor.model)` does: the route "
                        + "there sends none of its traffic to `\(backend.model)`"
                }
                let list = anchorClusters.map { "`\($0)`" }.joined(separator: ", ")
                diagnostics.error(ServingCodes.routeBackendCluster, message, at: backend.location,
                                  notes: [DiagnosticNote("`\(anchor.model)` runs in \(list)",
                                                         at: anchorModel.locations[.placementCluster] ?? anchorModel.location),
                                          DiagnosticNote("each cluster's route reaches only the models placed in that cluster")],
                                  help: "give `\(anchor.model)` and `\(backend.model)` the same `placement.cluster`")
            }
        }
    }
}
