/// vLLM's `--tool-call-parser` per built-in architecture: without `--enable-auto-tool-choice` and a
/// parser, vLLM answers a request with `tools` and `tool_choice: auto` with 400 ("auto" tool choice
/// requires --enable-auto-tool-choice and --tool-call-parser to be set; vllm-project/vllm
/// `vllm/entrypoints/openai/protocol.py`, `ChatCompletionRequest.check_tool_usage`). Parser names as registered in vllm
/// 0.34.0 `vllm/tool_parsers/__init__.py`, `_TOOL_PARSERS_TO_REGISTER` (`llama3_json`, `mistral`, `hermes`,
/// `deepseek_v3`, `openai`; `qwen3_json` is an alias of `hermes` there), per model family as
/// `docs/features/tool_calling.md` recommends them:
/// Llama 3.1–3.3 `llama3_json`, Mistral/Mixtral `mistral`, Qwen2.5 and Qwen3 `hermes`,
/// DeepSeek-V3/R1 `deepseek_v3`, gpt-oss `openai`. An architecture not listed gets no parser.
package enum ToolCallParsers {
    static let byFamily: [(prefix: String, parser: String)] = [
        ("llama-3", "llama3_json"),
        ("mistral-", "mistral"), ("mixtral-", "mistral"),
        ("qwen2.5-", "hermes"), ("qwen3-", "hermes"),
        ("deepseek-v3", "deepseek_v3"), ("deepseek-r1", "deepseek_v3"),
        ("gpt-oss-", "openai"),
    ]

    /// The parser for a built-in architecture name (`llama-3.1-70b`, `qwen2.5-14b`), or nil.
    package static func parser(for architecture: String?) -> String? {
        guard let architecture else { return nil }
        return byFamily.first { architecture.hasPrefix($0.prefix) }?.parser
    }

    /// Chat templates vLLM recommends with a parser, as paths in the vllm/vllm-openai image. For
    /// `llama3_json`, vLLM's tool-calling guide (vllm-project/vllm `docs/features/tool_calling.md`,
    /// "Llama Models (`llama3_json`)") gives "Recommended flags: `--tool-call-parser llama3_json
    /// --chat-template`" with `examples/tool_chat_template_llama3.1_json.jinja`, "the official chat
    /// template for the Llama 3.1 models, but tweaked so that it works better with vLLM". The image
    /// has `examples/` under its working directory /vllm-workspace (`docker/Dockerfile`, stage
    /// `vllm-base`: `COPY examples examples`; the same guide names `/vllm-workspace/examples/…`
    /// templates for current releases). Not in the wheel, so checked in the repository's docs, not
    /// at the 0.34.0 tag. Other parsers use the checkpoint's own template.
    static let chatTemplates: [String: String] = [
        "llama3_json": "/vllm-workspace/examples/tool_chat_template_llama3.1_json.jinja",
    ]

    /// The flags that let vLLM accept `tools`; empty when the model serves no agent or has no parser.
    package static func arguments(for model: Model) -> [String] {
        guard model.servesAgents, let parser = parser(for: model.architecture) else { return [] }
        var args = ["--enable-auto-tool-choice", "--tool-call-parser", parser]
        if let template = chatTemplates[parser] { args += ["--chat-template", template] }
        return args
    }
}
