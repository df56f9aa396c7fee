import PlatformCore

/// A small NetworkPolicy evaluator for tests: given the policies of one cluster, says whether a
/// pod may open a connection to another pod on a port. Kubernetes semantics for the parts the
/// emitter uses: a pod selected by no policy of a direction is open in that direction; otherwise a
/// connection needs a matching rule on both the sender's egress and the receiver's ingress.
struct NetworkPolicyEvaluator {
    struct Pod: Hashable {
        var namespace: String
        var name: String
        var labels: [String: String] = [:]
        /// An address outside the cluster (public); matched only by ipBlock rules.
        var external = false
        var id: String { external ? name : "\(namespace)/\(name)" }
    }

    struct Port: Hashable {
        var number: Int
        var proto: String = "TCP"
        var label: String { proto == "TCP" ? "\(number)" : "\(number)/\(proto)" }
    }

    let policies: [Manifest]

    func allows(_ from: Pod, _ to: Pod, _ port: Port) -> Bool {
        direction("Egress", of: from, rulesKey: "egress", peersKey: "to", peer: to, port: port)
            && direction("Ingress", of: to, rulesKey: "ingress", peersKey: "from", peer: from, port: port)
    }

    private func direction(_ type: String, of pod: Pod, rulesKey: String, peersKey: String, peer: Pod, port: Port) -> Bool {
        if pod.external { return true }
        let selecting = policies.filter { p in
            p.namespace == pod.namespace
                && (p.object["spec"]?["policyTypes"]?.listValue ?? []).contains(.string(type))
                && selects(p.object["spec"]?["podSelector"], pod.labels)
        }
        if selecting.isEmpty { return true }
        return selecting.contains { policy in
            (policy.object["spec"]?[rulesKey]?.listValue ?? []).contains { rule in
                portMatches(rule["ports"], port) && peersMatch(rule[peersKey], peer, policyNamespace: policy.namespace ?? "")
            }
        }
    }

    private func portMatches(_ ports: ManifestValue?, _ port: Port) -> Bool {
        guard let list = ports?.listValue, !list.isEmpty else { return true }
        return list.contains { ($0["port"]?.intValue).map(Int.init) == port.number && ($0["protocol"]?.stringValue ?? "TCP") == port.proto }
    }

    private func peersMatch(_ peers: ManifestValue?, _ pod: Pod, policyNamespace: String) -> Bool {
        guard let list = peers?.listValue, !list.isEmpty else { return true }
        return list.contains { peer in
            if let block = peer["ipBlock"] {
                let except = block["except"]?.listValue ?? []
                // Pods live in private ranges; an ipBlock that excludes them matches only outside addresses.
                return block["cidr"]?.stringValue == "0.0.0.0/0" && (pod.external || except.isEmpty)
            }
            guard !pod.external else { return false }
            let namespaceOK: Bool
            if let nsSelector = peer["namespaceSelector"] {
                namespaceOK = selects(nsSelector, ["kubernetes.io/metadata.name": pod.namespace])
            } else {
                namespaceOK = pod.namespace == policyNamespace
            }
            let podOK = peer["podSelector"].map { selects($0, pod.labels) } ?? true
            return namespaceOK && podOK
        }
    }

    /// matchLabels semantics; an absent or empty selector selects everything.
    private func selects(_ selector: ManifestValue?, _ labels: [String: String]) -> Bool {
        let match = selector?["matchLabels"]?.mapValue ?? ManifestMap()
        return match.allSatisfy { labels[$0.key] == $0.value.stringValue }
    }
}
