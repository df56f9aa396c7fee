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
            var map = takeMap()
            defer { self = .map(map) }
            if rest.isEmpty {
                map[key] = newValue
            } else {
                Self.set(newValue, at: rest, in: &map[key])
            }
        case .index(let index):
            guard case .list(var items) = self, index >= 0, index <= items.count else { return }
            // The list moved out: one owner, so the item changes in place.
            self = .null
            defer { self = .list(items) }
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
        }
    }

    /// Sets below `slot`, an entry of a map: a missing entry becomes a map first. The child is
    /// moved out of the slot while it changes, so nothing under it is copied.
    private static func set(_ newValue: ManifestValue?, at path: ArraySlice<ManifestPathComponent>, in slot: inout ManifestValue?) {
        var child = slot ?? .emptyMap
        slot = nil
        child.set(newValue, at: path)
        slot = child
    }
}
