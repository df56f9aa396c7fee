/// The grammar of `platform.yaml` as data. The structural checker and `platformc schema` both read
/// these definitions, so the parser and the published JSON Schema cannot drift apart.
package indirect enum SpecType: Sendable {
    case string(pattern: String? = nil)
    case integer(minimum: Int? = nil)
    case number(minimum: Double? = nil)
    case boolean
    case quantity(QuantityKind)
    case enumeration([String])
    case list(SpecType)
    case object(ObjectShape)
    /// A mapping with free keys (header names, MIG profiles, rule ids), all with values of one type.
    case map(SpecType)
    /// A scalar quantity or an object (e.g. `parameters: 70B` or `parameters: {total: 47B, active: 13B}`).
    case quantityOrObject(QuantityKind, ObjectShape)

    var displayName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .number: return "a number"
        case .boolean: return "a boolean"
        case let .quantity(kind): return kind.displayName
        case let .enumeration(values): return "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .list: return "a list"
        case .object, .map: return "a mapping"
        case let .quantityOrObject(kind, _): return "\(kind.displayName) or a mapping"
        }
    }
}

/// One key of an object.
package struct FieldShape: Sendable {
    package var name: String
    package var type: SpecType
    package var required: Bool
    package var defaultValue: String?
    package var doc: String

    /// `defaultValue` is a constant of `SpecDefaults` (its one home), kept here as the spec's text.
    package init(_ name: String, _ type: SpecType, required: Bool = false, default defaultValue: (any SpecDefaultValue)? = nil,
        _ doc: String) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue?.specText
        self.doc = doc
    }
}

/// An object's keys; `name` doubles as the JSON Schema `$defs` name.
package struct ObjectShape: Sendable {
    package var name: String
    package var doc: String
    package var fields: [FieldShape]

    package init(_ name: String, _ doc: String, _ fields: [FieldShape]) {
        self.name = name
        self.doc = doc
        self.fields = fields
    }

    package func field(_ key: String) -> FieldShape? { fields.first { $0.name == key } }
}
