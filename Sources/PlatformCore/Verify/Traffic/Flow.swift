import PlatformDiagnostics

/// The derived pods of one workload in one role (a model's servers, its LWS leaders, an agent,
/// a job's nodes): what a flow connects and what a NetworkPolicy selects.
package struct PodGroup: Hashable, Comparable, Sendable {
    package var namespace: String
    package var workload: String
    package var role: DerivedPod.Role

    package static func < (a: PodGroup, b: PodGroup) -> Bool {
        (a.namespace, a.workload, a.role.rawValue) < (b.namespace, b.workload, b.role.rawValue)
    }
    package var description: String { "\(namespace)/\(workload) (\(role.rawValue))" }
}

/// A connection the platform needs to work, found in the emitted objects (an HTTPRoute's
/// backendRef, an InferencePool's endpoint picker, LiteLLM's `model_list`, a PodMonitor, an
/// Agent's ModelConfig…), with the object that carries it and the spec line that declared it.
package struct Flow: Hashable, Sendable {
    package enum Endpoint: Hashable, Comparable, Sendable {
        case pods(PodGroup)
        /// Pods of a namespace we emit nothing for (an MCP server at `svc.ns`): labels unknown.
        case namespace(String)
        case clusterDNS
        /// Public addresses: model hubs, external providers and MCP servers.
        case internet
        /// The API server, a private address outside the pod network.
        case apiServer
        /// The platform's clients, from outside the cluster.
        case clients

        package var description: String {
            switch self {
            case let .pods(group): return "\(group.namespace)/\(group.workload) (\(group.role.rawValue))"
            case let .namespace(ns): return "pods of `\(ns)`"
            case .clusterDNS: return "\(ClusterDNS.namespace)/coredns"
            case .internet: return "internet"
            case .apiServer: return "API server"
            case .clients: return "clients"
            }
        }
        var group: PodGroup? { if case let .pods(g) = self { return g } else { return nil } }
    }

    package var cluster: String
    package var source: Endpoint
    package var destination: Endpoint
    /// nil: every port (NCCL and torch.distributed pick theirs at run time).
    package var port: NetworkPort?
    /// What the hop is for, shown in `explain traffic` (`gateway → InferencePool backend`).
    package var purpose: String
    /// The emitted object that makes the flow needed.
    package var carrier: ManifestID?
    /// The spec entry that declared it (`route \`chat\``) and where.
    package var subject: String
    package var declaredAt: SourceLocation?
    /// The route the flow serves, for `explain traffic`.
    package var route: String?

    package var portText: String {
        guard let port else { return "every port" }
        return port.proto == "TCP" ? "\(port.port)" : "\(port.port)/\(port.proto)"
    }
}

/// One cluster's derived pods, grouped, and the flows between them.
package struct TrafficGraph: Sendable {
    package var cluster: String
    package var groups: [PodGroup: [DerivedPod]]
    package var flows: [Flow]
    /// Team namespaces (tenants) of the cluster.
    package var tenants: Set<String>
    /// Labels of the Namespaces emitted in the cluster.
    package var namespaceLabels: [String: [String: String]]

    /// The labels every pod of `group` carries.
    package func commonLabels(_ group: PodGroup) -> [String: String] {
        Self.common(groups[group] ?? [])
    }

    static func common(_ pods: [DerivedPod]) -> [String: String] {
        guard var labels = pods.first?.labels else { return [:] }
        for pod in pods.dropFirst() { labels = labels.filter { pod.labels[$0.key] == $0.value } }
        return labels
    }

    /// The endpoints of a flow end for the evaluator: one per distinct pod of a group.
    func probes(_ endpoint: Flow.Endpoint) -> [NetworkPolicyEvaluator.Endpoint] {
        switch endpoint {
        case let .pods(group):
            var seen = Set<NetworkPolicyEvaluator.Endpoint>()
            return (groups[group] ?? []).compactMap { pod in
                let probe = NetworkPolicyEvaluator.Endpoint.pod(pod.namespace, labels: pod.labels, namedPorts: NamedPorts.of(pod.podSpec))
                return seen.insert(probe).inserted ? probe : nil
            }
        case let .namespace(ns): return [.pod(ns)]
        case .clusterDNS: return [.pod(ClusterDNS.namespace, labels: ClusterDNS.labels,
                                       namedPorts: ["dns": NetworkPort(53, "UDP"), "dns-tcp": NetworkPort(53, "TCP")])]
        case .internet, .clients: return [.internet]
        case .apiServer: return [.apiServer]
        }
    }
}

/// Container port names of a pod spec.
enum NamedPorts {
    static func of(_ spec: ManifestMap) -> [String: NetworkPort] {
        var named: [String: NetworkPort] = [:]
        for list in ["initContainers", "containers"] {
            for container in spec[list]?.listValue ?? [] {
                for port in container["ports"]?.listValue ?? [] {
                    guard let name = port["name"]?.stringValue, let number = port["containerPort"]?.intValue else { continue }
                    named[name] = NetworkPort(Int(number), port["protocol"]?.stringValue ?? "TCP")
                }
            }
        }
        return named
    }
}
