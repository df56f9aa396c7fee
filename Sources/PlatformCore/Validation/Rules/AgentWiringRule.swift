import PlatformDiagnostics

/// What an agent's pod needs to talk to its model, and who an MCP server's permissions are for.
///
/// - kagent's OpenAI provider puts `OPENAI_API_KEY` into the agent's pod only from the
///   ModelConfig's `apiKeySecret` (kagent-dev/kagent v0.9.12
///   `go/core/internal/controller/translator/agent/adk_api_translator.go`, `case
///   v1alpha2.ModelProviderOpenAI`), and the OpenAI client refuses to start without one ("The
///   api_key client option must be set", openai/openai-python `src/openai/_client.py`,
///   `AsyncOpenAI.__init__`, 2.43.0 in kagent v0.9.12's `python/uv.lock`). LiteLLM checks the key
///   against its virtual keys (`master_key` is set, `LiteLLMConfig`), so only the spec can name it.
/// - A pod runs as a ServiceAccount of its own namespace, so an MCP server's permissions must be
///   bound to the account it really runs as, which only the spec can name.
struct AgentWiringRule: PlatformRule {
    let id = "agent-wiring"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        let selfHosted = Set(p.models.map(\.name))
        for agent in p.agents where agent.apiKeySecret == nil && !selfHosted.contains(agent.model) && agent.model.contains("/") {
            diagnostics.error(AgentCodes.noModelKey,
                              "agent `\(agent.name)` reaches `\(agent.model)` through LiteLLM, which requires a key, but names no "
                                  + "`apiKeySecret`",
                              at: agent.locations[.model] ?? agent.location,
                              help: "add `apiKeySecret: <secret>` to the agent: a Secret in team `\(agent.team)`'s namespace holding a "
                                  + "LiteLLM virtual key under `api-key`")
        }
        for server in p.mcpServers where !server.permissions.isEmpty {
            guard let identity = server.identity else {
                diagnostics.error(AgentCodes.noServerIdentity,
                                  "MCP server `\(server.name)` has `permissions` but no `serviceAccount`: platformc cannot tell which "
                                      + "identity the server runs as",
                                  at: server.permissionsLocation ?? server.location,
                                  help: "add `serviceAccount: { namespace: <ns>, name: <account> }`: the ServiceAccount the server's pods "
                                      + "run as")
                continue
            }
            if let urlNamespace = MCPEndpoint(url: server.url)?.namespace, urlNamespace != identity.namespace {
                diagnostics.warning(AgentCodes.identityNamespaceMismatch,
                                    "MCP server `\(server.name)` listens in namespace `\(urlNamespace)` (its `url`) but its "
                                        + "`serviceAccount` is in `\(identity.namespace)`; a pod runs only as an account of its own "
                                        + "namespace",
                                    at: identity.namespaceLocation,
                                    help: "set `serviceAccount.namespace: \(urlNamespace)`, or point `url` at the server's own namespace")
            }
        }
    }
}
