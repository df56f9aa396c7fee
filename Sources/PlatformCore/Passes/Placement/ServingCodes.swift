import PlatformDiagnostics

/// Codes of the vLLM serving command line (E5400–W5419).
package enum ServingCodes {
    /// A canary placed in another cluster than its stable model takes all of the route there.
    package static let canaryCluster: DiagnosticCode = "E5400"
    /// An agent's self-hosted model has no known tool-call parser: vLLM refuses `tools`.
    package static let noToolParser: DiagnosticCode = "W5401"
    /// A weighted route's backend runs in a cluster its heaviest backend does not, or not in one it does.
    package static let routeBackendCluster: DiagnosticCode = "E5402"
    /// An agent pinned to a cluster where its self-hosted model does not run.
    package static let agentModelCluster: DiagnosticCode = "E5403"
}
