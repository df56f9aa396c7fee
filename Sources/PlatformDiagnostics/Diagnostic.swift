/// How bad a finding is. Warnings never stop the pipeline unless `--warnings-as-errors` says so.
package enum Severity: String, Hashable, Comparable, Sendable, Codable {
    case note, warning, error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable identifier such as `E1001`, explained in `docs/diagnostics.md`.
package struct DiagnosticCode: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }
    package var description: String { rawValue }
    package static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A secondary location that contributed to a diagnostic ("quota declared here").
package struct DiagnosticNote: Hashable, Sendable {
    package var message: String
    package var location: SourceLocation?

    package init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }
}

/// One finding: a typed value with a stable code, a message stating the problem with its numbers,
/// optional notes at contributing places, and a `help:` line that says the fix.
package struct Diagnostic: Hashable, Sendable {
    package var severity: Severity
    package var code: DiagnosticCode
    package var message: String
    package var location: SourceLocation?
    package var notes: [DiagnosticNote]
    package var help: String?
    /// True when the source text at `location` must not be shown (it may hold a credential):
    /// renderers then print no snippet under the message.
    package var redactsSource: Bool = false

    package init(_ severity: Severity, _ code: DiagnosticCode, _ message: String,
                at location: SourceLocation?, notes: [DiagnosticNote] = [], help: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
        self.help = help
    }

    /// Diagnostics print sorted by position, then code, then message; located ones first.
    package static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return false
        case (_?, nil): return true
        default: return (lhs.code, lhs.message) < (rhs.code, rhs.message)
        }
    }
}
