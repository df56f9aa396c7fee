/// A place where a template and the compiler disagreed; the computed value won. The caller turns
/// it into a diagnostic (a template silently losing a field would surprise its author).
package struct MergeConflict: Hashable, Sendable, CustomStringConvertible {
    /// Like `spec.template.spec.containers[vllm].image`; keys that are not simple words are
    /// written `["prometheus.io/scrape"]`.
    package var path: String
    package var templateValue: ManifestValue
    package var computedValue: ManifestValue

    package var description: String {
        "\(path): template has \(templateValue.jsonText), computed \(computedValue.jsonText)"
    }
}

/// Structural merge of what the compiler computed onto a base manifest from `templates/`.
///
/// - maps merge key by key, recursively;
/// - lists whose items (on both sides) are all maps with a string `name`, unique per list, merge by
///   name: the template's items in template order, each merged with its computed namesake, then
///   the computed items the template lacks, in computed order; likewise lists keyed by `manager`
///   (a TrainJob's `runtimePatches`: `x-kubernetes-list-map-keys: [manager]` in kubeflow/trainer
///   v2.3.0's CRD, ../shared/schemas/trainer.kubeflow.org/trainjob_v1alpha1.json), so a template
///   can add its own patch or extend the compiler's;
/// - any other list, and any scalar, is replaced whole by the computed value; when that differs
///   from the template's, a `MergeConflict` records it.
package enum TemplateMerge {
    /// The merged value and every conflict, in document order.
    package static func merge(template: ManifestValue, computed: ManifestValue,
                             path: String = "") -> (ManifestValue, [MergeConflict]) {
        var conflicts: [MergeConflict] = []
        let merged = merge(template, computed, path: path, conflicts: &conflicts)
        return (merged, conflicts)
    }

    private static func merge(_ template: ManifestValue, _ computed: ManifestValue, path: String,
                              conflicts: inout [MergeConflict]) -> ManifestValue {
        switch (template, computed) {
        case (.map(let base), .map(let over)):
            var result = base
            for entry in over {
                let childPath = join(path, key: entry.key)
                if let existing = base[entry.key] {
                    result[entry.key] = merge(existing, entry.value, path: childPath, conflicts: &conflicts)
                } else {
                    result[entry.key] = entry.value
                }
            }
            return .map(result)
        case (.list(let base), .list(let over)):
            if let merged = mergeByName(base, over, path: path, conflicts: &conflicts) { return .list(merged) }
        default:
            break
        }
        if template != computed {
            conflicts.append(MergeConflict(path: path, templateValue: template, computedValue: computed))
        }
        return computed
    }

    /// nil when either list is not a list of uniquely named maps.
    private static func mergeByName(_ base: [ManifestValue], _ over: [ManifestValue], path: String,
                                    conflicts: inout [MergeConflict]) -> [ManifestValue]? {
        guard let key = listKeys.first(where: { names(base, key: $0) != nil && names(over, key: $0) != nil }),
              let baseNames = names(base, key: key), let overNames = names(over, key: key) else { return nil }
        var overIndex: [String: Int] = [:]
        for (index, name) in overNames.enumerated() { overIndex[name] = index }
        var result: [ManifestValue] = []
        for (item, name) in zip(base, baseNames) {
            if let index = overIndex[name] {
                result.append(merge(item, over[index], path: "\(path)[\(name)]", conflicts: &conflicts))
            } else {
                result.append(item)
            }
        }
        let baseSet = Set(baseNames)
        for (item, name) in zip(over, overNames) where !baseSet.contains(name) { result.append(item) }
        return result
    }

    /// The keys a list of maps merges by, in the order tried.
    private static let listKeys = ["name", "manager"]

    /// The `key` of every item, or nil when an item is not a map with that key or a value repeats.
    private static func names(_ items: [ManifestValue], key: String) -> [String]? {
        var seen = Set<String>()
        var names: [String] = []
        for item in items {
            guard let name = item[key]?.stringValue, seen.insert(name).inserted else { return nil }
            names.append(name)
        }
        return names
    }

    private static func join(_ path: String, key: String) -> String {
        let simple = !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        if !simple { return "\(path)[\(ManifestValue.string(key).jsonText)]" }
        return path.isEmpty ? key : "\(path).\(key)"
    }
}
