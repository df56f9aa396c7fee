import PlatformDiagnostics

/// One feasibility rule: an identifier, a one-line rationale, and the check.
package protocol PlatformRule: Sendable {
    var id: String { get }
    func check(_ platform: Platform, into diagnostics: inout DiagnosticBag)
}
