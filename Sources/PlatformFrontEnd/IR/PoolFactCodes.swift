import PlatformDiagnostics

/// Codes of lowering a node pool against the catalogs (E200x: the instance type and GPU it names,
/// and facts the spec states against them; see docs/diagnostics.md).
public enum PoolFactCodes {
    public static let unknownInstanceType: DiagnosticCode = "E2001"
    public static let unknownGPU: DiagnosticCode = "E2002"
    public static let instanceMismatch: DiagnosticCode = "E2003"
    public static let catalogContradiction: DiagnosticCode = "E2004"
    public static let missingPoolFacts: DiagnosticCode = "E2005"
    public static let noPrice: DiagnosticCode = "W2006"
}
