import PlatformDiagnostics

/// Codes of the flow check (E72xx).
package enum TrafficCodes {
    /// A flow the platform needs is blocked by the cluster's NetworkPolicies.
    package static let flowBlocked: DiagnosticCode = "E7200"
    /// Pods of two tenants (team namespaces) can connect though no declared flow needs it.
    package static let crossTenantOpen: DiagnosticCode = "E7201"
}
