/// The base manifests of `templates/`, keyed by their path without extension
/// (`vllm/deployment.yaml` → `vllm/deployment`). Pure: the CLI reads the files and passes their
/// contents.
package struct TemplateSet: Hashable, Sendable {
    /// A template file that could not be used; the others still load.
    package struct LoadError: Hashable, Sendable, CustomStringConvertible {
        /// The path as given, relative to the templates folder.
        package var path: String
        package var message: String
        package var line: Int?
        package var column: Int?

        package var description: String {
            guard let line, let column else { return "\(path): \(message)" }
            return "\(path):\(line):\(column): \(message)"
        }
    }

    /// Parsed templates by key.
    package private(set) var templates: [String: ManifestValue]
    /// The file each template came from (relative path) and its text, by key: the audit of the
    /// merged objects points its errors at the template line that caused them.
    package private(set) var sources: [String: TemplateSource] = [:]
    /// How the templates folder is shown in locations (`templates`); set by the CLI.
    package var folder: String = "templates"

    /// An empty set: every emitter then uses only what it computes.
    package init() { templates = [:] }

    /// Parses every `.yaml`/`.yml` file of `files` (relative path → contents; other files are
    /// ignored) and returns the set and the files it refused, sorted by path: YAML errors,
    /// documents that are not maps, and two files with the same key.
    package static func load(files: [String: String]) -> (TemplateSet, [LoadError]) {
        var set = TemplateSet()
        var errors: [LoadError] = []
        var sources: [String: String] = [:]
        for path in files.keys.sorted(by: { $0.precedesInByteOrder($1) }) {
            guard let key = key(forPath: path) else { continue }
            if let earlier = sources[key] {
                errors.append(LoadError(path: path, message: "template `\(key)` is already defined by \(earlier)"))
                continue
            }
            do {
                let value = try ManifestValue.parse(yaml: files[path] ?? "")
                guard value.mapValue != nil else {
                    errors.append(LoadError(path: path, message: "a template must be one YAML mapping"))
                    continue
                }
                set.templates[key] = value
                set.sources[key] = TemplateSource(path: path, text: files[path] ?? "")
                sources[key] = path
            } catch let error as ManifestParseError {
                errors.append(LoadError(path: path, message: error.message, line: error.line, column: error.column))
            } catch {
                errors.append(LoadError(path: path, message: "\(error)"))
            }
        }
        return (set, errors)
    }

    /// The template for `key` (`vllm/deployment`), if any.
    package subscript(key: String) -> ManifestValue? { templates[key] }

    /// Where the template file of `key` is, as shown in diagnostics.
    package func file(of key: String) -> String? {
        guard let path = sources[key]?.path else { return nil }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return folder.isEmpty || folder == "." ? String(relative) : "\(folder)/\(relative)"
    }

    /// The keys in byte order.
    package var keys: [String] { templates.keys.sorted { $0.precedesInByteOrder($1) } }

    /// `computed` merged onto the template for `key`; without a template, `computed` unchanged.
    package func apply(_ key: String, to computed: ManifestValue) -> (ManifestValue, [MergeConflict]) {
        guard let template = templates[key] else { return (computed, []) }
        return TemplateMerge.merge(template: template, computed: computed)
    }

    /// True for the file names `load` reads (`.yaml` and `.yml`): the CLI lists the folder with this.
    package static func isTemplatePath(_ path: String) -> Bool { key(forPath: path) != nil }

    /// `./vllm/deployment.yaml` → `vllm/deployment`; nil for files that are not YAML.
    static func key(forPath path: String) -> String? {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        for suffix in [".yaml", ".yml"] where trimmed.hasSuffix(suffix) {
            let key = trimmed.dropLast(suffix.count)
            return key.isEmpty ? nil : String(key)
        }
        return nil
    }
}

/// A template file's relative path and text.
package struct TemplateSource: Hashable, Sendable {
    package var path: String
    package var text: String
}
