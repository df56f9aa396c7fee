/// YAML/JSON-like data: the value every emitter builds and the one renderer turns into bytes.
///
/// Maps are `ManifestMap`s, whose key order never matters (the renderer owns the order), so two
/// values built in different orders are equal.
package enum ManifestValue: Hashable, Sendable {
    case string(String)
    case int(Int64)
    /// Rare in Kubernetes objects (quantities are strings); kept for template fidelity.
    case double(Double)
    case bool(Bool)
    case null
    case list([ManifestValue])
    case map(ManifestMap)

    /// An empty map, `{}`.
    package static var emptyMap: ManifestValue { .map(ManifestMap()) }

    /// The string payload, or nil for any other case.
    package var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer payload, or nil for any other case.
    package var intValue: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// The boolean payload, or nil for any other case.
    package var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The list payload, or nil for any other case.
    package var listValue: [ManifestValue]? {
        if case .list(let l) = self { return l }
        return nil
    }

    /// The map payload, or nil for any other case.
    package var mapValue: ManifestMap? {
        if case .map(let m) = self { return m }
        return nil
    }

    /// True for `.null`.
    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value under `key` when this is a map; nil otherwise. Setting on a non-map turns it into
    /// a map holding only that key; setting nil removes the key.
    package subscript(key: String) -> ManifestValue? {
        get {
            guard case .map(let map) = self else { return nil }
            return map[key]
        }
        set {
            var map = takeMap()
            map[key] = newValue
            self = .map(map)
        }
        _modify {
            var map = takeMap()
            defer { self = .map(map) }
            yield &map[key]
        }
    }

    /// The map this value holds (an empty one for any other case), moved out and `self` left
    /// `.null`: the map's storage then has one owner, so changing it copies nothing.
    mutating func takeMap() -> ManifestMap {
        guard case .map(let map) = self else { return ManifestMap() }
        self = .null
        return map
    }

    /// The item at `index` when this is a list and the index is in range; nil otherwise.
    package subscript(index: Int) -> ManifestValue? {
        guard case .list(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
}

extension ManifestValue: ExpressibleByStringLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
}

extension ManifestValue: ExpressibleByIntegerLiteral {
    package init(integerLiteral value: Int64) { self = .int(value) }
}

extension ManifestValue: ExpressibleByFloatLiteral {
    package init(floatLiteral value: Double) { self = .double(value) }
}

extension ManifestValue: ExpressibleByBooleanLiteral {
    package init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension ManifestValue: ExpressibleByArrayLiteral {
    package init(arrayLiteral elements: ManifestValue...) { self = .list(elements) }
}

extension ManifestValue: ExpressibleByDictionaryLiteral {
    /// A later duplicate key replaces an earlier one.
    package init(dictionaryLiteral elements: (String, ManifestValue)...) {
        self = .map(ManifestMap(elements))
    }
}
