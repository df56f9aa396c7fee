import PlatformDiagnostics

/// Every flow the platform needs, read from the emitted objects and the pods the controllers
/// derive from them, so it follows whatever path the emitters chose (a route straight to an
/// InferencePool, or through LiteLLM): client → Gateway listener (HTTPRoute parentRefs), Gateway →
/// each backendRef (Service or InferencePool) and the pool's endpoint picker, picker → model pods
/// and API server, LiteLLM → each `model_list` api_base, Prometheus → each PodMonitor and
/// ServiceMonitor port, every pod → DNS, model → its weight source, LWS leader ↔ workers, agent →
/// its model, MCP servers and the kagent controller, training nodes ↔ each other. One pass over
/// each cluster's objects and pods with the lookups indexed, so it stays linear in their number.
package enum TrafficDerivation {
    package static func derive(_ plan: PlannedPlatform, manifests: ManifestSet, pods: [DerivedPod]) -> [TrafficGraph] {
        let spec = SpecIndex(plan.platform)
        var podsByCluster: [String: [DerivedPod]] = [:]
        for pod in pods { podsByCluster[pod.cluster, default: []].append(pod) }
        // Clusters are independent: each on its own core, the graphs in cluster order.
        return manifests.clusters.concurrentMap { [podsByCluster] cluster in
            var objects = ClusterObjects(cluster.manifests, pods: podsByCluster[cluster.name] ?? [])
            objects.tenants = spec.tenants
            return ClusterTraffic(cluster: cluster.name, objects: objects, spec: spec).graph()
        }
    }
}

/// Spec entries by name, for the line a flow points at.
struct SpecIndex {
    var routes: [String: SourceLocation] = [:]
    var models: [String: Model] = [:]
    var providers: [String: SourceLocation] = [:]
    var tenants: Set<String> = []

    init(_ platform: Platform) {
        for route in platform.routes where routes[route.name] == nil { routes[route.name] = route.location }
        for model in platform.models where models[model.name] == nil { models[model.name] = model }
        for provider in platform.providers where providers[provider.name] == nil { providers[provider.name] = provider.location }
        tenants = Set(platform.teams.map(\.namespace))
    }
}

/// One cluster's objects and pods, indexed by what flows look up.
struct ClusterObjects {
    var byID: [ManifestID: Manifest] = [:]
    var byKindName: [KindName: Manifest] = [:]
    var groups: [PodGroup: [DerivedPod]] = [:]
    var groupsByOwner: [ManifestID: [PodGroup]] = [:]
    var groupsByNamespace: [String: [PodGroup]] = [:]
    var groupsByRole: [DerivedPod.Role: [PodGroup]] = [:]
    var namespaceLabels: [String: [String: String]] = [:]
    var tenants: Set<String> = []
    var kinds: [String: [Manifest]] = [:]

    init(_ manifests: [Manifest], pods: [DerivedPod]) {
        for manifest in manifests {
            // The id once: its fields are the object's, each a lookup in its map.
            let id = manifest.id
            byID[id] = manifest
            byKindName[KindName(kind: id.kind, namespace: id.namespace ?? "", name: id.name)] = manifest
            kinds[id.kind, default: []].append(manifest)
            if id.kind == "Namespace" {
                var labels: [String: String] = [:]
                for entry in manifest.labels { labels[entry.key] = entry.value.stringValue ?? "" }
                namespaceLabels[id.name] = labels
            }
        }
        for pod in pods {
            let group = PodGroup(namespace: pod.namespace, workload: pod.workload, role: pod.role)
            if groups[group] == nil {
                groupsByOwner[pod.owner, default: []].append(group)
                groupsByNamespace[pod.namespace, default: []].append(group)
                groupsByRole[pod.role, default: []].append(group)
            }
            groups[group, default: []].append(pod)
        }
    }

    /// An object's key among those of its cluster (a struct: no string built per lookup).
    struct KindName: Hashable {
        var kind: String
        var namespace: String
        var name: String
    }

    func object(_ kind: String, _ namespace: String?, _ name: String) -> Manifest? {
        byKindName[KindName(kind: kind, namespace: namespace ?? "", name: name)]
    }

    /// Groups of `namespace` whose every pod carries `selector`.
    func groups(in namespace: String, selecting selector: LabelSelector) -> [PodGroup] {
        (groupsByNamespace[namespace] ?? []).filter { group in (groups[group] ?? []).allSatisfy { selector.matches($0.labels) } }.sorted()
    }

    /// The pods behind a Service port: (group, port on the pod) for the Service's port `port`
    /// (every port when nil); a named targetPort is looked up in the pod's container ports.
    func serviceTargets(namespace: String, name: String, port: Int?) -> [(PodGroup, NetworkPort)] {
        guard let service = object("Service", namespace, name), let selector = service.object["spec"]?["selector"]?.mapValue,
              !selector.isEmpty else { return [] }
        var labels: [String: String] = [:]
        for entry in selector { labels[entry.key] = entry.value.stringValue ?? "" }
        let targets = groups(in: namespace, selecting: LabelSelector(matchLabels: labels))
        var out: [(PodGroup, NetworkPort)] = []
        for entry in service.object["spec"]?["ports"]?.listValue ?? [] {
            guard let number = entry["port"]?.intValue, port == nil || Int(number) == port else { continue }
            let proto = entry["protocol"]?.stringValue ?? "TCP"
            for group in targets {
                if let name = entry["targetPort"]?.stringValue {
                    guard let pod = groups[group]?.first, let resolved = NamedPorts.of(pod.podSpec)[name] else { continue }
                    out.append((group, resolved))
                } else {
                    out.append((group, NetworkPort(Int(entry["targetPort"]?.intValue ?? number), proto)))
                }
            }
        }
        return out
    }
}

/// A host a URL names: an in-cluster Service (`name.ns`, `name.ns.svc`, `name.ns.svc.cluster.local`)
/// or an outside address.
package struct URLTarget {
    package var service: String?
    package var namespace: String?
    package var port: Int

    package init?(_ url: String) {
        guard let scheme = url.range(of: "://") else { return nil }
        let secure = url[..<scheme.lowerBound].lowercased() == "https"
        var rest = url[scheme.upperBound...]
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        var host = String(rest)
        port = secure ? 443 : 80
        if let colon = host.lastIndex(of: ":"), let number = Int(host[host.index(after: colon)...]) {
            port = number
            host = String(host[..<colon])
        }
        let labels = host.split(separator: ".").map(String.init)
        let inCluster = labels.count == 2 || (labels.count == 3 && labels[2] == "svc") || host.hasSuffix(".svc.cluster.local")
        if inCluster, labels.count >= 2 {
            service = labels[0]
            namespace = labels[1]
        }
    }
}
