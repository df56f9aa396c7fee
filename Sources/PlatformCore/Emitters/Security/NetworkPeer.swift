/// One side of a NetworkPolicy rule, and the rule itself, as values: the emitter builds these and
/// renders them once, sorted, so that spec list order never shows in the output.
package enum NetworkPeer: Hashable, Sendable {
    /// Pods with `labels` in `namespace` (every pod of it when `labels` is empty).
    case pods(namespace: String, labels: ManifestMap)
    /// Addresses outside the cluster: everything but the private ranges pods and nodes live in,
    /// and link-local (the cloud metadata service at 169.254.169.254 hands out node credentials).
    case internet
    /// Any address, private ranges included: only for the API server, whose address is not known
    /// when compiling (the `kubernetes` Service is DNAT'd to the control plane's private addresses).
    case anywhere

    /// RFC 1918 ranges, excluded from `internet` so the rule never opens in-cluster traffic.
    package static let privateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]
    /// IPv4 link-local (RFC 3927), excluded from `internet`: it holds the instance metadata
    /// service of AWS, GCP and Azure (169.254.169.254). Only IPv4 rules are emitted; an IPv6
    /// `::/0` rule would need `fe80::/10` and `fd00:ec2::254/128` excluded the same way.
    package static let linkLocalRanges = ["169.254.0.0/16"]

    /// The peer in the form of `spec.ingress[].from[]` and `spec.egress[].to[]`.
    func value(from policyNamespace: String) -> ManifestValue {
        switch self {
        case let .pods(namespace, labels):
            var peer = ManifestMap()
            // A bare podSelector means "in the policy's own namespace"; name other namespaces.
            if namespace != policyNamespace {
                peer["namespaceSelector"] = ["matchLabels": ["kubernetes.io/metadata.name": .string(namespace)]]
            }
            if !labels.isEmpty || namespace == policyNamespace { peer["podSelector"] = ["matchLabels": .map(labels)] }
            return .map(peer)
        case .internet:
            return ["ipBlock": ["cidr": "0.0.0.0/0", "except": .list((Self.privateRanges + Self.linkLocalRanges).map { .string($0) })]]
        case .anywhere:
            return ["ipBlock": ["cidr": "0.0.0.0/0"]]
        }
    }

    /// A stable sort key.
    var sortKey: String {
        switch self {
        case let .pods(namespace, labels): return "pods/\(namespace)/"
            + labels.map { "\($0.key)=\($0.value.stringValue ?? "")" }.joined(separator: ",")
        case .internet: return "~internet"
        case .anywhere: return "~~anywhere"
        }
    }
}

/// A port a rule opens; nil `port` in a rule means every port.
package struct NetworkPort: Hashable, Sendable, Comparable {
    package var port: Int
    package var proto: String
    package init(_ port: Int, _ proto: String = "TCP") {
        self.port = port
        self.proto = proto
    }
    package static func < (a: NetworkPort, b: NetworkPort) -> Bool { (a.port, a.proto) < (b.port, b.proto) }
}

/// One ingress or egress rule: these peers, on these ports (every port when nil).
package struct NetworkRule: Hashable, Sendable {
    package var peers: [NetworkPeer]
    package var ports: [NetworkPort]?
    package init(_ peers: [NetworkPeer], ports: [NetworkPort]?) {
        self.peers = peers
        self.ports = ports
    }

    var sortKey: String {
        let ports = self.ports.map { $0.sorted().map { "\($0.port)/\($0.proto)" }.joined(separator: ",") } ?? "*"
        return ports + "|" + peers.map(\.sortKey).sorted().joined(separator: ";")
    }

    func value(direction: String, from policyNamespace: String) -> ManifestValue {
        var rule = ManifestMap()
        // Each key built once, not at every comparison.
        let sortedPeers = Set(peers).map { (key: $0.sortKey, peer: $0) }.sorted { $0.key < $1.key }.map(\.peer)
        rule[direction] = .list(sortedPeers.map { $0.value(from: policyNamespace) })
        if let ports {
            rule["ports"] = .list(Set(ports).sorted().map { ["port": .int(Int64($0.port)), "protocol": .string($0.proto)] })
        }
        return .map(rule)
    }
}
