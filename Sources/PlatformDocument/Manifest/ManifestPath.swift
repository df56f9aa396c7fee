/// One step into a `ManifestValue`: a map key or a list index.
package enum ManifestPathComponent: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    package init(stringLiteral value: String) { self = .key(value) }
    package init(integerLiteral value: Int) { self = .index(value) }
}

extension ManifestValue {
    /// The value at `path` (`value[path: ["spec", "template", "spec"]]`), nil when any step is
    /// missing.
    ///
    /// Setting creates the maps a key step needs (replacing a scalar in the way); an index step
    /// sets an existing item or appends when the index equals the list's count, and otherwise
    /// changes nothing. Setting nil removes the last key (or list item).
    package subscript(path path: [ManifestPathComponent]) -> ManifestValue? {
        get {
            var current: ManifestValue? = self
            for component in path {
                switch component {
                case .key(let key): current = current?[key]
                case .index(let index): current = current?[index]
                }
            }
            return current
        }
        set { set(newValue, at: path[...]) }
    }

    private mutating func set(_ newValue: ManifestValue?, at path: ArraySlice<ManifestPathComponent>) {
        guard let first = path.first else {
            self = newValue ?? .null
            return
        }
        let rest = path.dropFirst()
        switch first {
        case .key(let key):
            var map = mapValue ?? ManifestMap()
            if rest.isEmpty {
                map[key] = newValue
            } else {
                var child = map[key] ?? .emptyMap
                child.set(newValue, at: rest)
                map[key] = child
            }
            self = .map(map)
        case .index(let index):
            guard case .list(var items) = self, index >= 0, index <= items.count else { return }
            if index == items.count {
                guard let newValue else { return }
                var child = ManifestValue.emptyMap
                child.set(newValue, at: rest)
                items.append(child)
            } else if rest.isEmpty, newValue == nil {
                items.remove(at: index)
            } else {
                items[index].set(newValue, at: rest)
            }
            self = .list(items)
        }
    }
}
