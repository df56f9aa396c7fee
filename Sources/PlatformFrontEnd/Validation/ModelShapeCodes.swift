import PlatformDiagnostics

/// Codes of the model-shape rules (E25xx). Each is explained in docs/diagnostics.md.
public enum ModelShapeCodes {
    public static let activeAboveTotal: DiagnosticCode = "E2501"
    public static let headsNotMultipleOfKVHeads: DiagnosticCode = "E2502"
    public static let hiddenNotMultipleOfHeads: DiagnosticCode = "E2503"
    public static let shapeIncomplete: DiagnosticCode = "E2504"
    public static let checkpointQuantizationContradictsDType: DiagnosticCode = "E2505"
}
