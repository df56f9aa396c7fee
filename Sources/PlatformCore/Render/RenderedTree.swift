/// The compiler's output as files: relative path → canonical YAML text. The GitOps module writes
/// it to a git tree; nothing here touches the file system.
package struct RenderedTree: Hashable, Sendable {
    /// Relative path (with `/`) → file contents.
    package var files: [String: String]

    package init(files: [String: String] = [:]) { self.files = files }

    /// Every path in byte order: the one order of listings and writes.
    package var paths: [String] { files.keys.sorted { $0.precedesInByteOrder($1) } }

    /// The files in path order.
    package var sortedFiles: [(path: String, contents: String)] {
        files.sorted { $0.key.precedesInByteOrder($1.key) }.map { (path: $0.key, contents: $0.value) }
    }
}
