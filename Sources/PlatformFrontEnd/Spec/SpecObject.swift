import PlatformDiagnostics

/// Typed reading of one checked spec object: a reader returns nil for an absent key, and the
/// lowering applies the default (`SpecDefaults`, which `PlatformShape` documents); the checker has
/// already reported any malformed value, so a reader returns nil for it rather than reporting again.
package struct SpecObject {
    package let node: SpecNode?
    package let shape: ObjectShape
    /// Where this object is: its `name` key when it has one, else its first key, else its parent's key.
    package let location: SourceLocation

    package init(_ node: SpecNode?, _ shape: ObjectShape, fallback: SourceLocation) {
        self.node = node
        self.shape = shape
        self.location = node?["name"]?.location ?? node?.pairs?.first?.key.location ?? fallback
    }

    package var isPresent: Bool { node != nil }

    /// The value node under `key`, nil when absent or null.
    package func raw(_ key: String) -> SpecNode? {
        guard let value = node?[key], !(value.scalar?.isNull ?? false) else { return nil }
        return value
    }

    /// The location of `key`'s value, or of this object when the key is absent.
    package func loc(_ key: String) -> SourceLocation { raw(key)?.location ?? location }

    /// The location of the key itself (`key:`), for messages about the whole entry.
    package func keyLoc(_ key: String) -> SourceLocation {
        node?.pairs?.first { $0.key.text == key }?.key.location ?? location
    }

    package func has(_ key: String) -> Bool { raw(key) != nil }

    private func scalar(_ key: String) -> SpecScalar? { raw(key)?.scalar }

    package func string(_ key: String) -> String? { scalar(key)?.text }
    package func int(_ key: String) -> Int? { scalar(key)?.int }
    package func double(_ key: String) -> Double? { scalar(key)?.double }
    package func bool(_ key: String) -> Bool? { scalar(key)?.bool }

    package func quantity(_ key: String, _ kind: QuantityKind) -> Int64? {
        scalar(key).flatMap { SpecValue.quantity($0, kind) }
    }

    package func money(_ key: String) -> Money? { quantity(key, .money).map(Money.init(micros:)) }
    package func memory(_ key: String) -> ByteCount? { quantity(key, .memory).map(ByteCount.init(bytes:)) }

    package func object(_ key: String) -> SpecObject {
        guard case let .object(shape)? = shape.field(key)?.type else { preconditionFailure("`\(key)` is not an object field") }
        return SpecObject(raw(key), shape, fallback: keyLoc(key))
    }

    package func objects(_ key: String) -> [SpecObject] {
        guard case let .list(.object(shape))? = shape.field(key)?.type else { preconditionFailure("`\(key)` is not a list of objects") }
        return (raw(key)?.items ?? []).filter { $0.pairs != nil }.map { SpecObject($0, shape, fallback: loc(key)) }
    }

    package func strings(_ key: String) -> [String] {
        (raw(key)?.items ?? []).compactMap { $0.scalar.flatMap { $0.isNull ? nil : $0.text } }
    }

    package func stringMap(_ key: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in raw(key)?.pairs ?? [] { if let s = pair.value.scalar, !s.isNull { out[pair.key.text] = s.text } }
        return out
    }

    package func intMap(_ key: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for pair in raw(key)?.pairs ?? [] { if let v = pair.value.scalar?.int { out[pair.key.text] = v } }
        return out
    }

    /// Each pair of a free-keyed map with the location of its key.
    package func entries(_ key: String) -> [(key: String, value: SpecNode, location: SourceLocation)] {
        (raw(key)?.pairs ?? []).map { ($0.key.text, $0.value, $0.key.location) }
    }
}

/// Scalar → canonical integer for each quantity kind (bytes, bits/s, micros, count, seconds).
package enum SpecValue {
    package static func quantity(_ scalar: SpecScalar, _ kind: QuantityKind) -> Int64? {
        let text = scalar.text
        switch kind {
        case .memory: return QuantityParser.memory(text)?.bytes
        case .bandwidth: return QuantityParser.bandwidth(text).map { Int64($0.bitsPerSecond) }
        case .money: return QuantityParser.money(text)?.micros
        case .parameters, .count: return QuantityParser.count(text)
        case .duration: return QuantityParser.durationSeconds(text).map(Int64.init)
        }
    }
}
