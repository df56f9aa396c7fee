import PlatformCore

/// Follows a YAML path through `PlatformShape`, the spec grammar every key is documented in.
enum ShapeLookup {
    /// The type of the value at `path` (nil when the path leaves the grammar, e.g. a misspelt key).
    static func type(at path: [YAMLCursor.Step]) -> SpecType? {
        var type = SpecType.object(PlatformShape.platform)
        for step in path {
            switch (step, type) {
            case let (.key(key), .object(shape)), let (.key(key), .quantityOrObject(_, shape)):
                guard let field = shape.field(key) else { return nil }
                type = field.type
            case let (.key, .map(value)):
                type = value
            case let (.item, .list(item)):
                type = item
            default:
                return nil
            }
        }
        return type
    }

    /// The object whose keys may be written at `path`.
    static func object(at path: [YAMLCursor.Step]) -> ObjectShape? {
        switch type(at: path) {
        case let .object(shape)?, let .quantityOrObject(_, shape)?: return shape
        case let .list(.object(shape))?: return shape
        default: return nil
        }
    }

    /// The field `key` of the object at `path`.
    static func field(_ key: String, at path: [YAMLCursor.Step]) -> FieldShape? {
        object(at: path)?.field(key)
    }

    /// `a list of ModelGPU`, `one of \`bf16\`, …`: how the hover and completion detail name a type.
    static func describe(_ type: SpecType) -> String {
        switch type {
        case .string(let pattern): return pattern == nil ? "string" : "string matching `\(pattern!)`"
        case .integer(let minimum): return minimum.map { "integer ≥ \($0)" } ?? "integer"
        case .number(let minimum): return minimum.map { "number ≥ \(Int($0))" } ?? "number"
        case .boolean: return "boolean"
        case let .quantity(kind): return kind.rawValue
        case let .enumeration(values): return "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case let .list(item): return "list of \(describe(item))"
        case let .object(shape): return shape.name
        case let .map(value): return "map of \(describe(value))"
        case let .quantityOrObject(kind, shape): return "\(kind.rawValue) or \(shape.name)"
        }
    }

    /// Markdown documentation of one key.
    static func documentation(_ field: FieldShape) -> String {
        var text = "**`\(field.name)`**: \(field.doc)\n\n*type*: \(describe(field.type))"
        if field.required { text += " · *required*" } else if let value = field.defaultValue { text += " · *default*: `\(value)`" }
        switch field.type {
        case let .object(shape), let .list(.object(shape)), let .quantityOrObject(_, shape):
            text += "\n\n\(shape.name): \(shape.doc) Keys: " + shape.fields.map { "`\($0.name)`" }.joined(separator: ", ")
        default: break
        }
        return text
    }
}
