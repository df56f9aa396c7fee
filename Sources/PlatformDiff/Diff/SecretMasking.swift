/// Hides secrets from diff output. The diff itself compares raw values, so a changed secret is
/// still reported, as `<masked>` → `<masked>`; only its text never reaches a PR comment.
///
/// Masked: every value under a Secret's `data` and `stringData`; values under secret-like keys
/// (`password`, `token`, `apiKey`, …); the `value` of an env-like `{name, value}` item whose name
/// is secret-like (`OPENAI_API_KEY`); the part after `=` of `--api-key=…`-style arguments; and,
/// with the shapes the spec scan and the manifest audit use (`CredentialShapes`), every string and
/// every map key or path step shaped like a credential (a base read from an old commit may hold
/// one that no check stopped then).
package enum SecretMasking {
    /// What a hidden value prints as.
    package static let placeholder: ManifestValue = "<masked>"

    /// `value` found at `path` of an object of `kind` (core group), with every secret replaced.
    package static func redact(_ value: ManifestValue, at path: FieldPath, kind: String) -> ManifestValue {
        redact(value, at: path, kind: kind, field: nil)
    }

    private static func redact(_ value: ManifestValue, at path: FieldPath, kind: String, field: String?) -> ManifestValue {
        if kind == "Secret", let first = path.steps.first, first == .key("data") || first == .key("stringData"), path.steps.count >= 2 {
            return hideLeaves(value)
        }
        // Any secret-like key on the way down hides everything below it (`credentials.user`).
        if path.steps.contains(where: { if case .key(let key) = $0 { return isSecretLike(key) } else { return false } }) {
            return hideLeaves(value)
        }
        if let last = path.steps.last {
            if case .key("value") = last, path.steps.count >= 2, case .named(let name) = path.steps[path.steps.count - 2],
                isSecretLike(name) {
                return hideLeaves(value)
            }
        }
        switch value {
        case .map(let map):
            var result = ManifestMap()
            let envName = map["name"]?.stringValue
            let hidesValue = envName.map(isSecretLike) ?? false
            for entry in map {
                let key = maskedKey(entry.key, in: result)
                if hidesValue, entry.key == "value" { result[key] = hideLeaves(entry.value); continue }
                // An env var's `value` is judged by the var's name, as the manifest audit does.
                let field = entry.key == "value" && envName != nil ? envName : nil
                result[key] = redact(entry.value, at: path.appending(.key(entry.key)), kind: kind, field: field)
            }
            return .map(result)
        case .list(let items):
            return .list(items.enumerated().map { redact($0.element, at: path.appending(.index($0.offset)), kind: kind) })
        case .string(let text):
            if CredentialShapes.match(text, field: field ?? lastKey(path)) != nil { return placeholder }
            return .string(redactArgument(text))
        default:
            return value
        }
    }

    /// A field change with both sides redacted, and its path too; `masked` when that hid anything.
    package static func redact(_ change: FieldChange, kind: String) -> FieldChange {
        let old = change.old.map { redact($0, at: change.path, kind: kind) }
        let new = change.new.map { redact($0, at: change.path, kind: kind) }
        let path = FieldPath(change.path.steps.map(maskedStep))
        return FieldChange(path: path, old: old, new: new,
                           masked: change.masked || old != change.old || new != change.new || path != change.path)
    }

    /// The last map key of `path`: the field a string sits under.
    private static func lastKey(_ path: FieldPath) -> String? {
        for step in path.steps.reversed() { if case .key(let key) = step { return key } }
        return nil
    }

    /// A map key shaped like a credential prints as `<masked>` (`<masked-2>`, … when several).
    private static func maskedKey(_ key: String, in map: ManifestMap) -> String {
        guard CredentialShapes.match(key) != nil else { return key }
        var candidate = placeholder.stringValue!, n = 1
        while map[candidate] != nil { n += 1; candidate = "<masked-\(n)>" }
        return candidate
    }

    private static func maskedStep(_ step: FieldStep) -> FieldStep {
        switch step {
        case .key(let key) where CredentialShapes.match(key) != nil: return .key(placeholder.stringValue!)
        case .named(let name) where CredentialShapes.match(name) != nil: return .named(placeholder.stringValue!)
        default: return step
        }
    }

    /// True for keys and names that hold credentials. Keys are compared lower-cased without
    /// `-`, `_` and `.`; names of references (`secretName`, `secretKeyRef`) are not secrets.
    package static func isSecretLike(_ key: String) -> Bool {
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
