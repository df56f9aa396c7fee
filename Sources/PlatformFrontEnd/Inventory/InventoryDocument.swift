import Foundation

/// One input file of `inventory import` as Foundation values (`[String: Any]`, `[Any]`, `String`,
/// `NSNumber`), from `kubectl get … -o json` or `-o yaml` alike. JSON is checked by
/// `JSONSyntaxCheck` first, so an error has a line and column; YAML goes through the project's YAML
/// reader (`ManifestValue.parse`) and its limits (size, entries, depth, nodes, aliased text).
enum InventoryDocument {
    /// `what` names the input in messages ("node list", "ResourceSlice list").
    static func parse(_ bytes: [UInt8], what: String) throws -> Any {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InventoryImportError("\(what) is not UTF-8 text")
        }
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
        if first == "{" || first == "[" {
            if let problem = JSONSyntaxCheck.firstProblem(bytes) {
                throw InventoryImportError("\(what) is not valid JSON: \(problem.message)", line: problem.line, column: problem.column)
            }
            do {
                return try JSONSerialization.jsonObject(with: Data(bytes))
            } catch {
                throw InventoryImportError("\(what) is not valid JSON")
            }
        }
        do {
            return foundation(try ManifestValue.parse(yaml: text))
        } catch let error as ManifestParseError {
            throw InventoryImportError("\(what) is neither JSON nor valid YAML: \(error.message)", line: error.line, column: error.column)
        }
    }

    /// The YAML value in the shapes `JSONSerialization` returns, so one reader serves both. Scalars
    /// stay text (`8`, `true`): label values are strings whether or not a hand-written file quotes them.
    static func foundation(_ value: ManifestValue) -> Any {
        switch value {
        case let .string(s): return s
        case let .int(i): return "\(i)"
        case let .double(d): return "\(d)"
        case let .bool(b): return b ? "true" : "false"
        case .null: return NSNull()
        case let .list(items): return items.map(foundation)
        case let .map(map): return Dictionary(map.map { ($0.key, foundation($0.value)) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
