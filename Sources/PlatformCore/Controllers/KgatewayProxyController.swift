/// kgateway (kgateway-dev/kgateway v2.0.0, commit 06ff8b9): for a Gateway of class `kgateway` the
/// deployer renders its proxy chart with the Gateway's name as release name and sets every object's
/// namespace to the Gateway's (`internal/kgateway/deployer/deployer.go`, renderChartToObjects;
/// getValues sets `gateway.name` to the Gateway's name).
/// - Pod labels `app.kubernetes.io/name: <gateway>`, `app.kubernetes.io/instance: <gateway>`,
///   `gateway.networking.k8s.io/gateway-name: <gateway>`
///   (`internal/kgateway/helm/gloo-gateway/templates/_helpers.tpl`, gloo-gateway.gateway.selectorLabels).
/// - ServiceAccount named after the Gateway (`templates/gateway/proxy-deployment.yaml`).
/// - Container ports: each listener port, below 1024 moved up by 8000
///   (`internal/kgateway/ports/ports.go`, TranslatePort; `deployer/values_helpers.go`, getPortsValues).
/// - One replica unless GatewayParameters say otherwise (we emit none).
enum KgatewayProxyController {
    static let fact = "kgateway v2.0.0 deployer: proxy Deployment <gateway> in the Gateway's namespace, labels "
        + "gateway.networking.k8s.io/gateway-name=<gateway>, listener ports < 1024 + 8000 (internal/kgateway/deployer/deployer.go, "
        + "helm/gloo-gateway/templates/_helpers.tpl, ports/ports.go)"
    static func targetPort(_ listener: Int) -> Int { listener >= 1024 ? listener : listener + 8000 }

    static func pods(_ gateway: Manifest, cluster: String, origins: WorkloadOrigins) -> [DerivedPod] {
        guard gateway.object["spec"]?["gatewayClassName"]?.stringValue == Conventions.gatewayClassName else { return [] }
        var ports: Set<NetworkPort> = []
        for listener in gateway.object["spec"]?["listeners"]?.listValue ?? [] {
            guard let port = listener["port"]?.intValue else { continue }
            ports.insert(NetworkPort(targetPort(Int(port))))
        }
        let labels = ["app.kubernetes.io/name": gateway.name, "app.kubernetes.io/instance": gateway.name,
                      "gateway.networking.k8s.io/gateway-name": gateway.name]
        // The proxy's containers come from kgateway's chart and GatewayParameters, which we do not
        // emit: only what the pod is known to be (account, ports) is modelled, so no check
        // invents findings about containers it cannot see.
        let spec: ManifestMap = ["serviceAccountName": .string(gateway.name)]
        return [DerivedPod(cluster: cluster, namespace: gateway.namespace ?? "default", workload: gateway.name, role: .gatewayProxy,
                           labels: labels, ports: ports.sorted(), serviceAccount: gateway.name, podSpec: spec, owner: gateway.id,
                           declaredAt: origins.routes, count: 1).derived(by: fact)]
    }
}
