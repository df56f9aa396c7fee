/// A file embedded in an object (a ConfigMap's `config.yaml`, an NCCL topology XML): a changed
/// multi-line string field is shown as a line diff in the file's own language, not as one
/// escaped string.
enum EmbeddedFile {
    /// True when the change is a whole text on either side (a string with a newline) and not a
    /// masked secret.
    static func isEmbedded(_ change: FieldChange) -> Bool {
        guard !change.masked else { return false }
        let texts = [change.old, change.new].compactMap { $0 }
        return !texts.isEmpty && texts.allSatisfy { $0.stringValue != nil } && texts.contains { $0.stringValue!.contains("\n") }
    }

    /// The diff's hunks (`@@` lines and ` `/`-`/`+` lines), without the file header.
    static func lineDiff(_ change: FieldChange) -> String {
        let diff = UnifiedDiff.render(path: change.path.description, old: change.old?.stringValue, new: change.new?.stringValue)
        return diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
    }

    /// The fence language of the file a field holds: from its key's extension (`config.yaml`,
    /// `topology.xml`), else from the text's first bytes; `text` when neither says.
    static func language(_ change: FieldChange) -> String {
        if case .key(let key)? = change.path.steps.last, let dot = key.lastIndex(of: ".") {
            let known = ["yaml": "yaml", "yml": "yaml", "xml": "xml", "json": "json", "toml": "toml", "sh": "bash",
                         "py": "python", "conf": "ini", "ini": "ini", "properties": "properties", "md": "markdown"]
            if let language = known[key[key.index(after: dot)...].lowercased()] { return language }
        }
        let text = (change.new ?? change.old)?.stringValue?.drop { $0.isWhitespace } ?? ""
        if text.hasPrefix("<") { return "xml" }
        if text.hasPrefix("{") { return "json" }
        return "text"
    }
}
