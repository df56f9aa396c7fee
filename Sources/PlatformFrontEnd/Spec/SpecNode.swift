import PlatformDiagnostics

/// The spec as YAML gave it, with a location on every node, aliases expanded (within a bound)
/// and mapping pairs kept in source order, duplicates included, so later checks can see them.
package indirect enum SpecNode: Sendable {
    case scalar(SpecScalar)
    case mapping([SpecPair], SourceLocation)
    case sequence([SpecNode], SourceLocation)

    package var location: SourceLocation {
        switch self {
        case let .scalar(s): return s.location
        case let .mapping(_, loc), let .sequence(_, loc): return loc
        }
    }

    /// What a user calls this kind of node in a message.
    package var kindName: String {
        switch self {
        case let .scalar(s): return s.kindName
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    package var scalar: SpecScalar? { if case let .scalar(s) = self { return s }; return nil }
    package var pairs: [SpecPair]? { if case let .mapping(p, _) = self { return p }; return nil }
    package var items: [SpecNode]? { if case let .sequence(i, _) = self { return i }; return nil }

    /// The value under `key` in a mapping (the first one, when a duplicate was already reported).
    package subscript(key: String) -> SpecNode? {
        pairs?.first { $0.key.text == key }?.value
    }
}

/// One `key: value` pair; the key's location is where diagnostics about the pair point.
package struct SpecPair: Sendable {
    package var key: SpecScalar
    package var value: SpecNode
}

/// A scalar's text, whether it was quoted (quoted text is always a string), and where it stands.
package struct SpecScalar: Sendable {
    package var text: String
    package var quoted: Bool
    package var location: SourceLocation

    package var isNull: Bool { !quoted && ["", "~", "null", "Null", "NULL"].contains(text) }

    package var bool: Bool? {
        guard !quoted else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// `1_000` is 1000. Only digits, a sign and `_` can make an Int, so dropping the ASCII `_` bytes is
    /// exact (and far cheaper than Foundation's `replacingOccurrences`, run for every integer of the spec).
    package var int: Int? {
        guard !quoted else { return nil }
        guard text.utf8.contains(UInt8(ascii: "_")) else { return Int(text) }
        return Int(String(decoding: text.utf8.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self))
    }

    package var double: Double? {
        guard !quoted, let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
        return Double(text)
    }

    var kindName: String {
        if isNull { return "null" }
        if bool != nil { return "a boolean" }
        if int != nil { return "an integer" }
        if double != nil { return "a number" }
        return "a string"
    }
}
