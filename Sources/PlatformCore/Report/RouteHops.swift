/// The hops of one HTTPRoute as the emitted object states them: the client reaches the route's
/// parent Gateways, the route matches hostnames and paths, and each rule sends traffic to its
/// weighted backends (an InferencePool or a Service). Read from the object, not the spec, so the
/// picture shows what the cluster will be told; the fields are Gateway API v1's HTTPRoute
/// (kubernetes-sigs/gateway-api apis/v1/httproute_types.go: spec.parentRefs, spec.hostnames,
/// spec.rules[].matches[].path.value, spec.rules[].backendRefs[].{group,kind,name,namespace,weight};
/// apis/v1/shared_types.go `BackendRef.Weight`: the share is weight / Σ weights of the list, and
/// an unset weight is 1).
public struct RouteHops: Hashable, Sendable {
    public struct Backend: Hashable, Sendable {
        public var kind: String
        public var name: String
        public var namespace: String
        /// The share of the rule's traffic in percent (weights default to 1, as Gateway API says).
        public var percent: Int
    }

    public var cluster: String
    public var name: String
    public var namespace: String
    /// `namespace/name` of each parent Gateway.
    public var gateways: [String]
    public var hostnames: [String]
    public var paths: [String]
    public var backends: [Backend]
    /// External fallbacks (`provider/model`), reached through LiteLLM; from the spec's route.
    public var fallbacks: [String] = []

    /// The hops of an HTTPRoute object; nil for any other kind.
    public init?(_ manifest: Manifest, cluster: String) {
        guard manifest.kind == "HTTPRoute", manifest.group == "gateway.networking.k8s.io" else { return nil }
        let spec = manifest.value["spec"]
        let namespace = manifest.namespace ?? "default"
        self.cluster = cluster
        name = manifest.name
        self.namespace = namespace
        gateways = (spec?["parentRefs"]?.listValue ?? []).compactMap { ref in
            ref["name"]?.stringValue.map { "\(ref["namespace"]?.stringValue ?? namespace)/\($0)" }
        }
        hostnames = (spec?["hostnames"]?.listValue ?? []).compactMap(\.stringValue)
        var paths: [String] = []
        var backends: [Backend] = []
        for rule in spec?["rules"]?.listValue ?? [] {
            for match in rule["matches"]?.listValue ?? [] {
                if let path = match["path"]?["value"]?.stringValue, !paths.contains(path) { paths.append(path) }
            }
            let refs = rule["backendRefs"]?.listValue ?? []
            let weights = refs.map { max(0, $0["weight"]?.intValue ?? 1) }
            let total = max(1, weights.reduce(0, +))
            for (ref, weight) in zip(refs, weights) {
                backends.append(Backend(kind: ref["kind"]?.stringValue ?? "Service", name: ref["name"]?.stringValue ?? "",
                                        namespace: ref["namespace"]?.stringValue ?? namespace,
                                        percent: Int((weight * 100 + total / 2) / total)))
            }
        }
        self.paths = paths.isEmpty ? ["/"] : paths
        self.backends = backends
    }

    /// Every route of a manifest set, by cluster then namespace and name.
    public static func all(in manifests: ManifestSet) -> [RouteHops] {
        manifests.clusters.flatMap { cluster in cluster.manifests.compactMap { RouteHops($0, cluster: cluster.name) } }
            .sorted { ($0.cluster, $0.namespace, $0.name) < ($1.cluster, $1.namespace, $1.name) }
    }
}
