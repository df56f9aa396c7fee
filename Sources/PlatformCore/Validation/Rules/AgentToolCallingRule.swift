import PlatformDiagnostics

/// Agents send `tools`; a model without a tool-call parser (`ToolCallParsers`) answers them with 400.
struct AgentToolCallingRule: PlatformRule {
    let id = "agent-tool-calling"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for agent in p.agents {
            guard let model = p.model(agent.model),
                  ToolCallParsers.parser(for: model.architecture) == nil else { continue }
            let architecture = model.architecture.map { "architecture `\($0)`" } ?? "no `architecture`"
            diagnostics.warning(ServingCodes.noToolParser,
                                "agent `\(agent.name)` sends `tools` to model `\(model.name)` (\(architecture)), for which vLLM has no "
                                    + "known tool-call parser: it answers 400",
                                at: agent.locations[.model] ?? agent.location,
                                help: "give the model an `architecture` of a family vLLM parses tool calls for (Llama 3.x, "
                                    + "Mistral/Mixtral, Qwen2.5/Qwen3, DeepSeek-V3/R1, gpt-oss), or use an external model through a "
                                    + "provider")
        }
    }
}
