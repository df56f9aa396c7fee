/// Gateway API front door: one Gateway per cluster that serves a route (Kgateway, in the system namespace), an
/// HTTPRoute per route in every cluster where one of its models runs, a ReferenceGrant in each
/// team namespace those routes reach into, and a Kgateway TrafficPolicy per route for its rate
/// limit and retries.
public struct GatewayEmitter: Emitter {
    public init() {}

    public func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        let labels = PlatformLabels.common(p)
        let deploymentsByCluster = ModelDeployment.byCluster(in: plan)
        for cluster in p.clusters.map(\.name) {
            let deployments = ModelDeployment.byModel(deploymentsByCluster[cluster] ?? [])
            let served = p.routes.map { ($0, RouteBackend.of($0, in: cluster, deployments: deployments)) }.filter { !$0.1.isEmpty }
            // A cluster that serves no route gets no Gateway: nothing would listen behind it.
            guard !served.isEmpty else { continue }
            context.add(gateway(labels: labels), to: cluster, template: "gateway/gateway")
            var grants: [String: Set<String>] = [:]
            for (route, backends) in served {
                context.add(httpRoute(route, backends: backends, labels: labels), to: cluster, template: "gateway/httproute")
                context.add(RouteTrafficPolicy.policy(for: route, labels: labels), to: cluster, template: "gateway/trafficpolicy")
                for b in backends { grants[b.namespace, default: []].insert(b.viaInferencePool ? "InferencePool" : "Service") }
            }
            for namespace in grants.keys.sorted() {
                context.add(referenceGrant(namespace: namespace, kinds: grants[namespace] ?? [], labels: labels),
                            to: cluster, template: "gateway/referencegrant")
            }
        }
    }

    func gateway(labels: ManifestMap) -> Manifest {
        Manifest(apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", name: Conventions.gatewayName,
                 namespace: Conventions.systemNamespace, labels: labels, body: ["spec": [
                    "gatewayClassName": .string(Conventions.gatewayClassName),
                    "listeners": [["name": "http", "protocol": "HTTP", "port": 80,
                                   "allowedRoutes": ["namespaces": ["from": "Same"]]]],
                 ]])
    }

    func httpRoute(_ route: Route, backends: [RouteBackend], labels: ManifestMap) -> Manifest {
        var match: ManifestMap = ["path": ["type": "PathPrefix", "value": .string(route.path)]]
        if !route.headers.isEmpty {
            match["headers"] = .list(route.headers.keys.sorted().map { key in
                ["type": "Exact", "name": .string(key), "value": .string(route.headers[key] ?? "")]
            })
        }
        var spec: ManifestMap = [
            "parentRefs": [["group": "gateway.networking.k8s.io", "kind": "Gateway", "name": .string(Conventions.gatewayName)]],
            "rules": [[
                "matches": [.map(match)],
                "backendRefs": .list(backends.map(\.backendRef)),
                "timeouts": ["request": .string("\(route.timeoutSeconds)s")],
            ]],
        ]
        if !route.hostnames.isEmpty { spec["hostnames"] = .list(route.hostnames.map { .string($0) }) }
        return Manifest(apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", name: route.name,
                        namespace: Conventions.systemNamespace, labels: labels, body: ["spec": .map(spec)])
    }

    /// Lets the system namespace's HTTPRoutes reference Services and InferencePools in `namespace`.
    func referenceGrant(namespace: String, kinds: Set<String>, labels: ManifestMap) -> Manifest {
        let to: [ManifestValue] = kinds.sorted().map { kind in
            ["group": kind == "InferencePool" ? "inference.networking.k8s.io" : "", "kind": .string(kind)]
        }
        return Manifest(apiVersion: "gateway.networking.k8s.io/v1", kind: "ReferenceGrant", name: "\(Conventions.gatewayName)-routes",
                        namespace: namespace, labels: labels, body: ["spec": [
                            "from": [["group": "gateway.networking.k8s.io", "kind": "HTTPRoute",
                                      "namespace": .string(Conventions.systemNamespace)]],
                            "to": .list(to),
                        ]])
    }
}
