import PlatformDiagnostics

/// The spec's `gateway` and `litellm`: how clients reach the routes and what meters them
/// (docs/traffic.md).
public struct FrontDoor: Sendable {
    public enum ClientAuth: String, Sendable { case virtualKeys, none }

    /// Secret with the Gateway's certificate; nil: plain HTTP on port 80.
    public var tlsSecret: String? = nil
    public var clientAuth: ClientAuth = .virtualKeys
    public var clientAuthLocation: SourceLocation? = nil
    /// Secret (key `master-key`) with LiteLLM's admin key.
    public var masterKeySecret: String = Conventions.liteLLMMasterKeySecret
    /// Secret (key `url`) with LiteLLM's PostgreSQL URL; nil: budgets are reported only.
    public var databaseSecret: String? = nil
    public var location: SourceLocation? = nil

    public init() {}

    /// Budgets are enforced only where LiteLLM authenticates clients (a key names its team) and
    /// keeps spend in its database (LiteLLM docs: proxy/team_budgets, proxy/virtual_keys).
    public var enforcesBudgets: Bool { clientAuth == .virtualKeys && databaseSecret != nil }
}
