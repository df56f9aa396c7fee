/// vLLM's `--tool-call-parser` per built-in architecture: without `--enable-auto-tool-choice` and a
/// parser, vLLM answers a request with `tools` and `tool_choice: auto` with 400 ("auto" tool choice
/// requires --enable-auto-tool-choice and --tool-call-parser to be set; vllm-project/vllm
/// `vllm/entrypoints/openai/protocol.py`, `ChatCompletionRequest.check_tool_usage`). Parser names as registered in vllm-project/vllm
/// v0.11.0 `vllm/entrypoints/openai/tool_parsers/__init__.py` (`llama3_json`, `mistral`, `hermes`,
/// `deepseek_v3`, `openai`), per model family as `docs/features/tool_calling.md` recommends them:
/// Llama 3.1–3.3 `llama3_json`, Mistral/Mixtral `mistral`, Qwen2.5 and Qwen3 `hermes`,
/// DeepSeek-V3/R1 `deepseek_v3`, gpt-oss `openai`. An architecture not listed gets no parser.
public enum ToolCallParsers {
    static let byFamily: [(prefix: String, parser: String)] = [
        ("llama-3", "llama3_json"),
        ("mistral-", "mistral"), ("mixtral-", "mistral"),
        ("qwen2.5-", "hermes"), ("qwen3-", "hermes"),
        ("deepseek-v3", "deepseek_v3"), ("deepseek-r1", "deepseek_v3"),
        ("gpt-oss-", "openai"),
    ]

    /// The parser for a built-in architecture name (`llama-3.1-70b`, `qwen2.5-14b`), or nil.
    public static func parser(for architecture: String?) -> String? {
        guard let architecture else { return nil }
        return byFamily.first { architecture.hasPrefix($0.prefix) }?.parser
    }

    /// The flags that let vLLM accept `tools`; empty when the model serves no agent or has no parser.
    public static func arguments(for model: Model) -> [String] {
        guard model.servesAgents, let parser = parser(for: model.architecture) else { return [] }
        return ["--enable-auto-tool-choice", "--tool-call-parser", parser]
    }
}
