/// Gateway API front door (docs/traffic.md). Per cluster that serves a route: the Gateway (kgateway, in the
/// system namespace; HTTPS with the spec's certificate, else HTTP), an HTTPRoute per route, a kgateway
/// TrafficPolicy beside each for its rate limit and retries, and ReferenceGrants for Services a route
/// reaches in team namespaces. A route goes to LiteLLM when `RoutePath` says so; otherwise straight to
/// its Services, or to its one InferencePool from an HTTPRoute in the pool's namespace (kgateway
/// resolves an InferencePool only in the HTTPRoute's own namespace: kgateway-dev/kgateway#11370, open).
/// Where LiteLLM runs and models sit behind InferencePools, a ClusterIP-only internal Gateway carries
/// LiteLLM's requests to each pool (`InternalGateway`).
package struct GatewayEmitter: Emitter {
    package init() {}
    package var relativeCost: Int { 180 }

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        let labels = PlatformLabels.common(p)
        let deploymentsByCluster = ModelDeployment.byCluster(in: plan)
        let configs = context.liteLLMConfigs ?? LiteLLMConfigs(plan: plan)
        for cluster in p.clusters.map(\.name) {
            let here = deploymentsByCluster[cluster] ?? []
            let deployments = ModelDeployment.byModel(here)
            let liteLLM = configs[cluster]
            // The routes with a backend here (the others have none), without copying every route per cluster.
            let served = liteLLM.servedRoutes.map { p.routes[$0] }.map { ($0, RouteBackend.of($0, in: cluster, deployments: deployments)) }
            if liteLLM.isNeeded {
                InternalGateway.emit(pools: here.filter(\.model.prefixCacheAware), routes: liteLLM.routes, labels: labels,
                                     cluster: cluster, into: &context)
            }
            // A cluster that serves no route gets no Gateway: nothing would listen behind it.
            guard !served.isEmpty else { continue }
            var routeNamespaces: Set<String> = [Conventions.systemNamespace]
            var grants: [String: Set<String>] = [:]
            for (route, backends) in served {
                let path = RoutePath.of(route, backends: backends, platform: p)
                let httpRoute = httpRoute(route, backends: backends, path: path, labels: labels)
                let namespace = httpRoute.namespace ?? Conventions.systemNamespace
                routeNamespaces.insert(namespace)
                context.add(httpRoute, to: cluster, template: "gateway/httproute")
                // A TrafficPolicy targets an HTTPRoute of its own namespace.
                context.add(RouteTrafficPolicy.policy(for: route, namespace: namespace, labels: labels), to: cluster,
                            template: "gateway/trafficpolicy")
                guard !path.throughLiteLLM, namespace == Conventions.systemNamespace else { continue }
                for b in backends { grants[b.namespace, default: []].insert("Service") }
            }
            context.add(gateway(p.frontDoor, routeNamespaces: routeNamespaces, labels: labels), to: cluster, template: "gateway/gateway")
            for namespace in grants.keys.sorted() {
                context.add(referenceGrant(namespace: namespace, kinds: grants[namespace] ?? [], labels: labels),
                            to: cluster, template: "gateway/referencegrant")
            }
        }
    }

    /// HTTPS on 443 terminating with the spec's certificate, else HTTP on 80; HTTPRoutes may attach from
    /// the system namespace and from the namespaces of the InferencePools routes reach directly.
    func gateway(_ door: FrontDoor, routeNamespaces: Set<String>, labels: ManifestMap) -> Manifest {
        var listener: ManifestMap = ["allowedRoutes": ["namespaces": Self.allowedNamespaces(routeNamespaces)]]
        if let secret = door.tlsSecret {
            listener["name"] = "https"; listener["protocol"] = "HTTPS"; listener["port"] = 443
            listener["tls"] = ["mode": "Terminate", "certificateRefs": [["group": "", "kind": "Secret", "name": .string(secret)]]]
        } else {
            listener["name"] = "http"; listener["protocol"] = "HTTP"; listener["port"] = 80
        }
        return Manifest(apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", name: Conventions.gatewayName,
                        namespace: Conventions.systemNamespace, labels: labels, body: ["spec": [
                            "gatewayClassName": .string(Conventions.gatewayClassName),
                            "listeners": [.map(listener)],
                        ]])
    }

    /// `Same` when only the system namespace attaches routes, else exactly the namespaces that do.
    static func allowedNamespaces(_ namespaces: Set<String>) -> ManifestValue {
        guard namespaces != [Conventions.systemNamespace] else { return ["from": "Same"] }
        return ["from": "Selector", "selector": ["matchExpressions": [[
            "key": "kubernetes.io/metadata.name", "operator": "In",
            "values": .list(namespaces.sorted().map { .string($0) }),
        ]]]]
    }

    func httpRoute(_ route: Route, backends: [RouteBackend], path: RoutePath, labels: ManifestMap) -> Manifest {
        var match: ManifestMap = ["path": ["type": "PathPrefix", "value": .string(route.path)]]
        if !route.headers.isEmpty {
            match["headers"] = .list(route.headers.keys.sorted().map { key in
                ["type": "Exact", "name": .string(key), "value": .string(route.headers[key] ?? "")]
            })
        }
        var namespace = Conventions.systemNamespace
        let refs: [ManifestValue]
        if path.throughLiteLLM {
            refs = [["kind": "Service", "name": .string(Conventions.liteLLMName), "port": .int(Int64(Conventions.liteLLMPort))]]
        } else if let pool = backends.first, pool.viaInferencePool {
            // `RoutePath` sends a pool weighted with others through LiteLLM: here it is alone.
            namespace = pool.namespace
            refs = [["group": "inference.networking.k8s.io", "kind": "InferencePool",
                "name": .string(Conventions.modelServiceName(pool.model))]]
        } else {
            refs = backends.map(\.backendRef)
        }
        var spec: ManifestMap = [
            "parentRefs": [["group": "gateway.networking.k8s.io", "kind": "Gateway", "name": .string(Conventions.gatewayName),
                            "namespace": .string(Conventions.systemNamespace)]],
            "rules": [[
                "matches": [.map(match)],
                "backendRefs": .list(refs),
                "timeouts": ["request": .string("\(route.timeoutSeconds)s")],
            ]],
        ]
        if !route.hostnames.isEmpty { spec["hostnames"] = .list(route.hostnames.map { .string($0) }) }
        return Manifest(apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", name: route.name,
                        namespace: namespace, labels: labels, body: ["spec": .map(spec)])
    }

    /// Lets the system namespace's HTTPRoutes reference Services in `namespace`.
    func referenceGrant(namespace: String, kinds: Set<String>, labels: ManifestMap) -> Manifest {
        let to: [ManifestValue] = kinds.sorted().map { kind in ["group": "", "kind": .string(kind)] }
        return Manifest(apiVersion: "gateway.networking.k8s.io/v1", kind: "ReferenceGrant", name: "\(Conventions.gatewayName)-routes",
                        namespace: namespace, labels: labels, body: ["spec": [
                            "from": [["group": "gateway.networking.k8s.io", "kind": "HTTPRoute",
                                      "namespace": .string(Conventions.systemNamespace)]],
                            "to": .list(to),
                        ]])
    }
}
