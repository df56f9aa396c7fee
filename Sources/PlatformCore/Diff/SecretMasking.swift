/// Hides secrets from diff output. The diff itself compares raw values, so a changed secret is
/// still reported, as `<masked>` → `<masked>`; only its text never reaches a PR comment.
///
/// Masked: every value under a Secret's `data` and `stringData`; values under secret-like keys
/// (`password`, `token`, `apiKey`, …); the `value` of an env-like `{name, value}` item whose name
/// is secret-like (`OPENAI_API_KEY`); and the part after `=` of `--api-key=…`-style arguments.
public enum SecretMasking {
    /// What a hidden value prints as.
    public static let placeholder: ManifestValue = "<masked>"

    /// `value` found at `path` of an object of `kind` (core group), with every secret replaced.
    public static func redact(_ value: ManifestValue, at path: FieldPath, kind: String) -> ManifestValue {
        if kind == "Secret", let first = path.steps.first, first == .key("data") || first == .key("stringData"), path.steps.count >= 2 {
            return hideLeaves(value)
        }
        // Any secret-like key on the way down hides everything below it (`credentials.user`).
        if path.steps.contains(where: { if case .key(let key) = $0 { return isSecretLike(key) } else { return false } }) {
            return hideLeaves(value)
        }
        if let last = path.steps.last {
            if case .key("value") = last, path.steps.count >= 2, case .named(let name) = path.steps[path.steps.count - 2], isSecretLike(name) {
                return hideLeaves(value)
            }
        }
        switch value {
        case .map(let map):
            var result = ManifestMap()
            let hidesValue = map["name"]?.stringValue.map(isSecretLike) ?? false
            for entry in map {
                if hidesValue, entry.key == "value" { result[entry.key] = hideLeaves(entry.value); continue }
                result[entry.key] = redact(entry.value, at: path.appending(.key(entry.key)), kind: kind)
            }
            return .map(result)
        case .list(let items):
            return .list(items.enumerated().map { redact($0.element, at: path.appending(.index($0.offset)), kind: kind) })
        case .string(let text):
            return .string(redactArgument(text))
        default:
            return value
        }
    }

    /// A field change with both sides redacted; `masked` when that hid anything.
    public static func redact(_ change: FieldChange, kind: String) -> FieldChange {
        let old = change.old.map { redact($0, at: change.path, kind: kind) }
        let new = change.new.map { redact($0, at: change.path, kind: kind) }
        return FieldChange(path: change.path, old: old, new: new, masked: change.masked || old != change.old || new != change.new)
    }

    /// True for keys and names that hold credentials. Keys are compared lower-cased without
    /// `-`, `_` and `.`; names of references (`secretName`, `secretKeyRef`) are not secrets.
    public static func isSecretLike(_ key: String) -> Bool {
        let folded = String(key.lowercased().filter { $0 != "-" && $0 != "_" && $0 != "." })
        // References to secrets (`secretName`, `secretKeyRef`, `tokenPath`) and volume sources
        // (`secret:`) are not secrets and a reviewer needs to see them.
        if referenceSuffixes.contains(where: { folded.hasSuffix($0) }) { return false }
        return exactNames.contains(folded) || secretSuffixes.contains { folded.hasSuffix($0) }
    }

    private static let referenceSuffixes = ["ref", "name", "names", "file", "path"]
    private static let exactNames: Set<String> = ["password", "passwd", "credential", "credentials"]
    private static let secretSuffixes = ["password", "passwd", "token", "apikey", "secretkey", "privatekey", "clientsecret", "accesskey"]

    private static func hideLeaves(_ value: ManifestValue) -> ManifestValue {
        switch value {
        case .map(let map): return .map(ManifestMap(map.map { ($0.key, hideLeaves($0.value)) }))
        case .list(let items): return .list(items.map(hideLeaves))
        case .null: return .null
        default: return placeholder
        }
    }

    /// `--api-key=sk-…` → `--api-key=<masked>`.
    private static func redactArgument(_ text: String) -> String {
        guard text.hasPrefix("-"), let equals = text.firstIndex(of: "=") else { return text }
        let flag = text[..<equals].drop { $0 == "-" }
        guard isSecretLike(String(flag)) else { return text }
        return "\(text[...equals])\(placeholder.stringValue!)"
    }
}
