/// The spec with every default filled in, as a document: what `platformc compile --show-defaults`
/// prints and what the spec digest is taken over (so a reformatted or reordered-key spec keeps
/// its digest, and a changed default changes it).
package enum EffectiveSpec {
    /// Lists whose order carries meaning; every other list is sorted, so that reordering a spec's
    /// lists changes neither its digest nor anything compiled from it.
    static let orderedLists: Set<String> = ["command", "fallbacks"]

    package static func document(_ root: SpecNode) -> ManifestValue {
        object(root, PlatformShape.platform)
    }

    private static func object(_ node: SpecNode?, _ shape: ObjectShape) -> ManifestValue {
        var map = ManifestMap()
        for field in shape.fields {
            let present = node?[field.name].flatMap { $0.scalar?.isNull == true ? nil : $0 }
            if let present {
                var v = value(present, field.type)
                if case let .list(items) = v, !orderedLists.contains(field.name) {
                    // Each item rendered once, not once per comparison.
                    v = .list(items.map { (YAMLRenderer.render($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1))
                }
                map[field.name] = v
            } else if let def = field.defaultValue {
                map[field
                    .name] = scalar(SpecScalar(text: def, quoted: false, location: node?.location ?? .init(file: "", line: 0, column: 0)),
                    field.type)
            }
        }
        return .map(map)
    }

    private static func value(_ node: SpecNode, _ type: SpecType) -> ManifestValue {
        switch type {
        case let .object(shape): return object(node, shape)
        case let .list(item): return .list((node.items ?? []).map { value($0, item) })
        case let .map(item):
            return .map(ManifestMap((node.pairs ?? []).map { ($0.key.text, value($0.value, item)) }))
        case let .quantityOrObject(kind, shape):
            return node.pairs != nil ? object(node, shape) : value(node, .quantity(kind))
        default:
            return node.scalar.map { scalar($0, type) } ?? .null
        }
    }

    private static func scalar(_ s: SpecScalar, _ type: SpecType) -> ManifestValue {
        switch type {
        case .integer: return s.int.map { .int(Int64($0)) } ?? .string(s.text)
        case .number: return s.int.map { .int(Int64($0)) } ?? s.double.map(ManifestValue.double) ?? .string(s.text)
        case .boolean: return s.bool.map(ManifestValue.bool) ?? .string(s.text)
        default: return .string(s.text)
        }
    }
}
