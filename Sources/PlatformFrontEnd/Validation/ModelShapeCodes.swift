import PlatformDiagnostics

/// Codes of the model-shape rules (E25xx). Each is explained in docs/diagnostics.md.
package enum ModelShapeCodes {
    package static let activeAboveTotal: DiagnosticCode = "E2501"
    package static let headsNotMultipleOfKVHeads: DiagnosticCode = "E2502"
    package static let hiddenNotMultipleOfHeads: DiagnosticCode = "E2503"
    package static let shapeIncomplete: DiagnosticCode = "E2504"
    package static let checkpointQuantizationContradictsDType: DiagnosticCode = "E2505"
}
