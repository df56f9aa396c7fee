import PlatformCore

/// Completion at a cursor (LSP 3.17 `language/completion.md`): the keys of the mapping the cursor
/// is in (from `PlatformShape`), the values of an enumeration, `true`/`false`, and the names the
/// spec defines where a key refers to one (a model's team, a route's model, a placement's pool,
/// an agent's MCP server and its tools, GPU models and instance types from the catalogs).
enum CompletionItems {
    /// LSP `CompletionItemKind`.
    enum Kind: Int { case property = 10, value = 12, enumMember = 20, reference = 18 }

    struct Item: Equatable {
        var label: String
        var kind: Kind
        var detail: String
        var documentation: String?
        var insertText: String

        var json: JSONValue {
            var object: [String: JSONValue] = ["label": .string(label), "kind": .int(kind.rawValue), "detail": .string(detail),
                                               "insertText": .string(insertText)]
            if let documentation { object["documentation"] = ["kind": "markdown", "value": .string(documentation)] }
            return .object(object)
        }
    }

    static func items(at cursor: YAMLCursor, names: NameIndex, siblings: (String) -> String?) -> [Item] {
        switch cursor.role {
        case .key:
            return keys(of: ShapeLookup.object(at: cursor.path))
        case let .value(key):
            guard let field = ShapeLookup.field(key, at: cursor.path) else {
                // A free-key map (`perModel: {H100…: 8}` values) has no names to offer.
                return []
            }
            return values(for: field.type, key: key, path: cursor.path, names: names, siblings: siblings)
        case .item:
            switch ShapeLookup.type(at: cursor.path) {
            case let .list(.object(shape))?: return keys(of: shape)
            case let .list(item)?:
                guard case let .key(key)? = cursor.path.last else { return [] }
                return values(for: item, key: key, path: Array(cursor.path.dropLast()), names: names, siblings: siblings)
            default: return []
            }
        }
    }

    private static func keys(of shape: ObjectShape?) -> [Item] {
        guard let shape else { return [] }
        return shape.fields.map { field in
            Item(label: field.name, kind: .property, detail: ShapeLookup.describe(field.type) + (field.required ? " (required)" : ""),
                 documentation: ShapeLookup.documentation(field), insertText: field.name + ": ")
        }
    }

    private static func values(for type: SpecType, key: String, path: [YAMLCursor.Step], names: NameIndex,
                               siblings: (String) -> String?) -> [Item] {
        switch type {
        case let .enumeration(values):
            return values.map { Item(label: $0, kind: .enumMember, detail: "`\(key)`", documentation: nil, insertText: $0) }
        case .boolean:
            return ["true", "false"].map { Item(label: $0, kind: .value, detail: "boolean", documentation: nil, insertText: $0) }
        case let .list(item):
            return values(for: item, key: key, path: path, names: names, siblings: siblings)
        default:
            if key == "instanceType" {
                return InstanceCatalog.builtIn.names
                    .map { Item(label: $0, kind: .value, detail: "instance type", documentation: nil, insertText: $0) }
            }
            guard let (kind, scope) = reference(key: key, path: path, siblings: siblings) else { return [] }
            let candidates: [String]
            switch kind {
            case .gpu: candidates = Array(Set(GPUCatalog.builtIn.names + names.names(.gpu))).sorted()
            case .workload: candidates = Array(Set(names.names(.model) + names.names(.training) + names.names(.agent))).sorted()
            default: candidates = names.names(kind, scope: scope).isEmpty ? names.names(kind) : names.names(kind, scope: scope)
            }
            return candidates.map { Item(label: $0, kind: .reference, detail: kind.rawValue, documentation: nil, insertText: $0) }
        }
    }

    /// Which kind of name the value of `key` at `path` refers to, and its scope (a pool's cluster,
    /// a tool's MCP server) when a sibling key gives it.
    static func reference(key: String, path: [YAMLCursor.Step], siblings: (String) -> String?) -> (NameIndex.Kind, String?)? {
        let section: String? = path.lazy.compactMap { step -> String? in if case let .key(k) = step { return k }; return nil }.first
        let parent: String? = path.lazy.compactMap { step -> String? in if case let .key(k) = step { return k }; return nil }.last
        switch (section, parent, key) {
        case (_, _, "team"): return (.team, nil)
        case ("routes", "backends", "model"), ("agents", _, "model"), ("models", _, "canaryOf"): return (.model, nil)
        case ("models", "gpu", "model"), ("clusters", _, "gpu"), ("training", _, "gpu"), ("policy", _, "allowedGPUs"): return (.gpu, nil)
        case (_, _, "cluster"): return (.cluster, nil)
        case ("models", "placement", "pool"), ("training", _, "pool"): return (.pool, siblings("cluster"))
        case ("routes", "fallbacks", "provider"): return (.provider, nil)
        case ("agents", "tools", "mcpServer"): return (.mcpServer, nil)
        case ("agents", "tools", "allow"): return (.tool, siblings("mcpServer"))
        case ("security", _, "workload"): return (.workload, nil)
        default: return nil
        }
    }
}
