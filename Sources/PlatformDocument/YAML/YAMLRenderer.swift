/// The one canonical YAML renderer: every byte of emitted YAML comes from here.
///
/// Layout: block style, 2-space indentation, list items at their key's indentation (kubectl's
/// `key:\n- a`), `{}` and `[]` for empty collections, a final newline.
/// Key order: a document's top level starts apiVersion, kind, metadata, spec, data, stringData;
/// a map under a `metadata` key starts name, namespace, labels, annotations; every other map
/// starts with `name` (containers, ports, volumes read as people write them); the remaining keys
/// follow in byte order. Strings are quoted only where YAML 1.1 or 1.2 would misread them
/// (see `YAMLScalarStyle`); multi-line strings are literal blocks.
package enum YAMLRenderer {
    /// The canonical YAML of one object.
    package static func render(_ manifest: Manifest) -> String {
        render(manifest.value)
    }

    /// The canonical YAML of one document.
    package static func render(_ document: ManifestValue) -> String {
        var writer = YAMLWriter()
        writer.document(document)
        return writer.text
    }

    /// Several documents, each introduced by `---`.
    package static func renderStream(_ documents: [ManifestValue]) -> String {
        var writer = YAMLWriter()
        for document in documents {
            writer.raw("---\n")
            writer.document(document)
        }
        return writer.text
    }
}

/// Which keys a map puts first; the rest follow in byte order.
enum YAMLKeyOrder {
    case documentRoot, metadata, nameFirst

    private static let documentRootKeys = ["apiVersion", "kind", "metadata", "spec", "data", "stringData"]
    private static let metadataKeys = ["name", "namespace", "labels", "annotations"]
    private static let nameKeys = ["name"]

    var leadingKeys: [String] {
        switch self {
        case .documentRoot: return Self.documentRootKeys
        case .metadata: return Self.metadataKeys
        case .nameFirst: return Self.nameKeys
        }
    }
}

/// Appends YAML to one byte buffer.
struct YAMLWriter {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ string: String) { bytes.append(contentsOf: string.utf8) }

    mutating func document(_ value: ManifestValue) {
        switch value {
        case .map(let map) where !map.isEmpty: writeMap(map, indent: 0, order: .documentRoot, continuesLine: false)
        case .list(let items) where !items.isEmpty: writeList(items, indent: 0, continuesLine: false)
        default: writeLeaf(value, indent: 0)
        }
    }

    /// `continuesLine`: the first key goes right after a `- ` already written.
    private mutating func writeMap(_ map: ManifestMap, indent: Int, order: YAMLKeyOrder, continuesLine: Bool) {
        var first = continuesLine
        let leading = order.leadingKeys
        for key in leading {
            guard let value = map[key] else { continue }
            if !first { spaces(indent) }
            first = false
            writeEntry(key, value, indent: indent)
        }
        for entry in map.entries where !leading.contains(entry.key) {
            if !first { spaces(indent) }
            first = false
            writeEntry(entry.key, entry.value, indent: indent)
        }
    }

    private mutating func writeEntry(_ key: String, _ value: ManifestValue, indent: Int) {
        writeString(key, indent: indent, isKey: true)
        bytes.append(UInt8(ascii: ":"))
        switch value {
        case .map(let map) where !map.isEmpty:
            bytes.append(0x0A)
            writeMap(map, indent: indent + 2, order: key == "metadata" ? .metadata : .nameFirst, continuesLine: false)
        case .list(let items) where !items.isEmpty:
            bytes.append(0x0A)
            writeList(items, indent: indent, continuesLine: false)
        default:
            bytes.append(0x20)
            writeLeaf(value, indent: indent)
        }
    }

    private mutating func writeList(_ items: [ManifestValue], indent: Int, continuesLine: Bool) {
        var first = continuesLine
        for item in items {
            if !first { spaces(indent) }
            first = false
            bytes.append(UInt8(ascii: "-"))
            bytes.append(0x20)
            switch item {
            case .map(let map) where !map.isEmpty: writeMap(map, indent: indent + 2, order: .nameFirst, continuesLine: true)
            case .list(let inner) where !inner.isEmpty: writeList(inner, indent: indent + 2, continuesLine: true)
            default: writeLeaf(item, indent: indent)
            }
        }
    }

    /// A scalar or empty collection and its line end; `indent` is its parent's indentation.
    private mutating func writeLeaf(_ value: ManifestValue, indent: Int) {
        switch value {
        case .string(let string):
            // A literal block ends with its own line break.
            if writeString(string, indent: indent, isKey: false) == .literal { return }
        case .int(let int): raw(String(int))
        case .double(let double): raw(Self.format(double))
        case .bool(let bool): raw(bool ? "true" : "false")
        case .null: raw("null")
        case .map: raw("{}")
        case .list: raw("[]")
        }
        bytes.append(0x0A)
    }

    @discardableResult
    private mutating func writeString(_ string: String, indent: Int, isKey: Bool) -> YAMLScalarStyle {
        let style = YAMLScalarStyle.of(string, isKey: isKey)
        switch style {
        case .plain: raw(string)
        case .singleQuoted: YAMLQuoting.appendSingleQuoted(string, to: &bytes)
        case .doubleQuoted: YAMLQuoting.appendDoubleQuoted(string, to: &bytes)
        case .literal: YAMLQuoting.appendLiteral(string, indent: indent + 2, to: &bytes)
        }
        return style
    }

    /// One copy of a run of spaces instead of a byte at a time (which dominates debug builds).
    private static let spaceRun = [UInt8](repeating: 0x20, count: 256)

    private mutating func spaces(_ count: Int) {
        var remaining = count
        while remaining > 0 {
            let chunk = Swift.min(remaining, Self.spaceRun.count)
            bytes.append(contentsOf: Self.spaceRun[..<chunk])
            remaining -= chunk
        }
    }

    /// A float both YAML 1.1 and 1.2 read back as the same float: 1.1 needs a dot in the
    /// mantissa and a signed exponent (Swift writes `1e+20`, so `1.0e+20`).
    static func format(_ double: Double) -> String {
        if double.isNaN { return ".nan" }
        if double.isInfinite { return double < 0 ? "-.inf" : ".inf" }
        var text = "\(double)"
        if let e = text.firstIndex(of: "e"), !text[..<e].contains(".") {
            text.insert(contentsOf: ".0", at: e)
        }
        return text
    }
}
