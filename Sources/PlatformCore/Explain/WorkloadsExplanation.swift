import Foundation

/// `platformc explain workloads`: per workload, the pods the upstream controllers create from
/// what we emit (`DerivedPods`), with the controller fact each was derived by.
package enum WorkloadsExplanation {
    struct Row: Codable {
        var cluster: String
        var workload: String
        var kind: String
        var role: String
        var namespace: String
        var count: Int
        var owner: String
        var declaredAt: String?
        var labels: [String: String]
        var ports: [String]
        var serviceAccount: String?
        var requests: [String: String]
        var nodeSelector: [String: String]
        var tolerations: [String]
        var resourceClaims: [String]
        var derivedBy: String
    }

    static func rows(_ pods: [DerivedPod]) -> [Row] {
        pods.map { pod in
            let spec = pod.podSpec
            var selector: [String: String] = [:]
            for entry in spec["nodeSelector"]?.mapValue ?? ManifestMap() { selector[entry.key] = entry.value.stringValue ?? "" }
            let tolerations = (spec["tolerations"]?.listValue ?? []).map { t -> String in
                let key = t["key"]?.stringValue ?? "*"
                let value = t["operator"]?.stringValue == "Exists" ? "" : t["value"]?.stringValue.map { "=\($0)" } ?? ""
                return "\(key)\(value):\(t["effect"]?.stringValue ?? "*")"
            }
            let claims = (spec["resourceClaims"]?.listValue ?? []).compactMap {
                $0["resourceClaimTemplateName"]?.stringValue ?? $0["resourceClaimName"]?.stringValue
            }
            return Row(cluster: pod.cluster, workload: pod.workload, kind: kind(pod.role), role: pod.role.rawValue,
                       namespace: pod.namespace,
                       count: pod.count, owner: pod.owner.description,
                       declaredAt: pod.declaredAt.map { "\($0.file):\($0.line):\($0.column)" }, labels: pod.labels,
                       ports: pod.ports.map { "\($0.port)/\($0.proto)" }, serviceAccount: pod.serviceAccount,
                       requests: PodResources.requested(spec).mapValues(PodResources.format),
                       nodeSelector: selector, tolerations: tolerations, resourceClaims: claims, derivedBy: pod.derivedBy)
        }
    }

    static func kind(_ role: DerivedPod.Role) -> String {
        switch role {
        case .modelServer, .modelLeader, .modelWorker, .endpointPicker: return "model"
        case .agent: return "agent"
        case .trainingNode: return "training"
        case .gatewayProxy: return "gateway"
        case .liteLLM: return "llm-proxy"
        case .mcpServer: return "mcp-server"
        case .ncclTest: return "nccl-test"
        case .prometheus, .kagentController: return "platform"
        }
    }

    package static func json(_ pods: [DerivedPod]) -> String {
        JSONWriter.text(try! ManifestValueEncoder.encode(["pods": rows(pods)]), .foundationPretty) + "\n"
    }

    package static func text(_ pods: [DerivedPod]) -> String {
        var out = ""
        var cluster = ""
        var workload = ""
        func pairs(_ map: [String: String], _ separator: String) -> String {
            map.sorted { $0.key < $1.key }.map { "\($0.key)\(separator)\($0.value)" }.joined(separator: ", ")
        }
        for row in rows(pods) {
            if row.cluster != cluster {
                cluster = row.cluster
                workload = ""
                out += "cluster \(row.cluster)\n"
            }
            let header = "\(row.kind) \(row.workload)"
            if header != workload {
                workload = header
                out += "  \(header)" + (row.declaredAt.map { " (\($0))" } ?? "") + "\n"
            }
            out += "    \(row.count)× \(row.role) pod in \(row.namespace), from \(row.owner)\n"
            out += "      labels: \(pairs(row.labels, "="))\n"
            if !row.ports.isEmpty { out += "      ports: \(row.ports.joined(separator: ", "))\n" }
            if let account = row.serviceAccount { out += "      serviceAccount: \(account)\n" }
            if !row.requests.isEmpty { out += "      requests: \(pairs(row.requests, " "))\n" }
            if !row.nodeSelector.isEmpty { out += "      nodeSelector: \(pairs(row.nodeSelector, "="))\n" }
            if !row.tolerations.isEmpty { out += "      tolerates: \(row.tolerations.joined(separator: ", "))\n" }
            if !row.resourceClaims.isEmpty { out += "      resourceClaims: \(row.resourceClaims.joined(separator: ", "))\n" }
            out += "      derived by: \(row.derivedBy)\n"
        }
        return out
    }
}
