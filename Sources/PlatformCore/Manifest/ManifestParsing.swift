import Yams

/// Why a YAML text could not become a `ManifestValue`.
public struct ManifestParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// 1-based line and column, when known.
    public var line: Int?
    public var column: Int?

    public var description: String {
        guard let line, let column else { return message }
        return "\(line):\(column): \(message)"
    }
}

extension ManifestValue {
    /// Parses one YAML document (an empty text is `.null`).
    ///
    /// Plain scalars resolve by the YAML 1.2 core schema: `null`/`~`/empty, `true`/`false`,
    /// decimal/`0o`/`0x` integers that fit Int64, floats, `.inf`, `.nan`; everything else,
    /// including 1.1's `yes`/`on` and timestamps, stays a string; quoted scalars are strings.
    /// Explicit `!!str`, `!!int`, `!!float`, `!!bool`, `!!null` tags are honoured. Duplicate keys
    /// and non-scalar keys are errors.
    public static func parse(yaml: String) throws -> ManifestValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .basic)
        } catch {
            throw ManifestParseError(message: "\(error)", line: nil, column: nil)
        }
        guard let node else { return .null }
        return try convert(node)
    }

    private static func convert(_ node: Node) throws -> ManifestValue {
        switch node {
        case .scalar(let scalar):
            return resolve(scalar)
        case .sequence(let sequence):
            return .list(try sequence.map(convert))
        case .mapping(let mapping):
            var map = ManifestMap()
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let key) = keyNode else {
                    throw error("mapping keys must be scalars", at: keyNode)
                }
                if map.contains(key.string) {
                    throw error("duplicate key `\(key.string)`", at: keyNode)
                }
                map[key.string] = try convert(valueNode)
            }
            return .map(map)
        }
    }

    private static func error(_ message: String, at node: Node) -> ManifestParseError {
        ManifestParseError(message: message, line: node.mark?.line, column: node.mark?.column)
    }

    private static func resolve(_ scalar: Node.Scalar) -> ManifestValue {
        let text = scalar.string
        switch Tag.Name(rawValue: scalar.tag.description) {
        case .int: return Int64(text).map(ManifestValue.int) ?? .string(text)
        case .float: return Double(text).map(ManifestValue.double) ?? .string(text)
        case .bool: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        case .null: return .null
        // Without resolver rules a plain scalar's tag stays implicit (""); quoted ones are `!!str`.
        case .implicit: return scalar.style == .plain ? YAMLCoreSchema.resolvePlain(text) : .string(text)
        default: return .string(text)
        }
    }
}
