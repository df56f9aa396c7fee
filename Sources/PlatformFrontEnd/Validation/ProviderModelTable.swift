/// Model ids each provider API accepts, for checking route fallbacks (`W1301`). Generated from
/// LiteLLM's `model_prices_and_context_window_backup.json` in the PyPI wheel `litellm` 1.108.7
/// (BerriAI/litellm, `litellm/model_prices_and_context_window_backup.json`): the keys whose
/// `litellm_provider` is the kind and whose `mode` is `chat`, `responses` or `embedding`, without
/// the `mistral/` prefix, fine-tune (`ft:`) and other routed (`a/b`) keys. Only these kinds are
/// checked: Azure, Bedrock and Vertex AI name deployments or regional ids, and a provider with a
/// `baseURL` may serve any name.
package enum ProviderModelTable {
    package static let source = "LiteLLM 1.108.7, model_prices_and_context_window_backup.json"

    static let ids: [String: Set<String>] = [
        "anthropic": [
            "claude-fable-5", "claude-fable-5-1", "claude-haiku-4-5", "claude-haiku-4-5-20251001", "claude-haiku-5-5",
            "claude-mythos-5", "claude-mythos-5-1", "claude-mythos-preview", "claude-opus-4-5", "claude-opus-4-5-20251101",
            "claude-opus-4-6", "claude-opus-4-6-20260205", "claude-opus-4-7", "claude-opus-4-7-20260416", "claude-opus-4-8",
            "claude-opus-5", "claude-opus-5-5", "claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "claude-sonnet-4-6",
            "claude-sonnet-5", "claude-sonnet-5-5",
        ],
        "mistral": [
            "codestral-2508", "codestral-embed", "codestral-embed-2505", "codestral-latest", "codestral-mamba-latest",
            "devstral-latest", "devstral-medium-latest", "devstral-small-latest", "glm-5-2",
            "labs-leanstral-1-5", "labs-leanstral-1-5-1", "magistral-medium-latest", "magistral-small-latest",
            "ministral-14b-2512", "ministral-14b-latest", "ministral-3-14b-2512", "ministral-3-3b-2512", "ministral-3-8b-2512",
            "ministral-3b-2512", "ministral-3b-latest", "ministral-8b-2512", "ministral-8b-latest", "mistral-code-agent-latest",
            "mistral-code-fim-latest", "mistral-code-latest", "mistral-embed", "mistral-embed-2312", "mistral-large-2512",
            "mistral-large-3", "mistral-large-4", "mistral-large-4-0", "mistral-large-latest", "mistral-medium",
            "mistral-medium-2604", "mistral-medium-3", "mistral-medium-3-5", "mistral-medium-3.5", "mistral-medium-latest",
            "mistral-small", "mistral-small-2603", "mistral-small-latest", "mistral-tiny", "mistral-vibe-cli-fast",
            "mistral-vibe-cli-latest", "mistral-vibe-cli-with-tools", "open-mistral-nemo", "pixtral-large-latest",
            "voxtral-small-2507", "voxtral-small-latest", "zai-glm-5", "zai-glm-5-2", "zai-glm-5-3",
            "zai-glm-latest",
        ],
        "openai": [
            "chat-latest", "computer-use-preview", "computer-use-preview-2025-03-11", "daybreak-blue-latest",
            "daybreak-red-latest", "gpt-3.5-turbo", "gpt-3.5-turbo-0125", "gpt-3.5-turbo-1106", "gpt-3.5-turbo-16k", "gpt-4",
            "gpt-4-0613", "gpt-4-1106-preview", "gpt-4-turbo", "gpt-4-turbo-2024-04-09", "gpt-4.1", "gpt-4.1-2025-04-14",
            "gpt-4.1-mini", "gpt-4.1-mini-2025-04-14", "gpt-4.1-nano", "gpt-4.1-nano-2025-04-14", "gpt-4o", "gpt-4o-2024-05-13",
            "gpt-4o-2024-08-06", "gpt-4o-2024-11-20", "gpt-4o-audio-preview-2024-12-17", "gpt-4o-audio-preview-2025-06-03",
            "gpt-4o-mini", "gpt-4o-mini-2024-07-18", "gpt-4o-mini-audio-preview-2024-12-17", "gpt-4o-mini-search-preview",
            "gpt-4o-mini-search-preview-2025-03-11", "gpt-4o-search-preview", "gpt-4o-search-preview-2025-03-11", "gpt-5",
            "gpt-5-2025-08-07", "gpt-5-chat", "gpt-5-chat-latest", "gpt-5-codex", "gpt-5-mini", "gpt-5-mini-2025-08-07",
            "gpt-5-nano", "gpt-5-nano-2025-08-07", "gpt-5-pro", "gpt-5-pro-2025-10-06", "gpt-5-search-api",
            "gpt-5-search-api-2025-10-14", "gpt-5.1", "gpt-5.1-2025-11-13", "gpt-5.1-chat-latest", "gpt-5.1-codex",
            "gpt-5.1-codex-max", "gpt-5.1-codex-mini", "gpt-5.2", "gpt-5.2-2025-12-11", "gpt-5.2-chat-latest", "gpt-5.2-codex",
            "gpt-5.2-pro", "gpt-5.2-pro-2025-12-11", "gpt-5.3-chat-latest", "gpt-5.3-codex", "gpt-5.4", "gpt-5.4-2026-03-05",
            "gpt-5.4-mini", "gpt-5.4-mini-2026-03-17", "gpt-5.4-nano", "gpt-5.4-nano-2026-03-17", "gpt-5.4-pro",
            "gpt-5.4-pro-2026-03-05", "gpt-5.5", "gpt-5.5-2026-04-23", "gpt-5.5-cyber", "gpt-5.5-cyber-preview", "gpt-5.5-pro",
            "gpt-5.5-pro-2026-04-23", "gpt-5.6", "gpt-5.6-cyber", "gpt-5.6-luna", "gpt-5.6-sol", "gpt-5.6-terra", "gpt-6-astra",
            "gpt-6-luna", "gpt-6-sol", "gpt-6.1-sol",
            "gpt-audio", "gpt-audio-1.5", "gpt-audio-2025-08-28", "gpt-audio-mini", "gpt-audio-mini-2025-10-06",
            "gpt-audio-mini-2025-12-15", "gpt-daybreak-blue-latest", "gpt-daybreak-red-latest", "gpt-rosalind-discovery",
            "gpt-rosalind-research", "o1", "o1-2024-12-17", "o1-pro", "o1-pro-2025-03-19", "o3", "o3-2025-04-16",
            "o3-deep-research", "o3-deep-research-2025-06-26", "o3-mini", "o3-mini-2025-01-31", "o3-pro", "o3-pro-2025-06-10",
            "o4-mini", "o4-mini-2025-04-16", "o4-mini-deep-research", "o4-mini-deep-research-2025-06-26",
            "text-embedding-3-large", "text-embedding-3-small", "text-embedding-ada-002", "text-embedding-ada-002-v2",
        ],
    ]

    /// The ids `kind` accepts, or nil when the table does not cover that kind.
    package static func models(ofKind kind: String) -> Set<String>? { ids[kind] }
}
