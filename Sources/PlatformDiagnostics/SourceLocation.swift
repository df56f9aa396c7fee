/// A position in a source file: 1-based line and column (columns count Unicode scalars, as libyaml does).
package struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    package var description: String { "\(file):\(line):\(column)" }
}

/// The span of a YAML node; `end` is where its text stops (same as `start` for a scalar we cannot measure).
package struct SourceRange: Hashable, Sendable {
    package var start: SourceLocation
    package var end: SourceLocation

    package init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    package init(_ location: SourceLocation) {
        self.init(start: location, end: location)
    }
}
