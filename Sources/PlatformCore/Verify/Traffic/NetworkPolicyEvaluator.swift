/// Whether one cluster's NetworkPolicies let a connection through, as Kubernetes decides it
/// (kubernetes.io/docs/concepts/services-networking/network-policies; k8s.io/api
/// `networking/v1/types.go`): a pod selected by no policy of a direction is open in that
/// direction; otherwise the connection needs a rule of a selecting policy on the sender's egress
/// and one on the receiver's ingress. `podSelector`/`namespaceSelector` with `matchLabels` and
/// `matchExpressions`, `ipBlock` (`cidr`, `except`), `ports` (number or container port name,
/// `endPort`, protocol TCP by default) and `policyTypes` (absent: Ingress, plus Egress when the
/// policy has egress rules). Policies are indexed by namespace and selector label, so a check
/// reads only the policies that can select its pods.
package struct NetworkPolicyEvaluator: Sendable {
    /// One end of a connection: a pod (namespace, labels, named container ports) or an address
    /// outside the pod network.
    package struct Endpoint: Hashable, Sendable {
        /// nil outside the pod network (no policy selects it).
        package var namespace: String?
        package var labels: [String: String]
        /// The address a policy's `ipBlock` sees.
        package var address: IPv4Address
        /// Container port names → ports, for policies that name ports.
        package var namedPorts: [String: NetworkPort]

        package init(namespace: String?, labels: [String: String] = [:], address: IPv4Address = .podNetwork,
                    namedPorts: [String: NetworkPort] = [:]) {
            self.namespace = namespace
            self.labels = labels
            self.address = address
            self.namedPorts = namedPorts
        }

        /// A pod of `namespace`.
        package static func pod(_ namespace: String, labels: [String: String] = [:], namedPorts: [String: NetworkPort] = [:]) -> Endpoint {
            Endpoint(namespace: namespace, labels: labels, address: .podNetwork, namedPorts: namedPorts)
        }
        /// A public address (a client, a model hub, an external provider).
        package static let internet = Endpoint(namespace: nil, address: .publicInternet)
        /// A private address outside the pod network: the API server behind the `kubernetes` Service.
        package static let apiServer = Endpoint(namespace: nil, address: .controlPlane)
    }

    /// What one direction said.
    package enum Side: Hashable, Sendable {
        /// No policy of this direction selects the pod (or it is outside the pod network).
        case unrestricted
        /// Allowed by these policies (`namespace/name`).
        case allowed(by: [String])
        /// These policies select the pod and none of their rules allows the connection.
        case denied(selectedBy: [String])

        package var allows: Bool { if case .denied = self { return false } else { return true } }
    }

    package struct Decision: Hashable, Sendable {
        package var egress: Side
        package var ingress: Side
        package var allowed: Bool { egress.allows && ingress.allows }
    }

    struct Policy: Sendable {
        var id: String
        var namespace: String
        var selector: LabelSelector
        var types: Set<String>
        var ingress: [Rule]
        var egress: [Rule]
    }

    struct Rule: Sendable {
        /// nil: every peer.
        var peers: [Peer]?
        /// nil: every port.
        var ports: [PortMatch]?
    }

    enum Peer: Sendable {
        case pods(namespaces: LabelSelector?, pods: LabelSelector?)
        case block(cidr: IPv4Network, except: [IPv4Network])
    }

    struct PortMatch: Sendable {
        var proto: String
        var number: Int?
        var name: String?
        var endPort: Int?
    }

    private var byNamespace: [String: PolicyIndex] = [:]
    private let namespaceLabels: [String: [String: String]]

    /// `policies`: the NetworkPolicies of one cluster. `namespaceLabels`: labels of the Namespaces
    /// the platform emits (every namespace also carries `kubernetes.io/metadata.name`).
    package init(policies: [Manifest], namespaceLabels: [String: [String: String]] = [:]) {
        self.namespaceLabels = namespaceLabels
        for manifest in policies where manifest.kind == "NetworkPolicy" {
            let policy = Self.parse(manifest)
            byNamespace[policy.namespace, default: PolicyIndex()].add(policy)
        }
    }

    package func check(from source: Endpoint, to destination: Endpoint, port: NetworkPort?) -> Decision {
        let egress = side(of: source, types: "Egress", port: port) { policy in
            policy.egress.contains { rule in
                Self.matches(rule.ports, port, named: destination.namedPorts)
                    && peers(rule.peers, match: destination, policyNamespace: policy.namespace)
            }
        }
        let ingress = side(of: destination, types: "Ingress", port: port) { policy in
            policy.ingress.contains { rule in
                Self.matches(rule.ports, port, named: destination.namedPorts)
                    && peers(rule.peers, match: source, policyNamespace: policy.namespace)
            }
        }
        return Decision(egress: egress, ingress: ingress)
    }

    /// Shorthand for tests and the cross-tenant check.
    package func allows(_ source: Endpoint, _ destination: Endpoint, _ port: NetworkPort?) -> Bool {
        check(from: source, to: destination, port: port).allowed
    }

    private func side(of pod: Endpoint, types: String, port: NetworkPort?, allows: (Policy) -> Bool) -> Side {
        guard let namespace = pod.namespace, let index = byNamespace[namespace] else { return .unrestricted }
        let selecting = index.selecting(pod.labels, type: types)
        guard !selecting.isEmpty else { return .unrestricted }
        let allowing = selecting.filter(allows).map(\.id).sorted()
        return allowing.isEmpty ? .denied(selectedBy: selecting.map(\.id).sorted()) : .allowed(by: allowing)
    }

    private func peers(_ peers: [Peer]?, match endpoint: Endpoint, policyNamespace: String) -> Bool {
        guard let peers else { return true }
        return peers.contains { peer in
            switch peer {
            case let .block(cidr, except):
                return cidr.contains(endpoint.address) && !except.contains { $0.contains(endpoint.address) }
            case let .pods(namespaces, pods):
                guard let namespace = endpoint.namespace else { return false }
                let namespaceOK: Bool
                if let namespaces {
                    var labels = namespaceLabels[namespace] ?? [:]
                    labels["kubernetes.io/metadata.name"] = namespace
                    namespaceOK = namespaces.matches(labels)
                } else {
                    namespaceOK = namespace == policyNamespace
                }
                return namespaceOK && (pods?.matches(endpoint.labels) ?? true)
            }
        }
    }

    static func matches(_ ports: [PortMatch]?, _ port: NetworkPort?, named: [String: NetworkPort]) -> Bool {
        guard let ports, !ports.isEmpty else { return true }
        // A connection on "every port" (NCCL, torch.distributed) passes only a rule that opens every port.
        guard let port else { return false }
        return ports.contains { match in
            guard match.proto == port.proto else { return false }
            if let name = match.name { return named[name] == port }
            guard let number = match.number else { return true }
            return port.port >= number && port.port <= (match.endPort ?? number)
        }
    }
}

/// NetworkPolicies of one namespace, bucketed by one label of their selector so that a pod reads
/// only those that could select it.
struct PolicyIndex: Sendable {
    private var policies: [NetworkPolicyEvaluator.Policy] = []
    /// Positions in `policies`: a lookup copies only the policies that select the pod.
    private var everyPod: [Int] = []
    /// Label key → value → positions: a pod's label is looked up without building a `key=value` string.
    private var byLabel: [String: [String: [Int]]] = [:]

    mutating func add(_ policy: NetworkPolicyEvaluator.Policy) {
        if let (key, value) = policy.selector.indexLabel {
            byLabel[key, default: [:]][value, default: []].append(policies.count)
        } else {
            everyPod.append(policies.count)
        }
        policies.append(policy)
    }

    /// The policies of `type` (`Ingress`, `Egress`) that select a pod with `labels`.
    func selecting(_ labels: [String: String], type: String) -> [NetworkPolicyEvaluator.Policy] {
        var found: [NetworkPolicyEvaluator.Policy] = []
        func consider(_ positions: [Int]) {
            for position in positions where policies[position].types.contains(type) && policies[position].selector.matches(labels) {
                found.append(policies[position])
            }
        }
        consider(everyPod)
        for (key, value) in labels {
            if let positions = byLabel[key]?[value] { consider(positions) }
        }
        return found
    }
}

extension NetworkPolicyEvaluator {
    /// Who the ingress rules of the policies selecting `destination` admit, for the cross-tenant
    /// check: nil when every source is admitted (no policy selects it, or a rule admits every peer
    /// or the pod network); otherwise each admitting peer with the ports of its rule.
    package struct Admission: Sendable {
        package var namespaces: LabelSelector?
        package var pods: LabelSelector?
        /// The policy's own namespace, where a peer without `namespaceSelector` looks.
        package var policyNamespace: String
        /// nil: every port.
        package var ports: [NetworkPort]?
    }

    package func admissions(of destination: Endpoint) -> [Admission]? {
        guard let namespace = destination.namespace, let index = byNamespace[namespace] else { return nil }
        let selecting = index.selecting(destination.labels, type: "Ingress")
        guard !selecting.isEmpty else { return nil }
        var out: [Admission] = []
        for policy in selecting {
            for rule in policy.ingress {
                let ports = rule.ports.map { matches in
                    matches.flatMap { match -> [NetworkPort] in
                        if let name = match.name { return destination.namedPorts[name].map { [$0] } ?? [] }
                        guard let number = match.number else { return [] }
                        return [NetworkPort(number, match.proto)]
                    }
                }
                guard let peers = rule.peers else { return nil }
                for peer in peers {
                    switch peer {
                    case let .block(cidr, except):
                        if cidr.contains(.podNetwork) && !except.contains(where: { $0.contains(.podNetwork) }) { return nil }
                    case let .pods(namespaces, pods):
                        out.append(Admission(namespaces: namespaces, pods: pods, policyNamespace: policy.namespace, ports: ports))
                    }
                }
            }
        }
        return out
    }
}
