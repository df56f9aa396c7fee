/// JSON with two-space indentation and keys in byte order, for files people review in PRs.
package enum PrettyJSON {
    package static func render(_ value: ManifestValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .list(let items) where !items.isEmpty:
            return "[\n" + items.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .map(let map) where !map.isEmpty:
            return "{\n" + map.entries.map { inner + ManifestValue.string($0.key).jsonText + ": " + render($0.value, indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        default:
            return value.jsonText
        }
    }
}
