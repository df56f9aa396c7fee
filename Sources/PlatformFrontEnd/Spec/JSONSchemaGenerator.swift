import Foundation

/// `PlatformShape` → JSON Schema (draft 2020-12), for editors and other tools. Generated from the
/// same definitions the checker uses, so the two accept the same documents.
package enum JSONSchemaGenerator {
    package static func schema() -> String {
        var defs: [String: Any] = [:]
        collect(PlatformShape.platform, into: &defs)
        var root = object(PlatformShape.platform)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = "https://platformc.dev/schemas/platformc-v1alpha1.json"
        root["title"] = "platformc platform spec (platformc/v1alpha1)"
        defs.removeValue(forKey: PlatformShape.platform.name)
        root["$defs"] = defs
        return JSONWriter.text(value(root), .foundationSerialization) + "\n"
    }

    /// The schema's objects, built as `JSONSerialization` takes them, as a value for the one JSON writer.
    private static func value(_ any: Any) -> ManifestValue {
        switch any {
        case let v as Bool: return .bool(v)
        case let v as Int: return .int(Int64(v))
        case let v as Double: return .double(v)
        case let v as String: return .string(v)
        case let v as [Any]: return .list(v.map(value))
        case let v as [String: Any]: return .map(ManifestMap(v.map { ($0.key, value($0.value)) }))
        default: preconditionFailure("schema value of type \(type(of: any))")
        }
    }

    private static func collect(_ shape: ObjectShape, into defs: inout [String: Any]) {
        guard defs[shape.name] == nil else { return }
        defs[shape.name] = object(shape)
        for field in shape.fields { collect(field.type, into: &defs) }
    }

    private static func collect(_ type: SpecType, into defs: inout [String: Any]) {
        switch type {
        case let .object(shape), let .quantityOrObject(_, shape): collect(shape, into: &defs)
        case let .list(item), let .map(item): collect(item, into: &defs)
        default: break
        }
    }

    private static func object(_ shape: ObjectShape) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in shape.fields {
            var p = schema(for: field.type)
            p["description"] = field.doc
            if let d = field.defaultValue { p["default"] = defaultJSON(d, field.type) }
            properties[field.name] = p
        }
        var o: [String: Any] = ["type": "object", "description": shape.doc, "properties": properties, "additionalProperties": false]
        let required = shape.fields.filter(\.required).map(\.name)
        if !required.isEmpty { o["required"] = required }
        return o
    }

    private static func schema(for type: SpecType) -> [String: Any] {
        switch type {
        case let .string(pattern):
            var s: [String: Any] = ["type": "string"]
            if let pattern { s["pattern"] = pattern }
            return s
        case let .integer(minimum):
            var s: [String: Any] = ["type": "integer"]
            if let minimum { s["minimum"] = minimum }
            return s
        case let .number(minimum):
            var s: [String: Any] = ["type": "number"]
            if let minimum { s["minimum"] = minimum }
            return s
        case .boolean: return ["type": "boolean"]
        case let .quantity(kind): return quantity(kind)
        case let .enumeration(values): return ["enum": values]
        case let .list(item): return ["type": "array", "items": schema(for: item)]
        case let .object(shape): return ["$ref": "#/$defs/\(shape.name)"]
        case let .map(value): return ["type": "object", "additionalProperties": schema(for: value)]
        case let .quantityOrObject(kind, shape): return ["anyOf": [quantity(kind), ["$ref": "#/$defs/\(shape.name)"]]]
        }
    }

    /// Quantities accept a string in their grammar, or a plain number where the grammar allows it.
    private static func quantity(_ kind: QuantityKind) -> [String: Any] {
        let text: [String: Any] = ["type": "string", "pattern": kind.pattern]
        switch kind {
        case .memory, .money, .parameters, .count: return ["anyOf": [text, ["type": "number", "minimum": 0]]]
        case .bandwidth, .duration: return text
        }
    }

    private static func defaultJSON(_ text: String, _ type: SpecType) -> Any {
        switch type {
        case .integer: return Int(text) ?? text
        case .number: return Double(text) ?? text
        case .boolean: return text == "true"
        default: return text
        }
    }
}
