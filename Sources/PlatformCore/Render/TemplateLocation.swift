import PlatformDiagnostics
import Yams

extension TemplateSet {
    /// Where template `key` sets the value at `fieldPath` (e.g. `["metadata", "namespace"]`), or
    /// the template file's first line when it does not set it; nil for an unknown key. Parses the
    /// template again: only a finding asks, so loading keeps no positions.
    public func location(of fieldPath: [String], in key: String) -> SourceLocation? {
        guard let path = origins[key] else { return nil }
        let file = folder.isEmpty ? path : (folder.hasSuffix("/") ? folder + path : folder + "/" + path)
        var node = try? Yams.compose(yaml: texts[key] ?? "", .basic)
        for field in fieldPath {
            guard case .mapping(let mapping)? = node else { node = nil; break }
            node = mapping.first { pair in pair.key.string == field }?.value
        }
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }
}
