/// The hops of one HTTPRoute as the emitted object states them: the client reaches the route's
/// parent Gateways, the route matches hostnames and paths, and each rule sends traffic to its
/// weighted backends (an InferencePool or a Service). Read from the object, not the spec, so the
/// picture shows what the cluster will be told; the fields are Gateway API v1's HTTPRoute
/// (kubernetes-sigs/gateway-api apis/v1/httproute_types.go: spec.parentRefs, spec.hostnames,
/// spec.rules[].matches[].path.value, spec.rules[].backendRefs[].{group,kind,name,namespace,weight};
/// apis/v1/shared_types.go `BackendRef.Weight`: the share is weight / Σ weights of the list, and
/// an unset weight is 1).
package struct RouteHops: Hashable, Sendable {
    package struct Backend: Hashable, Sendable {
        package var kind: String
        package var name: String
        package var namespace: String
        /// The share of the rule's traffic in percent (weights default to 1, as Gateway API says).
        package var percent: Int
    }

    package var cluster: String
    package var name: String
    package var namespace: String
    /// `namespace/name` of each parent Gateway.
    package var gateways: [String]
    package var hostnames: [String]
    package var paths: [String]
    package var backends: [Backend]
    /// External fallbacks (`provider/model`), reached through LiteLLM; from the spec's route.
    package var fallbacks: [String] = []
    /// The proxy the route passes through before its backends (LiteLLM's Service), nil when the
    /// Gateway sends to the backends itself.
    package var via: String? = nil

    /// The hops of an HTTPRoute object; nil for any other kind.
    package init?(_ manifest: Manifest, cluster: String) {
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
    package static func all(in manifests: ManifestSet) -> [RouteHops] {
        manifests.clusters.flatMap { cluster in cluster.manifests.compactMap { RouteHops($0, cluster: cluster.name) } }
            .sorted { ($0.cluster, $0.namespace, $0.name) < ($1.cluster, $1.namespace, $1.name) }
    }
}

extension RouteHops {
    /// Whether the route's only backend is LiteLLM's Service (the `virtualKeys` path, docs/traffic.md).
    package var passesThroughLiteLLM: Bool {
        backends.count == 1 && backends[0].kind == "Service" && backends[0].name == Conventions.liteLLMName
            && backends[0].namespace == Conventions.systemNamespace
    }

    /// Follows LiteLLM to what it really sends to: the entries of its `model_list` named `model`
    /// (the name the route's clients send, `Route.clientModelName`) in the cluster's `litellm` ConfigMap, each weighted by
    /// `litellm_params.weight` (unset is 1, the simple-shuffle default). An entry whose `api_base`
    /// is the internal Gateway with the `x-platformc-pool` header reaches that InferencePool; one
    /// naming an in-cluster Service reaches the Service. Unchanged when the route does not pass
    /// through LiteLLM or the config names no such model.
    package mutating func followLiteLLM(model: String, manifests: [Manifest]) {
        guard passesThroughLiteLLM,
              let map = manifests.first(where: { $0.kind == "ConfigMap" && $0.name == Conventions.liteLLMName
                  && $0.namespace == Conventions.systemNamespace }) else { return }
        let groups = Self.liteLLMModels(map) { pool in manifests.first { $0.kind == "InferencePool" && $0.name == pool }?.namespace }
        guard let found = groups[model], !found.isEmpty else { return }
        via = "Service \(Conventions.systemNamespace)/\(Conventions.liteLLMName)"
        backends = found
    }

    /// LiteLLM's `model_list` in its ConfigMap, by `model_name`: each entry's backend and share of
    /// that name's traffic (`litellm_params.weight`, unset 1). `poolNamespace` finds an InferencePool's namespace.
    package static func liteLLMModels(_ map: Manifest, poolNamespace: (String) -> String?) -> [String: [Backend]] {
        var entries: [String: [(kind: String, name: String, namespace: String, weight: Int)]] = [:]
        for text in (map.value["data"]?.mapValue ?? ManifestMap()).map(\.value) {
            guard let yaml = text.stringValue, let config = try? ManifestValue.parse(yaml: yaml) else { continue }
            for entry in config["model_list"]?.listValue ?? [] {
                guard let model = entry["model_name"]?.stringValue else { continue }
                let params = entry["litellm_params"]
                let weight = max(0, Int(params?["weight"]?.intValue ?? 1))
                guard let base = params?["api_base"]?.stringValue, let target = URLTarget(base),
                      let service = target.service, let ns = target.namespace else { continue }
                if service == Conventions.internalGatewayName, let pool = params?["extra_headers"]?[Conventions.poolHeader]?.stringValue {
                    entries[model, default: []].append(("InferencePool", pool, poolNamespace(pool) ?? ns, weight))
                } else {
                    entries[model, default: []].append(("Service", service, ns, weight))
                }
            }
        }
        return entries.mapValues { list in
            let total = max(1, list.map(\.weight).reduce(0, +))
            return list
                .map { Backend(kind: $0.kind, name: $0.name, namespace: $0.namespace, percent: ($0.weight * 100 + total / 2) / total) }
        }
    }

    /// The hops of one LiteLLM model name: LiteLLM's Service, then its weighted backends.
    package init(liteLLMModel model: String, backends: [Backend], cluster: String) {
        self.cluster = cluster
        name = model
        namespace = Conventions.systemNamespace
        gateways = []
        hostnames = []
        paths = ["model \(model)"]
        self.backends = backends
        via = "Service \(Conventions.systemNamespace)/\(Conventions.liteLLMName)"
    }
}
