/// Turns an `Encodable` value into a `ManifestValue`, so a Codable report row reaches the one
/// JSON writer (`JSONWriter`) instead of Foundation's. Encodes as `JSONEncoder` does with its
/// defaults: an optional that is nil is left out (synthesized `encodeIfPresent`), a dictionary
/// with String keys is a map, integers are integers and floating-point numbers doubles.
package enum ManifestValueEncoder {
    package static func encode<T: Encodable>(_ value: T) throws -> ManifestValue {
        let root = Slot()
        try value.encode(to: Encoder(slot: root, codingPath: []))
        return root.value
    }

    /// Where one value goes; containers fill theirs in as they are encoded.
    private final class Slot {
        var list: [Slot]?
        var map: [(String, Slot)]?
        var leaf: ManifestValue = .null

        var value: ManifestValue {
            if let list { return .list(list.map(\.value)) }
            if let map { return .map(ManifestMap(map.map { ($0.0, $0.1.value) })) }
            return leaf
        }
    }

    private struct Encoder: Swift.Encoder {
        let slot: Slot
        var codingPath: [CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if slot.map == nil { slot.map = [] }
            return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            if slot.list == nil { slot.list = [] }
            return Unkeyed(slot: slot, codingPath: codingPath)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
    }

    /// Scalars: what every container's `encode` ends in.
    private static func scalar<T: Encodable>(_ value: T) -> ManifestValue? {
        switch value {
        case let v as Bool: return .bool(v)
        case let v as String: return .string(v)
        case let v as Int: return .int(Int64(v))
        case let v as Int64: return .int(v)
        case let v as Int32: return .int(Int64(v))
        case let v as UInt32: return .int(Int64(v))
        case let v as Double: return .double(v)
        case let v as Float: return .double(Double("\(v)") ?? Double(v))
        default: return nil
        }
    }

    private static func encode<T: Encodable>(_ value: T, into slot: Slot, codingPath: [CodingKey]) throws {
        if let leaf = scalar(value) { slot.leaf = leaf; return }
        try value.encode(to: Encoder(slot: slot, codingPath: codingPath))
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        var codingPath: [CodingKey]

        private func child(_ key: Key) -> Slot {
            let child = Slot()
            slot.map?.append((key.stringValue, child))
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { _ = child(key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try ManifestValueEncoder.encode(value, into: child(key), codingPath: codingPath + [key])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            Encoder(slot: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            Encoder(slot: child(key), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> Swift.Encoder { Encoder(slot: slot, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> Swift.Encoder { Encoder(slot: child(key), codingPath: codingPath + [key]) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        var codingPath: [CodingKey]
        var count: Int { slot.list?.count ?? 0 }

        private func child() -> Slot {
            let child = Slot()
            slot.list?.append(child)
            return child
        }

        mutating func encodeNil() throws { _ = child() }
        mutating func encode<T: Encodable>(_ value: T) throws { try ManifestValueEncoder
            .encode(value, into: child(), codingPath: codingPath) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            Encoder(slot: child(), codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { Encoder(slot: child(), codingPath: codingPath)
            .unkeyedContainer() }
        mutating func superEncoder() -> Swift.Encoder { Encoder(slot: child(), codingPath: codingPath) }
    }

    private struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [CodingKey]

        mutating func encodeNil() throws { slot.leaf = .null }
        mutating func encode<T: Encodable>(_ value: T) throws { try ManifestValueEncoder.encode(value, into: slot, codingPath: codingPath) }
    }
}
