import PlatformDiagnostics

/// Rationale: schema-valid policies can still cut the platform in pieces (a Gateway proxy that
/// is not where the policy looks, an agent pod without the labels its policy selects) or join
/// two tenants. Every needed flow (`TrafficDerivation`) is evaluated over the cluster's final
/// NetworkPolicies as Kubernetes would (`NetworkPolicyEvaluator`): a blocked one is E7200 at the
/// spec line that declared it; pods of two team namespaces that can connect where no flow needs
/// it are E7201 at the destination's spec line.
package enum FlowCheck {
    /// The verdict on one flow, for the check and for `explain traffic`.
    package struct Verdict: Sendable {
        package var flow: Flow
        /// One decision per pod pair probed; the flow holds when all allow it.
        package var decisions: [NetworkPolicyEvaluator.Decision]
        package var allowed: Bool { decisions.allSatisfy(\.allowed) }
    }

    package static func evaluate(_ graph: TrafficGraph, policies: [Manifest]) -> [Verdict] {
        evaluate(graph, evaluator: NetworkPolicyEvaluator(policies: policies, namespaceLabels: graph.namespaceLabels),
            probes: Probes(graph))
    }

    static func evaluate(_ graph: TrafficGraph, evaluator: NetworkPolicyEvaluator, probes: Probes) -> [Verdict] {
        graph.flows.map { flow in
            var decisions: [NetworkPolicyEvaluator.Decision] = []
            for source in probes(flow.source) {
                for destination in probes(flow.destination) {
                    decisions.append(evaluator.check(from: source, to: destination, port: flow.port))
                }
            }
            return Verdict(flow: flow, decisions: decisions)
        }
    }

    package static func run(_ graphs: [TrafficGraph], manifests: ManifestSet) -> [Diagnostic] {
        // Clusters are independent: each on its own core, the findings in cluster order.
        graphs.concurrentMap { graph in run(graph, manifests: manifests) }.flatMap { $0 }
    }

    static func run(_ graph: TrafficGraph, manifests: ManifestSet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let policies = manifests.manifests(in: graph.cluster).filter { $0.kind == "NetworkPolicy" && $0.group == "networking.k8s.io" }
        // One evaluator and one set of probes per cluster, for both checks.
        let evaluator = NetworkPolicyEvaluator(policies: policies, namespaceLabels: graph.namespaceLabels)
        let probes = Probes(graph)
        for verdict in evaluate(graph, evaluator: evaluator, probes: probes) where !verdict.allowed {
            found.append(blocked(verdict))
        }
        return found + crossTenant(graph, evaluator: evaluator, probes: probes)
    }

    static func blocked(_ verdict: Verdict) -> Diagnostic {
        let flow = verdict.flow
        var notes: [DiagnosticNote] = []
        if let decision = verdict.decisions.first(where: { !$0.allowed }) {
            if case let .denied(policies) = decision.egress {
                notes.append(DiagnosticNote("egress of \(flow.source.description) is selected by \(list(policies)) and none allows it"))
            }
            if case let .denied(policies) = decision.ingress {
                notes.append(DiagnosticNote("ingress of \(flow.destination.description) is selected by \(list(policies)) and none allows "
                    + "it"))
            }
        }
        if let carrier = flow.carrier {
            notes.append(DiagnosticNote("needed by \(FlowCheck.objectText(carrier)) in cluster `\(flow.cluster)`"))
        }
        return Diagnostic(.error, TrafficCodes.flowBlocked,
                          "\(flow.subject) needs \(flow.purpose): \(flow.source.description) → \(flow.destination.description) on "
                              + "\(flow.portText) is blocked by the NetworkPolicies of cluster `\(flow.cluster)`",
                          at: flow.declaredAt, notes: notes,
                          help: "let the compiler's NetworkPolicies stand: a template under `security/networkpolicy` may label them, not "
                              + "change their `spec`")
    }

    static func list(_ policies: [String]) -> String {
        policies.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// Pods of one tenant reachable from another tenant's pods (or from any pod of its namespace)
    /// with no flow needing it. Driven by what each destination's ingress rules admit, so it reads
    /// only the admitted sources, not every pair of pods.
    static func crossTenant(_ graph: TrafficGraph, evaluator: NetworkPolicyEvaluator, probes: Probes) -> [Diagnostic] {
        struct Pair: Hashable { var source: Flow.Endpoint; var destination: PodGroup }
        var needed = Set<Pair>()
        for flow in graph.flows {
            if let destination = flow.destination.group { needed.insert(Pair(source: flow.source, destination: destination)) }
        }
        // Per tenant, once (not once per destination): its namespace's labels as a
        // namespaceSelector sees them, and the sources in it (the namespace, then its groups).
        struct Tenant { var name: String; var namespaceLabels: [String: String]; var sources: [Flow.Endpoint] }
        var groupsByNamespace: [String: [PodGroup]] = [:]
        for group in graph.groups.keys.sorted() where graph.tenants.contains(group.namespace) {
            groupsByNamespace[group.namespace, default: []].append(group)
        }
        let tenants = graph.tenants.sorted().map { tenant in
            var namespaceLabels = graph.namespaceLabels[tenant] ?? [:]
            namespaceLabels["kubernetes.io/metadata.name"] = tenant
            return Tenant(name: tenant, namespaceLabels: namespaceLabels,
                          sources: [.namespace(tenant)] + (groupsByNamespace[tenant] ?? []).map { .pods($0) })
        }
        var found: [Diagnostic] = []
        for destination in graph.groups.keys.sorted() where graph.tenants.contains(destination.namespace) {
            for probe in probes(.pods(destination)) {
                let admitted = evaluator.admissions(of: probe)
                var candidates: [(Flow.Endpoint, [NetworkPort]?)] = []
                for tenant in tenants where tenant.name != destination.namespace {
                    if let admitted {
                        for admission in admitted {
                            let inNamespace = admission.namespaces.map { $0.matches(tenant.namespaceLabels) }
                                ?? (admission.policyNamespace == tenant.name)
                            guard inNamespace else { continue }
                            for source in tenant.sources where admission.pods.map({ selector in
                                probes(source).contains { selector.matches($0.labels) } }) ?? true {
                                candidates.append((source, admission.ports))
                            }
                        }
                    } else {
                        candidates += tenant.sources.map { ($0, nil) }
                    }
                }
                var reported = Set<String>()
                for (source, ports) in candidates where !needed.contains(Pair(source: source, destination: destination)) {
                    let probePorts: [NetworkPort?] = ports.map { $0.map { Optional($0) } } ?? (probe.namedPorts.isEmpty
                        ? (graph.groups[destination]?.first?.ports ?? []).map { Optional($0) }
                            : probe.namedPorts.values.sorted().map { Optional($0) })
                    for port in (probePorts.isEmpty ? [nil] : probePorts) {
                        guard probes(source).contains(where: { evaluator.allows($0, probe, port) }),
                              reported.insert(source.description).inserted else { continue }
                        found.append(Diagnostic(.error, TrafficCodes.crossTenantOpen,
                                                "\(source.description) can reach \(destination.description) on "
                                                    + "\(port.map { "\($0.port)/\($0.proto)" } ?? "every port") across tenants "
                                                    + "`\(namespace(of: source))` and `\(destination.namespace)`, and no declared flow "
                                                    + "needs it",
                                                at: graph.groups[destination]?.lazy.compactMap(\.declaredAt).first,
                                                notes: [DiagnosticNote("in cluster `\(graph.cluster)`")],
                                                help: "open only declared flows between tenants (an agent's `model`); a "
                                                    + "`security/networkpolicy` template may not change a policy's `spec`"))
                    }
                }
            }
        }
        return found
    }

    /// `TrafficGraph.probes` of every pod group, worked out once: the cross-tenant check asks for
    /// the same groups once per destination, tenant and admission.
    struct Probes {
        let graph: TrafficGraph
        let byGroup: [PodGroup: [NetworkPolicyEvaluator.Endpoint]]

        init(_ graph: TrafficGraph) {
            self.graph = graph
            var byGroup: [PodGroup: [NetworkPolicyEvaluator.Endpoint]] = [:]
            for group in graph.groups.keys { byGroup[group] = graph.probes(.pods(group)) }
            self.byGroup = byGroup
        }

        func callAsFunction(_ endpoint: Flow.Endpoint) -> [NetworkPolicyEvaluator.Endpoint] {
            if case let .pods(group) = endpoint, let probes = byGroup[group] { return probes }
            return graph.probes(endpoint)
        }
    }

    static func namespace(of endpoint: Flow.Endpoint) -> String {
        switch endpoint {
        case let .pods(group): return group.namespace
        case let .namespace(ns): return ns
        default: return ""
        }
    }
}

extension FlowCheck {
    /// `HTTPRoute platform-system/chat` (also `explain traffic`'s, which reads the check's verdicts).
    static func objectText(_ id: ManifestID) -> String {
        "\(id.kind) \(id.namespace.map { "\($0)/" } ?? "")\(id.name)"
    }
}
