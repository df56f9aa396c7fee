import PlatformDiagnostics

/// Codes of `platformc init` (range 1200–1219).
package enum StarterCodes {
    /// An imported pool whose GPU the catalog does not know was left out of the starter spec.
    package static let poolLeftOut: DiagnosticCode = "W1200"
}
