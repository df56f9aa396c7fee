/// Reading a pod template (`metadata` + `spec`) the way a controller copies it onto its pods.
enum PodTemplate {
    /// `metadata.labels` of a template, as strings.
    static func labels(_ template: ManifestValue?) -> [String: String] {
        var labels: [String: String] = [:]
        for entry in template?["metadata"]?["labels"]?.mapValue ?? ManifestMap() {
            if let value = entry.value.stringValue { labels[entry.key] = value }
        }
        return labels
    }

    /// The template's `spec`.
    static func spec(_ template: ManifestValue?) -> ManifestMap { template?["spec"]?.mapValue ?? ManifestMap() }

    /// Every container port of the pod (init containers included: a sidecar listens too).
    static func ports(_ spec: ManifestMap) -> [NetworkPort] {
        var ports: Set<NetworkPort> = []
        for list in ["initContainers", "containers"] {
            for container in spec[list]?.listValue ?? [] {
                for port in container["ports"]?.listValue ?? [] {
                    guard let number = port["containerPort"]?.intValue else { continue }
                    ports.insert(NetworkPort(Int(number), port["protocol"]?.stringValue ?? "TCP"))
                }
            }
        }
        return ports.sorted()
    }

    /// `serviceAccountName`, or the namespace's `default` account Kubernetes assigns when unset
    /// (kubernetes `plugin/pkg/admission/serviceaccount/admission.go`, DefaultServiceAccountName).
    static func serviceAccount(_ spec: ManifestMap) -> String {
        spec["serviceAccountName"]?.stringValue ?? "default"
    }
}

/// Kubernetes' strategic merge patch as far as pod templates use it: maps merge key by key,
/// lists of objects merge by `name` (containers, volumes, env, volumeMounts, replicatedJobs:
/// their `patchMergeKey` in k8s.io/api core/v1 `types.go` and JobSet's `ReplicatedJobs`), every
/// other list is replaced.
enum StrategicMerge {
    static func merge(_ base: ManifestValue, _ patch: ManifestValue) -> ManifestValue {
        switch (base, patch) {
        case (.map(let left), .map(let right)):
            var merged = left
            for entry in right {
                merged[entry.key] = left[entry.key].map { merge($0, entry.value) } ?? entry.value
            }
            return .map(merged)
        case (.list(let left), .list(let right)) where isNamedList(left) && isNamedList(right):
            var merged = left
            for item in right {
                let name = item["name"]?.stringValue
                if let at = merged.firstIndex(where: { $0["name"]?.stringValue == name }) {
                    merged[at] = merge(merged[at], item)
                } else {
                    merged.append(item)
                }
            }
            return .list(merged)
        default:
            return patch
        }
    }

    private static func isNamedList(_ items: [ManifestValue]) -> Bool {
        !items.isEmpty && items.allSatisfy { $0["name"]?.stringValue != nil }
    }
}
