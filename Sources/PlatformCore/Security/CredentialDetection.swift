import PlatformDiagnostics

extension CredentialDetector {
    /// `CredentialShapes` as the detector of the diagnostics' redaction step.
    package static let credentialShapes = CredentialDetector(ranges: { CredentialShapes.ranges(in: $0) },
                                                            showsCredential: { CredentialShapes.lineShowsCredential($0) })
}

extension DiagnosticRedaction {
    /// A redaction that detects every credential shape, before any scan has recorded a value.
    package static var credentialShapes: DiagnosticRedaction { DiagnosticRedaction(detector: .credentialShapes) }
}
