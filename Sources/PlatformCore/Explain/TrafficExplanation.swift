import PlatformDiagnostics

/// `platformc explain traffic`: per route, the hops a request takes with the object that carries
/// each (Gateway listener, HTTPRoute rule, LiteLLM's model_list, InferencePool and its endpoint
/// picker, Service) and whether the NetworkPolicies let it through; then every flow of each
/// cluster, as the flow check evaluated it.
package enum TrafficExplanation {
    package struct ClusterReport: Sendable {
        package var cluster: String
        package var routes: [(name: String, hops: [FlowCheck.Verdict])]
        package var flows: [FlowCheck.Verdict]
    }

    package static func build(_ graphs: [TrafficGraph], manifests: ManifestSet) -> [ClusterReport] {
        graphs.map { graph in
            let policies = manifests.manifests(in: graph.cluster).filter { $0.kind == "NetworkPolicy" }
            let verdicts = FlowCheck.evaluate(graph, policies: policies)
            var routeNames: [String] = []
            for verdict in verdicts { if let route = verdict.flow.route, !routeNames.contains(route) { routeNames.append(route) } }
            let routes = routeNames.sorted().map { route -> (name: String, hops: [FlowCheck.Verdict]) in
                var hops = verdicts.filter { $0.flow.route == route }
                // Behind a LiteLLM or an endpoint picker the request goes on: their own flows follow.
                let next = Set(hops.compactMap { $0.flow.destination.group }.filter { [.liteLLM, .endpointPicker].contains($0.role) })
                var seen = Set(hops.map(\.flow))
                for verdict in verdicts where verdict.flow.route == nil {
                    guard let source = verdict.flow.source.group, next.contains(source), verdict.flow.destination != .clusterDNS,
                          seen.insert(verdict.flow).inserted else { continue }
                    hops.append(verdict)
                }
                return (route, hops)
            }
            // A flow several routes need (client → Gateway) shows once in the matrix.
            var distinct = Set<String>()
            let flows = verdicts.filter { distinct.insert("\($0.flow.source)|\($0.flow.destination)|\($0.flow.portText)").inserted }
            return ClusterReport(cluster: graph.cluster, routes: routes, flows: flows)
        }
    }

    package static func text(_ reports: [ClusterReport]) -> String {
        var out = ""
        for report in reports {
            out += "cluster \(report.cluster)\n"
            for route in report.routes {
                out += "  route \(route.name)\n"
                for hop in route.hops { out += "    " + line(hop) + "\n" }
            }
            out += "  flows\n"
            for flow in report.flows { out += "    " + line(flow) + "\n" }
        }
        return out
    }

    static func line(_ verdict: FlowCheck.Verdict) -> String {
        let flow = verdict.flow
        let carrier = flow.carrier.map { " [\(FlowCheck.objectText($0))]" } ?? ""
        return """
            \(flow.source.description) → \(flow.destination.description) :\(flow.portText)  \(flow.purpose)\(carrier)  \
            \(verdictText(verdict))
            """
    }

    static func verdictText(_ verdict: FlowCheck.Verdict) -> String {
        guard let decision = verdict.decisions.first(where: { !$0.allowed }) ?? verdict.decisions.first else { return "no pods" }
        func side(_ name: String, _ side: NetworkPolicyEvaluator.Side) -> String {
            switch side {
            case .unrestricted: return "\(name): no policy"
            case let .allowed(by): return "\(name): " + by.joined(separator: ", ")
            case let .denied(selectedBy): return "\(name): DENIED by " + selectedBy.joined(separator: ", ")
            }
        }
        return (verdict.allowed ? "allowed" : "BLOCKED") + " (" + side("egress", decision.egress) + "; " + side("ingress", decision.ingress)
            + ")"
    }

    package static func json(_ reports: [ClusterReport]) -> String {
        let clusters: [ManifestValue] = reports.map { report in
            let routes: [ManifestValue] = report.routes.map { route in
                ["name": .string(route.name), "hops": .list(route.hops.map(value))]
            }
            return ["name": .string(report.cluster), "routes": .list(routes), "flows": .list(report.flows.map(value))]
        }
        return PrettyJSON.render(["clusters": .list(clusters)]) + "\n"
    }

    static func value(_ verdict: FlowCheck.Verdict) -> ManifestValue {
        let flow = verdict.flow
        let decision = verdict.decisions.first(where: { !$0.allowed }) ?? verdict.decisions.first
        func side(_ side: NetworkPolicyEvaluator.Side?) -> ManifestValue {
            switch side {
            case .none, .unrestricted?: return ["allowed": true, "policies": []]
            case let .allowed(by)?: return ["allowed": true, "policies": .list(by.map { .string($0) })]
            case let .denied(selectedBy)?: return ["allowed": false, "policies": .list(selectedBy.map { .string($0) })]
            }
        }
        var map: ManifestMap = [
            "source": .string(flow.source.description), "destination": .string(flow.destination.description),
            "port": flow.port.map { .int(Int64($0.port)) } ?? .null, "protocol": flow.port.map { .string($0.proto) } ?? .null,
            "purpose": .string(flow.purpose), "subject": .string(flow.subject),
            "allowed": .bool(verdict.allowed), "egress": side(decision?.egress), "ingress": side(decision?.ingress),
        ]
        map["carrier"] = flow.carrier.map { .string(FlowCheck.objectText($0)) } ?? .null
        map["declaredAt"] = flow.declaredAt.map { .string("\($0.file):\($0.line):\($0.column)") } ?? .null
        return .map(map)
    }
}
