/// Reading NetworkPolicy objects and label selectors into the evaluator's values.
extension NetworkPolicyEvaluator {
    static func parse(_ manifest: Manifest) -> Policy {
        let spec = manifest.object["spec"]
        let namespace = manifest.namespace ?? "default"
        let ingress = (spec?["ingress"]?.listValue ?? []).map { rule(peers: $0["from"], ports: $0["ports"]) }
        let egress = (spec?["egress"]?.listValue ?? []).map { rule(peers: $0["to"], ports: $0["ports"]) }
        var types = Set((spec?["policyTypes"]?.listValue ?? []).compactMap(\.stringValue))
        if spec?["policyTypes"] == nil {
            // k8s.io/api networking/v1 types.go, PolicyTypes: Ingress always, Egress when egress rules exist.
            types = ["Ingress"]
            if spec?["egress"] != nil { types.insert("Egress") }
        }
        return Policy(id: "\(namespace)/\(manifest.name)", namespace: namespace,
                      selector: LabelSelector(spec?["podSelector"]) ?? LabelSelector(), types: types, ingress: ingress, egress: egress)
    }

    static func rule(peers: ManifestValue?, ports: ManifestValue?) -> Rule {
        let peerList = peers?.listValue.flatMap { $0.isEmpty ? nil : $0.map(peer) }
        let portList = ports?.listValue.flatMap { list -> [PortMatch]? in
            list.isEmpty ? nil : list.map { entry in
                PortMatch(proto: entry["protocol"]?.stringValue ?? "TCP", number: entry["port"]?.intValue.map(Int.init),
                          name: entry["port"]?.stringValue, endPort: entry["endPort"]?.intValue.map(Int.init))
            }
        }
        return Rule(peers: peerList, ports: portList)
    }

    static func peer(_ value: ManifestValue) -> Peer {
        if let block = value["ipBlock"] {
            let cidr = block["cidr"]?.stringValue.flatMap(IPv4Network.init) ?? IPv4Network.nothing
            let except = (block["except"]?.listValue ?? []).compactMap { $0.stringValue.flatMap(IPv4Network.init) }
            return .block(cidr: cidr, except: except)
        }
        return .pods(namespaces: value["namespaceSelector"].flatMap(LabelSelector.init),
                     pods: value["podSelector"].flatMap(LabelSelector.init))
    }
}

/// A Kubernetes label selector: every `matchLabels` pair and every `matchExpressions` entry
/// (In, NotIn, Exists, DoesNotExist) must hold; an empty selector selects everything.
package struct LabelSelector: Hashable, Sendable {
    package struct Requirement: Hashable, Sendable {
        package var key: String
        package var op: String
        package var values: [String]
    }

    package var matchLabels: [String: String] = [:]
    package var matchExpressions: [Requirement] = []

    package init(matchLabels: [String: String] = [:]) { self.matchLabels = matchLabels }

    init?(_ value: ManifestValue?) {
        guard let map = value?.mapValue else { return nil }
        for entry in map["matchLabels"]?.mapValue ?? ManifestMap() {
            matchLabels[entry.key] = entry.value.stringValue ?? ""
        }
        for expression in map["matchExpressions"]?.listValue ?? [] {
            matchExpressions.append(Requirement(key: expression["key"]?.stringValue ?? "", op: expression["operator"]?.stringValue ?? "",
                                                values: (expression["values"]?.listValue ?? []).compactMap(\.stringValue)))
        }
    }

    package func matches(_ labels: [String: String]) -> Bool {
        matchLabels.allSatisfy { labels[$0.key] == $0.value } && matchExpressions.allSatisfy { requirement in
            let value = labels[requirement.key]
            switch requirement.op {
            case "In": return value.map { requirement.values.contains($0) } ?? false
            case "NotIn": return value.map { !requirement.values.contains($0) } ?? true
            case "Exists": return value != nil
            case "DoesNotExist": return value == nil
            default: return false   // the API server rejects other operators
            }
        }
    }

    /// One label (key, value) every selected pod carries (the least in byte order), for indexing.
    var indexLabel: (key: String, value: String)? {
        matchLabels.keys.min(by: { $0.precedesInByteOrder($1) }).map { ($0, matchLabels[$0] ?? "") }
    }
}

/// An IPv4 address, as far as NetworkPolicy `ipBlock`s need one.
package struct IPv4Address: Hashable, Sendable {
    package var value: UInt32
    package init(_ value: UInt32) { self.value = value }
    package init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let octet = UInt8(part) else { return nil }
            value = value << 8 | UInt32(octet)
        }
        self.value = value
    }
    /// Where pods live: an RFC 1918 address (VPC CNIs and overlay pod CIDRs alike).
    package static let podNetwork = IPv4Address(0x0A64_0A0A)        // 10.100.10.10
    /// The control plane behind the `kubernetes` Service: a private address outside the pod network.
    package static let controlPlane = IPv4Address(0xAC14_0001)      // 172.20.0.1
    /// A public address (TEST-NET-3, 203.0.113.10): clients, model hubs, providers.
    package static let publicInternet = IPv4Address(0xCB00_710A)
}

package struct IPv4Network: Hashable, Sendable {
    package var base: UInt32
    package var prefix: Int
    package init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let address = IPv4Address(String(parts[0])), let prefix = Int(parts[1]), (0...32).contains(prefix) else {
            return nil
        }
        self.base = address.value
        self.prefix = prefix
    }
    init(base: UInt32, prefix: Int) {
        self.base = base
        self.prefix = prefix
    }
    static let nothing = IPv4Network(base: 0, prefix: 33)
    package func contains(_ address: IPv4Address) -> Bool {
        guard prefix <= 32 else { return false }
        guard prefix > 0 else { return true }
        let mask = UInt32.max << UInt32(32 - prefix)
        return address.value & mask == base & mask
    }
}
