import PlatformDiagnostics

/// Codes of lowering a node pool against the catalogs (E200x: the instance type and GPU it names,
/// and facts the spec states against them; see docs/diagnostics.md).
package enum PoolFactCodes {
    package static let unknownInstanceType: DiagnosticCode = "E2001"
    package static let unknownGPU: DiagnosticCode = "E2002"
    package static let instanceMismatch: DiagnosticCode = "E2003"
    package static let catalogContradiction: DiagnosticCode = "E2004"
    package static let missingPoolFacts: DiagnosticCode = "E2005"
    package static let noPrice: DiagnosticCode = "W2006"
}
