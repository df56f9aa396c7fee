/// One step of a field path: a map key, a list index, or a list item found by its `name`
/// (containers, env, ports), so that reordering a named list is not reported as a change.
package enum FieldStep: Hashable, Sendable {
    case key(String)
    case index(Int)
    case named(String)
}

/// A field path, printed the way kubectl's JSONPath reads: `spec.template.spec.containers[name=vllm].image`;
/// keys that are not plain identifiers are quoted: `metadata.labels["app.kubernetes.io/name"]`.
package struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    package var steps: [FieldStep]

    package init(_ steps: [FieldStep] = []) { self.steps = steps }

    package func appending(_ step: FieldStep) -> FieldPath { FieldPath(steps + [step]) }

    package var description: String {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key) where Self.isPlain(key): text += text.isEmpty ? key : ".\(key)"
            case .key(let key): text += "[\(ManifestValue.string(key).jsonText)]"
            case .index(let index): text += "[\(index)]"
            case .named(let name): text += "[name=\(name)]"
            }
        }
        return text.isEmpty ? "." : text
    }

    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}

/// A field that differs: `old` is nil when the field was added, `new` nil when it was removed.
/// Values are already masked for display; `masked` says a secret was hidden.
package struct FieldChange: Hashable, Sendable {
    package var path: FieldPath
    package var old: ManifestValue?
    package var new: ManifestValue?
    package var masked: Bool

    package init(path: FieldPath, old: ManifestValue?, new: ManifestValue?, masked: Bool = false) {
        self.path = path
        self.old = old
        self.new = new
        self.masked = masked
    }
}

/// The structural difference of two values, leaf by leaf.
package enum ValueDiff {
    /// Every field that differs between `old` and `new`, in path order. Lists of scalars are
    /// compared whole (one change reads better than index shuffles); lists of maps that each
    /// carry a unique `name` are matched by name; other lists index by index.
    package static func changes(from old: ManifestValue?, to new: ManifestValue?, at path: FieldPath = FieldPath()) -> [FieldChange] {
        var changes: [FieldChange] = []
        collect(old, new, path, into: &changes)
        return changes
    }

    private static func collect(_ old: ManifestValue?, _ new: ManifestValue?, _ path: FieldPath, into changes: inout [FieldChange]) {
        if old == new { return }
        switch (old, new) {
        case let (.map(a)?, .map(b)?):
            let keys = Set(a.keys).union(b.keys).sorted { $0.precedesInByteOrder($1) }
            for key in keys { collect(a[key], b[key], path.appending(.key(key)), into: &changes) }
        case let (.list(a)?, .list(b)?):
            if let oldNamed = named(a), let newNamed = named(b) {
                let names = newNamed.map(\.name) + oldNamed.map(\.name).filter { name in !newNamed.contains { $0.name == name } }
                for name in names {
                    collect(oldNamed.first { $0.name == name }?.item, newNamed.first { $0.name == name }?.item,
                            path.appending(.named(name)), into: &changes)
                }
            } else if (a + b).allSatisfy({ $0.mapValue == nil && $0.listValue == nil }) {
                changes.append(FieldChange(path: path, old: old, new: new))
            } else {
                for index in 0..<max(a.count, b.count) {
                    collect(index < a.count ? a[index] : nil, index < b.count ? b[index] : nil,
                            path.appending(.index(index)), into: &changes)
                }
            }
        default:
            changes.append(FieldChange(path: path, old: old, new: new))
        }
    }

    /// The items with their names when every item is a map with a string `name` and no name
    /// repeats; nil otherwise (an empty list is not named: it cannot be matched).
    private static func named(_ items: [ManifestValue]) -> [(name: String, item: ManifestValue)]? {
        var result: [(name: String, item: ManifestValue)] = []
        var seen = Set<String>()
        for item in items {
            guard let name = item["name"]?.stringValue, seen.insert(name).inserted else { return nil }
            result.append((name, item))
        }
        return result.isEmpty ? nil : result
    }
}
