import PlatformDiagnostics

/// An agent's `allow:` list against its MCP server's `tools:`: the server declares what it offers
/// (`PlatformShape.mcpServer`), so an allowed name it does not declare is a typo or a tool the
/// server may add later, pre-authorised unseen. A server that declares no `tools:` has nothing to
/// check against: its agents' lists are taken as written (documented in docs/security.md). An
/// empty list is refused whatever the server declares: kagent passes `toolNames` to ADK's
/// `McpToolset(tool_filter=…)` (kagent-dev/kagent `python/packages/kagent-adk/src/kagent/adk/types.py`),
/// and an empty filter selects every tool.
package struct AgentToolAllowList {
    package init() {}

    package func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for agent in p.agents {
            for tool in agent.tools {
                guard let server = p.mcpServer(tool.mcpServer) else { continue }  // E1030 already
                if tool.allow.isEmpty {
                    diagnostics.error(NamingCodes.emptyAllowList,
                                      "agent `\(agent.name)` allows no tools of MCP server `\(server.name)`; kagent would give it every "
                                          + "tool",
                                      at: tool.allowKeyLocation ?? tool.location,
                                      help: server.tools.isEmpty ? "list the tools the agent may call"
                                          : "list the tools the agent may call, of " + Self.list(server.tools))
                    continue
                }
                guard !server.tools.isEmpty else { continue }
                for name in tool.allow where !server.tools.contains(name) {
                    diagnostics.error(NamingCodes.undeclaredTool,
                                      "agent `\(agent.name)` allows tool `\(name)`, which MCP server `\(server.name)` does not declare",
                                      at: tool.allowLocations[name] ?? tool.location,
                                      notes: [DiagnosticNote("MCP server `\(server.name)` declares its tools here",
                                          at: server.toolsLocation ?? server.location)],
                                      help: Suggestion.help(for: name, in: server.tools) ?? "declared: " + Self.list(server.tools))
                }
            }
        }
    }

    static func list(_ names: [String]) -> String { names.sorted().map { "`\($0)`" }.joined(separator: ", ") }
}
