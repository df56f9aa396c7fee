import PlatformDiagnostics
import Yams

/// Finds where in a template file a path of the merged object is written, so an audit error
/// points at the template line that caused it. Parses the template again (with positions) only
/// when there is something to report.
package struct TemplateLocator {
    let root: Node?
    let file: String

    package init(text: String, file: String) {
        root = (try? Yams.compose(yaml: text, .basic)) ?? nil
        self.file = file
    }

    /// The position of the deepest step of `path` the template writes, and how many steps it
    /// holds; nil when it holds none of them.
    package func locate(_ path: [ManifestPathStep]) -> (location: SourceLocation, depth: Int)? {
        guard var node = root else { return nil }
        var found: (location: SourceLocation, depth: Int)?
        for (depth, step) in path.enumerated() {
            guard let (next, mark) = child(of: node, step), let mark else { break }
            found = (SourceLocation(file: file, line: mark.line, column: mark.column), depth + 1)
            node = next
        }
        return found
    }

    /// The node under `step`, with the mark to report: a key's own position, a list item's start.
    private func child(of node: Node, _ step: ManifestPathStep) -> (Node, Mark?)? {
        switch (node, step) {
        case let (.mapping(mapping), .key(key)):
            guard let pair = mapping.first(where: { $0.key.scalar?.string == key }) else { return nil }
            return (pair.value, pair.key.mark)
        case let (.sequence(items), .named(name)):
            guard let item =
                items.first(where: { $0.mapping?.first { $0.key.scalar?.string == "name" }?.value.scalar?.string == name }) else {
                return nil
            }
            return (item, item.mark)
        case let (.sequence(items), .index(index)):
            guard items.indices.contains(index) else { return nil }
            let item = items[index]
            return (item, item.mark)
        default:
            return nil
        }
    }
}
