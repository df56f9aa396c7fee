import Foundation

/// The README's spec reference, generated from `PlatformShape` (keys, types, defaults, docs) with
/// examples taken from an example spec (the bundled platform.yaml), so the text cannot drift.
package enum SpecReference {
    package static func markdown(example: ManifestValue?) -> String {
        var sections: [String] = []
        var seen = Set<String>()
        func walk(_ shape: ObjectShape, path: String, example: ManifestValue?) {
            guard seen.insert(shape.name).inserted else { return }
            var text =
                "#### `\(path)` (\(shape.name))\n\n\(shape.doc)\n\n| key | type | default | example | meaning |\n|---|---|---|---|---|\n"
            var nested: [(ObjectShape, String, ManifestValue?)] = []
            for field in shape.fields {
                let value = example?[field.name]
                let def = field.required ? "required" : field.defaultValue.map { "`\($0)`" } ?? "—"
                text += "| `\(field.name)` | \(typeName(field.type)) | \(def) | \(exampleText(value)) | "
                    + "\(field.doc.replacingOccurrences(of: "|", with: "\\|")) |\n"
                switch field.type {
                case let .object(s): nested.append((s, "\(path).\(field.name)", value))
                case let .list(.object(s)): nested.append((s, "\(path).\(field.name)[]", value?[0]))
                case let .quantityOrObject(_, s): nested.append((s, "\(path).\(field.name)", value?.mapValue != nil ? value : nil))
                default: break
                }
            }
            sections.append(text)
            for (s, p, e) in nested { walk(s, path: p, example: e) }
        }
        walk(PlatformShape.platform, path: "platform", example: example)
        return sections.joined(separator: "\n")
    }

    private static func typeName(_ type: SpecType) -> String {
        switch type {
        case .string: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case let .quantity(kind): return kind.rawValue
        case let .enumeration(values): return values.map { "`\($0)`" }.joined(separator: " \\| ")
        case let .list(item): return "list of \(typeName(item))"
        case let .object(shape): return shape.name
        case let .map(value): return "map of \(typeName(value))"
        case let .quantityOrObject(kind, shape): return "\(kind.rawValue) or \(shape.name)"
        }
    }

    private static func exampleText(_ value: ManifestValue?) -> String {
        guard let value else { return "" }
        switch value {
        case .map, .list:
            let flow = YAMLRenderer.render(value).split(separator: "\n").joined(separator: " ")
            return flow.count > 60 ? "see below" : "`\(flow)`"
        default:
            let text = YAMLRenderer.render(value).trimmingCharacters(in: .newlines)
            return text.contains("\n") ? "(multi-line)" : "`\(text.replacingOccurrences(of: "|", with: "\\|"))`"
        }
    }
}
