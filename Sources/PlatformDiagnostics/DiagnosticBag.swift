/// The collector every stage reports into: a stage reports every problem it finds and keeps going,
/// and the pipeline stops at the first stage boundary where `hasErrors` is true.
package struct DiagnosticBag: Sendable {
    package private(set) var all: [Diagnostic] = []
    /// What must never be printed: the credentials found in the sources (recorded by the stage
    /// that found them) and the shapes of credentials. `sorted` applies it to every diagnostic.
    package var redaction = DiagnosticRedaction()

    package init() {}

    package mutating func report(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    package mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                               notes: [DiagnosticNote] = [], help: String? = nil) {
        report(Diagnostic(.error, code, message, at: location, notes: notes, help: help))
    }

    package mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                                 notes: [DiagnosticNote] = [], help: String? = nil) {
        report(Diagnostic(.warning, code, message, at: location, notes: notes, help: help))
    }

    package mutating func append(contentsOf other: DiagnosticBag) {
        all.append(contentsOf: other.all)
        redaction.merge(other.redaction)
    }

    package var hasErrors: Bool { all.contains { $0.severity == .error } }
    package var errorCount: Int { all.filter { $0.severity == .error }.count }
    package var warningCount: Int { all.filter { $0.severity == .warning }.count }

    /// Redacted, sorted by position and with exact duplicates dropped, as they are printed (two
    /// findings that differed only in a credential's text print once).
    package var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return redaction.apply(all).filter { seen.insert($0).inserted }.sorted(by: Diagnostic.ordered)
    }

    /// Turns every warning into an error (`--warnings-as-errors`).
    package mutating func promoteWarnings() {
        all = all.map { d in
            var d = d
            if d.severity == .warning { d.severity = .error }
            return d
        }
    }
}
