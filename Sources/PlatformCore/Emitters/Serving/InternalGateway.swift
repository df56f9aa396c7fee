/// The hop from LiteLLM to an InferencePool. Only a Gateway sends to an InferencePool (its endpoint
/// picker chooses the pod), so LiteLLM's requests for a pooled model go to a second Gateway whose proxy
/// Service is ClusterIP only (kgateway GatewayParameters `kube.service.type`), never reachable from
/// outside: clients cannot skip LiteLLM's keys and budgets through it. Each pool gets an HTTPRoute in
/// its own namespace (kgateway resolves an InferencePool only there: kgateway-dev/kgateway#11370),
/// matched on the header LiteLLM sets (`Conventions.poolHeader`), one InferencePool per rule with no
/// weights (weighted InferencePool rules fail: kgateway-dev/kgateway#11667).
enum InternalGateway {
    static func emit(pools: [ModelDeployment], routes: [Route], labels: ManifestMap, cluster: String, into context: inout EmitContext) {
        guard !pools.isEmpty else { return }
        let name = Conventions.internalGatewayName, system = Conventions.systemNamespace
        context.add(Manifest(apiVersion: "gateway.kgateway.dev/v1alpha1", kind: "GatewayParameters", name: name, namespace: system,
                             labels: labels, body: ["spec": ["kube": ["service": ["type": "ClusterIP"]]]]),
                    to: cluster, template: "gateway/gatewayparameters")
        let namespaces = Set(pools.map(\.namespace))
        context
            .add(Manifest(apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", name: name, namespace: system, labels: labels,
                body: ["spec": [
            "gatewayClassName": .string(Conventions.gatewayClassName),
            "infrastructure": ["parametersRef": ["group": "gateway.kgateway.dev", "kind": "GatewayParameters", "name": .string(name)]],
            "listeners": [["name": "http", "protocol": "HTTP", "port": 80,
                           "allowedRoutes": ["namespaces": GatewayEmitter.allowedNamespaces(namespaces)]]],
        ]]), to: cluster, template: "gateway/gateway")
        for d in pools {
            let timeout = routes.filter { $0.backends.contains { $0.model == d.model.name } }.map(\.timeoutSeconds).max()
            var rule: ManifestMap = [
                "matches": [["headers": [["type": "Exact", "name": .string(Conventions.poolHeader), "value": .string(d.model.name)]],
                             "path": ["type": "PathPrefix", "value": "/v1"]]],
                "backendRefs": [["group": "inference.networking.k8s.io", "kind": "InferencePool", "name": .string(d.name)]],
            ]
            if let timeout { rule["timeouts"] = ["request": .string("\(timeout)s")] }
            context.add(Manifest(apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", name: routeName(d.model.name),
                                 namespace: d.namespace, labels: labels, body: ["spec": [
                                    "parentRefs": [["group": "gateway.networking.k8s.io", "kind": "Gateway", "name": .string(name),
                                                    "namespace": .string(system)]],
                                    "rules": [.map(rule)],
                                 ]]), to: cluster, template: "gateway/httproute")
        }
    }

    /// The internal HTTPRoute of a model's pool.
    static func routeName(_ model: String) -> String { "\(model)-pool" }
}
