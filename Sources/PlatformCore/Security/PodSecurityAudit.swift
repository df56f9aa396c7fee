import Foundation

import PlatformDiagnostics

/// Rationale: every emitted pod runs as non-root with a read-only root filesystem unless a stated
/// reason says otherwise. Finds every pod template in the final manifests (Deployments, Jobs,
/// LeaderWorkerSets, JobSets, kagent and Trainer objects alike: any map whose `spec` holds
/// `containers`) and reports each one that lacks `runAsNonRoot: true` (pod or container level) or
/// `readOnlyRootFilesystem: true` (every container) without a
/// `Conventions.securityExceptionAnnotation` on the template or its object.
public enum PodSecurityAudit {
    public static func run(_ manifests: ManifestSet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for cluster in manifests.clusters {
            for manifest in cluster.manifests {
                let objectReason = reason(in: manifest.object)
                for template in podTemplates(in: manifest.value, path: "") {
                    guard objectReason == nil, reason(in: template.map) == nil else { continue }
                    let gaps = missingHardening(template.spec)
                    guard !gaps.isEmpty else { continue }
                    let where_ = template.path.isEmpty ? "" : " (`\(template.path)`)"
                    found.append(Diagnostic(.warning, SecurityCodes.unhardenedPod,
                                            "pod template of \(manifest.id)\(where_) in cluster `\(cluster.name)` lacks \(gaps.joined(separator: ", "))",
                                            at: nil,
                                            help: "set them in the template's securityContext, or state why not in the annotation `\(Conventions.securityExceptionAnnotation)`"))
                }
            }
        }
        return found
    }

    /// A pod template: the map holding `metadata` and `spec`, where it sits, and its pod spec.
    struct PodTemplate {
        var path: String
        var map: ManifestMap
        var spec: ManifestMap
    }

    static func podTemplates(in value: ManifestValue, path: String) -> [PodTemplate] {
        switch value {
        case let .map(map):
            if let spec = map["spec"]?.mapValue, spec["containers"]?.listValue != nil {
                return [PodTemplate(path: path, map: map, spec: spec)]
            }
            return map.flatMap { podTemplates(in: $0.value, path: path.isEmpty ? $0.key : "\(path).\($0.key)") }
        case let .list(items):
            return items.enumerated().flatMap { podTemplates(in: $0.element, path: "\(path)[\($0.offset)]") }
        default:
            return []
        }
    }

    /// The stated exception on a map's `metadata.annotations`, when non-empty.
    static func reason(in map: ManifestMap) -> String? {
        guard let text = map["metadata"]?["annotations"]?[Conventions.securityExceptionAnnotation]?.stringValue,
              !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }

    /// What the pod spec lacks, naming the containers at fault, e.g. "`readOnlyRootFilesystem: true` (container `vllm`)".
    static func missingHardening(_ spec: ManifestMap) -> [String] {
        let podNonRoot = spec["securityContext"]?["runAsNonRoot"]?.boolValue
        let containers = (spec["initContainers"]?.listValue ?? []) + (spec["containers"]?.listValue ?? [])
        var rootful: [String] = [], writable: [String] = []
        for container in containers {
            let name = container["name"]?.stringValue ?? "?"
            let context = container["securityContext"]
            if (context?["runAsNonRoot"]?.boolValue ?? podNonRoot) != true { rootful.append(name) }
            if context?["readOnlyRootFilesystem"]?.boolValue != true { writable.append(name) }
        }
        func describe(_ setting: String, _ names: [String]) -> String {
            let noun = names.count == 1 ? "container" : "containers"
            return "`\(setting)` (\(noun) \(names.map { "`\($0)`" }.joined(separator: ", ")))"
        }
        var gaps: [String] = []
        if !rootful.isEmpty { gaps.append(describe("runAsNonRoot: true", rootful)) }
        if !writable.isEmpty { gaps.append(describe("readOnlyRootFilesystem: true", writable)) }
        return gaps
    }
}
