import PlatformDiagnostics
import Yams

extension TemplateSet {
    /// Where template `key` sets the value at `fieldPath` (e.g. `["metadata", "namespace"]`): the
    /// value's own position, or the template file's first line when it does not set it; nil for
    /// an unknown key. Parses the template again: only a finding asks, so loading keeps no positions.
    package func location(of fieldPath: [String], in key: String) -> SourceLocation? {
        guard let source = sources[key], let file = file(of: key) else { return nil }
        var node = try? Yams.compose(yaml: source.text, .basic)
        for field in fieldPath {
            guard case .mapping(let mapping)? = node else { node = nil; break }
            node = mapping.first { pair in pair.key.string == field }?.value
        }
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }
}
