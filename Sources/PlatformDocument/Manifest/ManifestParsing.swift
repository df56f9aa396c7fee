import Yams

/// Why a YAML text could not become a `ManifestValue`.
package struct ManifestParseError: Error, Hashable, Sendable, CustomStringConvertible {
    package var message: String
    /// 1-based line and column, when known.
    package var line: Int?
    package var column: Int?

    package var description: String {
        guard let line, let column else { return message }
        return "\(line):\(column): \(message)"
    }
}

extension ManifestParseError {
    /// libyaml's problem and position, never the `yaml` text Yams attaches to its errors.
    init(_ error: YamlError) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            self.init(message: "invalid YAML: \(problem)" + (context.map { " (\($0.text))" } ?? ""), line: mark.line, column: mark.column)
        case let .reader(problem, _, _, _):
            self.init(message: "cannot read the text: \(problem)", line: nil, column: nil)
        default:
            self.init(message: "invalid YAML", line: nil, column: nil)
        }
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
    ///
    /// Templates come from pull requests: the text is held to the spec loader's `YAMLLimits`
    /// (size, entries, depth, nodes and aliased bytes), and no error message carries the text's
    /// bytes (libyaml's problem in general terms, with line and column), so a template that is
    /// really a secrets file cannot print them.
    package static func parse(yaml: String) throws -> ManifestValue {
        guard yaml.utf8.count <= YAMLLimits.maxBytes else {
            throw ManifestParseError(message: "the text is larger than \(YAMLLimits.maxBytes >> 20) MiB", line: nil, column: nil)
        }
        let scan = YAMLTextScan(yaml)
        if let at = scan.entriesExceeded {
            throw ManifestParseError(message: "more than \(YAMLLimits.maxEntries) entries (lines and flow items)", line: at.line,
                column: at.column)
        }
        if let (at, _) = YAMLLimits.depthExceeded(yaml, flow: scan.flowDepthExceeded) {
            throw ManifestParseError(message: "nests deeper than \(YAMLLimits.maxDepth) levels", line: at.line, column: at.column)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw ManifestParseError(error)
        } catch {
            throw ManifestParseError(message: "invalid YAML", line: nil, column: nil)
        }
        guard let node else { return .null }
        var budget = YAMLLimits.ExpansionBudget(text: yaml)
        return try convert(node, budget: &budget)
    }

    private static func convert(_ node: Node, budget: inout YAMLLimits.ExpansionBudget) throws -> ManifestValue {
        if let exceeded = budget.spend(scalarBytes: node.scalar?.string.utf8.count ?? 0) {
            throw error(budget.message(exceeded, document: "the text"), at: node)
        }
        switch node {
        case .scalar(let scalar):
            return resolve(scalar)
        case .sequence(let sequence):
            var items: [ManifestValue] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, budget: &budget)) }
            return .list(items)
        case .mapping(let mapping):
            var map = ManifestMap()
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let key) = keyNode else {
                    throw error("mapping keys must be scalars", at: keyNode)
                }
                if let exceeded = budget.spend(scalarBytes: key.string.utf8.count) {
                    throw error(budget.message(exceeded, document: "the text"), at: keyNode)
                }
                if map.contains(key.string) {
                    throw error("duplicate key in mapping", at: keyNode)
                }
                map[key.string] = try convert(valueNode, budget: &budget)
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
