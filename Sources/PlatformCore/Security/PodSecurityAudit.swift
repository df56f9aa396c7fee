import Foundation

import PlatformDiagnostics

/// Rationale: every emitted pod runs as non-root with a read-only root filesystem unless a stated
/// reason says otherwise. Finds every pod template in the final manifests (Deployments, Jobs,
/// LeaderWorkerSets, JobSets, kagent and Trainer objects alike: any map whose `spec` holds
/// `containers`) and reports each one that lacks `runAsNonRoot: true` (pod or container level) or
/// `readOnlyRootFilesystem: true` (every container) without a
/// `Conventions.securityExceptionAnnotation` on the template or its object. The annotation counts
/// only where the compiler wrote it (on the object it computed, before templates were merged): a
/// template that adds it silences nothing.
package enum PodSecurityAudit {
    package static func run(_ manifests: ManifestSet, templated: [ResourceKey: TemplatedObject] = [:]) -> [Diagnostic] {
        // One cluster (or fleet folder) per core; findings are concatenated in cluster order, as a loop would give them.
        manifests.groups.concurrentMap { audit($0, templated: templated) }.flatMap { $0 }
    }

    static func audit(_ cluster: ManifestSet.Cluster, templated: [ResourceKey: TemplatedObject]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for manifest in cluster.manifests {
            // Reasons are read from what the compiler computed, never from what a template added.
            let computed = templated[ResourceKey(cluster: cluster.name, id: manifest.id)]?.computed
            guard reason(in: (computed ?? manifest).object) == nil else { continue }
            var templates: [PodTemplate] = []
            podTemplates(in: manifest.value, path: { "" }, into: &templates)
            let unhardened = templates.compactMap { template in
                let gaps = missingHardening(template.spec)
                return gaps.isEmpty ? nil : (template, gaps)
            }
            // The computed object's templates are searched only when one of the merged ones needs a reason.
            guard !unhardened.isEmpty else { continue }
            var trustedTemplates: [PodTemplate] = []
            if let computed {
                podTemplates(in: computed.value, path: { "" }, into: &trustedTemplates)
            } else {
                trustedTemplates = templates
            }
            let explained = Set(trustedTemplates.filter { reason(in: $0.map) != nil }.map(\.path))
            for (template, gaps) in unhardened where !explained.contains(template.path) {
                let where_ = template.path.isEmpty ? "" : " (`\(template.path)`)"
                found.append(Diagnostic(.warning, SecurityCodes.unhardenedPod,
                                        "pod template of \(manifest.id)\(where_) in \(cluster.place) lacks \(gaps.joined(separator: ", "))",
                                        at: nil,
                                        help: "set them in the template's securityContext, or state why not in the annotation "
                                            + "`\(Conventions.securityExceptionAnnotation)`"))
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

    /// Appends the pod templates inside `value`. `path` is built only for a template found:
    /// building it for every node of every object was most of this audit's time.
    static func podTemplates(in value: ManifestValue, path: () -> String, into found: inout [PodTemplate]) {
        switch value {
        case let .map(map):
            if let spec = map["spec"]?.mapValue, spec["containers"]?.listValue != nil {
                found.append(PodTemplate(path: path(), map: map, spec: spec))
                return
            }
            // Scalars hold no template: not descended into (most entries are scalars).
            for entry in map where entry.value.isMapOrList {
                podTemplates(in: entry.value, path: { let p = path(); return p.isEmpty ? entry.key : "\(p).\(entry.key)" }, into: &found)
            }
        case let .list(items):
            for (index, item) in items.enumerated() where item.isMapOrList {
                podTemplates(in: item, path: { "\(path())[\(index)]" }, into: &found)
            }
        default:
            break
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
