/// The grammar of `platform.yaml` as data. The structural checker and `platformc schema` both read
/// these definitions, so the parser and the published JSON Schema cannot drift apart.
public indirect enum SpecType: Sendable {
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
public struct FieldShape: Sendable {
    public var name: String
    public var type: SpecType
    public var required: Bool
    public var defaultValue: String?
    public var doc: String

    public init(_ name: String, _ type: SpecType, required: Bool = false, default defaultValue: String? = nil, _ doc: String) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.doc = doc
    }
}

/// An object's keys; `name` doubles as the JSON Schema `$defs` name.
public struct ObjectShape: Sendable {
    public var name: String
    public var doc: String
    public var fields: [FieldShape]

    public init(_ name: String, _ doc: String, _ fields: [FieldShape]) {
        self.name = name
        self.doc = doc
        self.fields = fields
    }

    public func field(_ key: String) -> FieldShape? { fields.first { $0.name == key } }
}
