import PlatformDiagnostics

/// The flows of one cluster (see `TrafficDerivation`).
struct ClusterTraffic {
    var cluster: String
    var objects: ClusterObjects
    var spec: SpecIndex
    var flows: [Flow] = []

    init(cluster: String, objects: ClusterObjects, spec: SpecIndex) {
        self.cluster = cluster
        self.objects = objects
        self.spec = spec
    }

    consuming func graph() -> TrafficGraph {
        for route in objects.kinds["HTTPRoute"] ?? [] { routeFlows(route) }
        for pool in objects.kinds["InferencePool"] ?? [] { pickerFlows(pool) }
        for group in objects.groupsByRole[.liteLLM] ?? [] { liteLLMFlows(group) }
        for monitor in (objects.kinds["PodMonitor"] ?? []) + (objects.kinds["ServiceMonitor"] ?? []) { scrapeFlows(monitor) }
        for group in objects.groups.keys.sorted() { workloadFlows(group) }
        return TrafficGraph(cluster: cluster, groups: objects.groups, flows: flows, tenants: objects.tenants,
                            namespaceLabels: objects.namespaceLabels)
    }

    mutating func add(_ source: Flow.Endpoint, _ destination: Flow.Endpoint, _ port: NetworkPort?, _ purpose: String,
                      carrier: ManifestID?, subject: String, at location: SourceLocation?, route: String? = nil) {
        flows.append(Flow(cluster: cluster, source: source, destination: destination, port: port, purpose: purpose, carrier: carrier,
                          subject: subject, declaredAt: location, route: route))
    }

    func declared(_ group: PodGroup) -> SourceLocation? { objects.groups[group]?.lazy.compactMap(\.declaredAt).first }

    // MARK: routes

    mutating func routeFlows(_ route: Manifest) {
        let namespace = route.namespace ?? "default"
        var location = spec.routes[route.name]
        var subject = "route `\(route.name)`"
        if location == nil, let model = poolModel(of: route) {
            // The internal Gateway's HTTPRoute `MODEL-pool` (docs/traffic.md) is no spec route:
            // what needs it is the model LiteLLM reaches through it.
            location = spec.models[model]?.location
            subject = "model `\(model)`"
        }
        // Each object's id worked out once, not once per flow it carries.
        let routeID = route.id
        var proxies: [PodGroup] = []
        for parent in route.object["spec"]?["parentRefs"]?.listValue ?? [] {
            guard (parent["kind"]?.stringValue ?? "Gateway") == "Gateway",
                  let name = parent["name"]?.stringValue,
                  let gateway = objects.object("Gateway", parent["namespace"]?.stringValue ?? namespace, name) else { continue }
            let gatewayID = gateway.id
            let groups = (objects.groupsByOwner[gatewayID] ?? []).filter { $0.role == .gatewayProxy }
            proxies += groups
            let section = parent["sectionName"]?.stringValue
            for listener in gateway.object["spec"]?["listeners"]?.listValue ?? [] {
                guard section == nil || listener["name"]?.stringValue == section, let port = listener["port"]?.intValue else { continue }
                for group in groups {
                    // kgateway's proxy listens on a container port named after the listener.
                    let resolved = listener["name"]?.stringValue.flatMap { name in
                        objects.groups[group]?.first.flatMap { NamedPorts.of($0.podSpec)[name] }
                    }
                    add(.clients, .pods(group), resolved ?? NetworkPort(Int(port)),
                        "client → Gateway listener `\(listener["name"]?.stringValue ?? "")`",
                        carrier: gatewayID, subject: subject, at: location, route: route.name)
                }
            }
        }
        for rule in route.object["spec"]?["rules"]?.listValue ?? [] {
            for backend in rule["backendRefs"]?.listValue ?? [] {
                guard let name = backend["name"]?.stringValue else { continue }
                let ns = backend["namespace"]?.stringValue ?? namespace
                switch backend["kind"]?.stringValue ?? "Service" {
                case "InferencePool":
                    guard let pool = objects.object("InferencePool", ns, name) else { continue }
                    let targets = poolTargets(pool), poolID = pool.id
                    for proxy in proxies {
                        for (group, port) in targets {
                            add(.pods(proxy), .pods(group), port, "Gateway → InferencePool `\(ns)/\(name)`", carrier: routeID,
                                subject: subject, at: location, route: route.name)
                        }
                        for (group, port) in pickerTargets(pool) {
                            add(.pods(proxy), .pods(group), port, "Gateway → endpoint picker of `\(ns)/\(name)` (ext_proc)",
                                carrier: poolID,
                                subject: subject, at: location, route: route.name)
                        }
                    }
                case "Service":
                    let port = backend["port"]?.intValue.map(Int.init)
                    for proxy in proxies {
                        for (group, target) in objects.serviceTargets(namespace: ns, name: name, port: port) {
                            add(.pods(proxy), .pods(group), target, "Gateway → Service `\(ns)/\(name)`", carrier: routeID,
                                subject: subject, at: location, route: route.name)
                        }
                    }
                default: continue
                }
            }
        }
    }

    /// The model of the first InferencePool a route sends to (its `platformc.dev/model` label, else its name).
    func poolModel(of route: Manifest) -> String? {
        let namespace = route.namespace ?? "default"
        for rule in route.object["spec"]?["rules"]?.listValue ?? [] {
            for backend in rule["backendRefs"]?.listValue ?? [] where backend["kind"]?.stringValue == "InferencePool" {
                guard let name = backend["name"]?.stringValue else { continue }
                let pool = objects.object("InferencePool", backend["namespace"]?.stringValue ?? namespace, name)
                return pool?.labels["platformc.dev/model"]?.stringValue ?? name
            }
        }
        return nil
    }

    func poolTargets(_ pool: Manifest) -> [(PodGroup, NetworkPort)] {
        let selector = LabelSelector(pool.object["spec"]?["selector"]) ?? LabelSelector()
        let groups = objects.groups(in: pool.namespace ?? "default", selecting: selector)
        let ports = (pool.object["spec"]?["targetPorts"]?.listValue ?? []).compactMap { $0["number"]?.intValue }
        return groups.flatMap { group in ports.map { (group, NetworkPort(Int($0))) } }
    }

    func pickerTargets(_ pool: Manifest) -> [(PodGroup, NetworkPort)] {
        guard let ref = pool.object["spec"]?["endpointPickerRef"], let name = ref["name"]?.stringValue else { return [] }
        return objects
            .serviceTargets(namespace: pool.namespace ?? "default", name: name, port: ref["port"]?["number"]?.intValue.map(Int.init))
    }

    // MARK: endpoint pickers, LiteLLM, Prometheus

    mutating func pickerFlows(_ pool: Manifest) {
        let targets = poolTargets(pool)
        let model = pool.labels["platformc.dev/model"]?.stringValue ?? pool.name
        let location = spec.models[model]?.location ?? targets.first.flatMap { declared($0.0) }
        let subject = "model `\(model)`", poolID = pool.id
        for (picker, _) in pickerTargets(pool) {
            for (group, port) in targets {
                add(.pods(picker), .pods(group), port, "endpoint picker → model servers (metrics, scheduling)", carrier: poolID,
                    subject: subject, at: location)
            }
            // The picker watches the pool and its pods (gateway-api-inference-extension `cmd/epp`).
            add(.pods(picker), .apiServer, NetworkPort(443), "endpoint picker → API server (watches)", carrier: poolID,
                subject: subject, at: location)
        }
    }

    mutating func liteLLMFlows(_ proxy: PodGroup) {
        guard let pod = objects.groups[proxy]?.first else { return }
        var names = (pod.podSpec["volumes"]?.listValue ?? []).compactMap { $0["configMap"]?["name"]?.stringValue }
        if names.isEmpty { names = [Conventions.liteLLMName] }
        for name in names {
            guard let map = objects.object("ConfigMap", proxy.namespace, name) else { continue }
            let mapID = map.id
            for text in (map.object["data"]?.mapValue ?? ManifestMap()).map(\.value) {
                guard let yaml = text.stringValue, let config = try? ManifestValue.parse(yaml: yaml) else { continue }
                for entry in config["model_list"]?.listValue ?? [] {
                    let modelName = entry["model_name"]?.stringValue ?? ""
                    let params = entry["litellm_params"]
                    let purpose = "LiteLLM → `\(modelName)`"
                    if let base = params?["api_base"]?.stringValue, let target = URLTarget(base) {
                        if let service = target.service, let ns = target.namespace {
                            for (group, port) in objects.serviceTargets(namespace: ns, name: service, port: target.port) {
                                add(.pods(proxy), .pods(group), port, purpose, carrier: mapID, subject: "model `\(modelName)`",
                                    at: spec.models[modelName]?.location ?? declared(group))
                            }
                        } else {
                            add(.pods(proxy), .internet, NetworkPort(target.port), purpose, carrier: mapID,
                                subject: "model `\(modelName)`",
                                at: providerLocation(modelName))
                        }
                    } else {
                        // Without api_base LiteLLM calls the provider's public API over HTTPS.
                        add(.pods(proxy), .internet, NetworkPort(443), purpose, carrier: mapID, subject: "model `\(modelName)`",
                            at: providerLocation(modelName))
                    }
                }
            }
        }
    }

    func providerLocation(_ modelName: String) -> SourceLocation? {
        modelName.split(separator: "/").first.flatMap { spec.providers[String($0)] }
    }

    mutating func scrapeFlows(_ monitor: Manifest) {
        let scrapers = objects.groupsByRole[.prometheus] ?? []
        guard !scrapers.isEmpty, let body = monitor.object["spec"] else { return }
        let selector = LabelSelector(body["selector"]) ?? LabelSelector()
        let namespaces: [String]
        if let names = body["namespaceSelector"]?["matchNames"]?.listValue {
            namespaces = names.compactMap(\.stringValue)
        } else if body["namespaceSelector"]?["any"]?.boolValue == true {
            namespaces = objects.groupsByNamespace.keys.sorted()
        } else {
            namespaces = [monitor.namespace ?? "default"]
        }
        var targets: [(PodGroup, NetworkPort)] = []
        if monitor.kind == "PodMonitor" {
            for ns in namespaces {
                for group in objects.groups(in: ns, selecting: selector) {
                    let named = objects.groups[group]?.first.map { NamedPorts.of($0.podSpec) } ?? [:]
                    for endpoint in body["podMetricsEndpoints"]?.listValue ?? [] {
                        if let number = endpoint["portNumber"]?.intValue { targets.append((group, NetworkPort(Int(number)))) }
                        else if let name = endpoint["port"]?.stringValue, let port = named[name] { targets.append((group, port)) }
                    }
                }
            }
        } else {
            for ns in namespaces {
                for service in objects.kinds["Service"] ?? [] where service.namespace == ns {
                    var labels: [String: String] = [:]
                    for entry in service.labels { labels[entry.key] = entry.value.stringValue ?? "" }
                    guard selector.matches(labels) else { continue }
                    let ports = service.object["spec"]?["ports"]?.listValue ?? []
                    for endpoint in body["endpoints"]?.listValue ?? [] {
                        guard let name = endpoint["port"]?.stringValue,
                              let number = ports.first(where: { $0["name"]?.stringValue == name })?["port"]?.intValue else { continue }
                        targets += objects.serviceTargets(namespace: ns, name: service.name, port: Int(number))
                    }
                }
            }
        }
        let monitorID = monitor.id
        for (group, port) in targets {
            for scraper in scrapers {
                add(.pods(scraper), .pods(group), port,
                    "Prometheus → metrics (\(monitor.kind) `\(monitor.namespace ?? "")/\(monitor.name)`)",
                    carrier: monitorID, subject: subjectOf(group), at: declared(group))
            }
        }
    }

    func subjectOf(_ group: PodGroup) -> String {
        switch group.role {
        case .modelServer, .modelLeader, .modelWorker: return "model `\(group.workload)`"
        case .agent: return "agent `\(group.workload)`"
        case .trainingNode: return "training job `\(group.workload)`"
        default: return "`\(group.workload)`"
        }
    }

    // MARK: what each workload needs

    mutating func workloadFlows(_ group: PodGroup) {
        let location = declared(group)
        let subject = subjectOf(group)
        let owner = objects.groups[group]?.first?.owner
        for port in ClusterDNS.ports {
            add(.pods(group), .clusterDNS, port, "DNS", carrier: owner, subject: subject, at: location)
        }
        switch group.role {
        case .modelServer, .modelLeader:
            if let model = spec.models[group.workload], !model.source.hasPrefix("pvc://") {
                add(.pods(group), .internet, NetworkPort(443), "weights from `\(model.source)`", carrier: owner, subject: subject,
                    at: location)
            }
            if group.role == .modelLeader {
                let workers = PodGroup(namespace: group.namespace, workload: group.workload, role: .modelWorker)
                if objects.groups[workers] != nil {
                    add(.pods(group), .pods(workers), nil, "LWS leader → workers (NCCL, torch.distributed)", carrier: owner,
                        subject: subject, at: location)
                    add(.pods(workers), .pods(group), nil, "LWS workers → leader (NCCL, torch.distributed)", carrier: owner,
                        subject: subject, at: location)
                    add(.pods(workers), .pods(workers), nil, "LWS workers ↔ workers (NCCL)", carrier: owner, subject: subject, at: location)
                }
            }
        case .modelWorker:
            if let model = spec.models[group.workload], !model.source.hasPrefix("pvc://") {
                add(.pods(group), .internet, NetworkPort(443), "weights from `\(model.source)`", carrier: owner, subject: subject,
                    at: location)
            }
        case .trainingNode:
            add(.pods(group), .pods(group), nil, "training nodes ↔ each other (rendezvous, NCCL)", carrier: owner, subject: subject,
                at: location)
        case .agent:
            if let owner, let agent = objects.byID[owner] { agentFlows(group, agent: agent, subject: subject, at: location) }
        default:
            break
        }
    }

    mutating func agentFlows(_ group: PodGroup, agent: Manifest, subject: String, at location: SourceLocation?) {
        let declarative = agent.object["spec"]?["declarative"], agentID = agent.id
        if let configName = declarative?["modelConfig"]?.stringValue,
           let config = objects.object("ModelConfig", group.namespace, configName) {
            for settings in (config.object["spec"]?.mapValue ?? ManifestMap()).map(\.value) {
                guard let base = settings["baseUrl"]?.stringValue, let target = URLTarget(base) else { continue }
                reach(group, target, "agent → its model (ModelConfig `\(configName)`)", carrier: config.id, subject: subject, at: location)
            }
        }
        for tool in declarative?["tools"]?.listValue ?? [] {
            guard let ref = tool["mcpServer"], let name = ref["name"]?.stringValue,
                  let server = objects
                      .object(ref["kind"]?.stringValue ?? "RemoteMCPServer", ref["namespace"]?.stringValue ?? group.namespace, name),
                  let url = server.object["spec"]?["url"]?.stringValue, let target = URLTarget(url) else { continue }
            reach(group, target, "agent → MCP server `\(name)`", carrier: server.id, subject: subject, at: location)
        }
        // kagent v0.9.12 gives every agent KAGENT_URL=http://kagent-controller.kagent:8083
        // (go/core/internal/controller/translator/agent/testdata/outputs/*.json; the Service's port
        // 8083 in helm/kagent/values.yaml), and the controller calls the agent over A2A.
        if let target = URLTarget(KagentController.url) {
            reach(group, target, "agent → kagent controller", carrier: agentID, subject: subject, at: location)
        }
        let controllers = (objects.groupsByRole[.kagentController] ?? []).filter { $0.namespace == KagentController.namespace }
        let callers: [Flow.Endpoint] = controllers.isEmpty ? [.namespace(KagentController.namespace)] : controllers.map { .pods($0) }
        for pod in objects.groups[group]?.first.map({ [$0] }) ?? [] {
            for port in pod.ports {
                for caller in callers {
                    add(caller, .pods(group), port, "kagent controller → agent (A2A)", carrier: agentID, subject: subject, at: location)
                }
            }
        }
    }

    /// A flow from `group` to what a URL names: the pods behind an in-cluster Service, pods of a
    /// namespace we do not emit, or the internet.
    mutating func reach(_ group: PodGroup, _ target: URLTarget, _ purpose: String, carrier: ManifestID?, subject: String,
        at location: SourceLocation?) {
        guard let service = target.service, let ns = target.namespace else {
            add(.pods(group), .internet, NetworkPort(target.port), purpose, carrier: carrier, subject: subject, at: location)
            return
        }
        let behind = objects.serviceTargets(namespace: ns, name: service, port: target.port)
        if !behind.isEmpty {
            for (destination, port) in behind {
                add(.pods(group), .pods(destination), port, purpose, carrier: carrier, subject: subject, at: location)
            }
            return
        }
        if ns == KagentController.namespace,
            let controller = (objects.groupsByRole[.kagentController] ?? []).first(where: { $0.namespace == ns }) {
            add(.pods(group), .pods(controller), NetworkPort(target.port), purpose, carrier: carrier, subject: subject, at: location)
            return
        }
        // A Service we do not emit: its pods' labels and target port are unknown, the Service port is assumed.
        add(.pods(group), .namespace(ns), NetworkPort(target.port), purpose, carrier: carrier, subject: subject, at: location)
    }
}

/// The kagent controller, as kagent v0.9.12 installs it: namespace `kagent` (utils `GetResourceNamespace`,
/// default), Service `kagent-controller` on 8083 (`helm/kagent/values.yaml`, controller.service.ports).
enum KagentController {
    static let namespace = Conventions.kagentNamespace
    static let url = "http://kagent-controller.kagent:8083"
}
