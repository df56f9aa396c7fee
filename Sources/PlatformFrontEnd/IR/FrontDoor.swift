import PlatformDiagnostics

/// The spec's `gateway` and `litellm`: how clients reach the routes and what meters them
/// (docs/traffic.md).
package struct FrontDoor: Sendable {
    package enum ClientAuth: String, Sendable { case virtualKeys, none }

    /// Secret with the Gateway's certificate; nil: plain HTTP on port 80.
    package var tlsSecret: String? = nil
    package var clientAuth: ClientAuth = .virtualKeys
    package var clientAuthLocation: SourceLocation? = nil
    /// Secret (key `master-key`) with LiteLLM's admin key.
    package var masterKeySecret: String = Conventions.liteLLMMasterKeySecret
    /// Secret (key `url`) with LiteLLM's PostgreSQL URL; nil: budgets are reported only.
    package var databaseSecret: String? = nil
    package var location: SourceLocation? = nil

    package init() {}

    /// Budgets are enforced only where LiteLLM authenticates clients (a key names its team) and
    /// keeps spend in its database (LiteLLM docs: proxy/team_budgets, proxy/virtual_keys).
    package var enforcesBudgets: Bool { clientAuth == .virtualKeys && databaseSecret != nil }
}
