/// The built-in model shapes. Each figure is the model's published `config.json` on the Hugging
/// Face hub (`huggingface.co/<repo>/blob/main/config.json`): `num_hidden_layers`,
/// `num_attention_heads`, `num_key_value_heads`, `head_dim` (when absent, transformers uses
/// `hidden_size / num_attention_heads`), `hidden_size`, and for MoE `num_local_experts` /
/// `num_experts` / `n_routed_experts` with `num_experts_per_tok`; MLA adds `kv_lora_rank` and
/// `qk_rope_head_dim`. Where a verbatim copy of that file was checked in a public repository, it
/// is named after the hub repository.
extension ModelArchitecture {
    private static func gqa(_ layers: Int, heads: Int, kv: Int, headDim: Int, hidden: Int,
                            experts: (Int, Int)? = nil) -> ModelArchitecture {
        ModelArchitecture(layers: layers, kvHeads: kv, headDim: headDim, attentionHeads: heads, hiddenSize: hidden,
                          experts: experts.map { Experts(total: $0.0, active: $0.1) })
    }

    private static let deepSeekV3 = ModelArchitecture(
        layers: 61, kvHeads: 128, headDim: 128, latent: LatentAttention(kvLoraRank: 512, ropeHeadDim: 64),
        attentionHeads: 128, hiddenSize: 7168, experts: Experts(total: 256, active: 8))

    package static let known: [String: ModelArchitecture] = [
        // meta-llama/Llama-3.1-8B (copy: citsjtu2020/LLM-Prof sglang/Model_Config.md, "Llama-3.1-8B")
        "llama-3.1-8b": gqa(32, heads: 32, kv: 8, headDim: 128, hidden: 4096),
        // meta-llama/Llama-3.1-70B (table of its config: vulkomilev/oumi configs/recipes/llama3_1/README.md)
        "llama-3.1-70b": gqa(80, heads: 64, kv: 8, headDim: 128, hidden: 8192),
        // meta-llama/Llama-3.1-405B; its FP8 checkpoint meta-llama/Llama-3.1-405B-Instruct-FP8 has the
        // same shape and `quantization_config.quant_method: fbgemm_fp8`
        "llama-3.1-405b": gqa(126, heads: 128, kv: 8, headDim: 128, hidden: 16384),
        // meta-llama/Llama-3.3-70B-Instruct: the Llama 3.1 70B shape
        "llama-3.3-70b": gqa(80, heads: 64, kv: 8, headDim: 128, hidden: 8192),
        // Qwen/Qwen3-8B and Qwen/Qwen3-32B: `head_dim` 128 is explicit (32B: 64 × 128 ≠ hidden 5120)
        "qwen3-8b": gqa(36, heads: 32, kv: 8, headDim: 128, hidden: 4096),
        "qwen3-32b": gqa(64, heads: 64, kv: 8, headDim: 128, hidden: 5120),
        // Qwen/Qwen3-235B-A22B: `num_experts` 128, `num_experts_per_tok` 8
        "qwen3-235b-a22b": gqa(94, heads: 64, kv: 4, headDim: 128, hidden: 4096, experts: (128, 8)),
        // openai/gpt-oss-20b and openai/gpt-oss-120b (`quant_method: mxfp4`). Half the layers are
        // `sliding_attention` with a 128-token window; they are sized as full attention, an upper bound.
        "gpt-oss-20b": gqa(24, heads: 64, kv: 8, headDim: 64, hidden: 2880, experts: (32, 4)),
        "gpt-oss-120b": gqa(36, heads: 64, kv: 8, headDim: 64, hidden: 2880, experts: (128, 4)),
        // deepseek-ai/DeepSeek-V3 and deepseek-ai/DeepSeek-R1 (same config): MLA, see `latent`
        "deepseek-v3": deepSeekV3,
        "deepseek-r1": deepSeekV3,
        // mistralai/Mistral-Large-Instruct-2407 (Mistral Large 2)
        "mistral-large-2": gqa(88, heads: 96, kv: 8, headDim: 128, hidden: 12288),
        // mistralai/Mixtral-8x7B-v0.1 (copy of its config: a Mixtral 8x7B test in the index, 8 local
        // experts, 2 per token); the entries below predate this table and carry only the KV figures:
        // mistralai/Mistral-7B-v0.3, mistralai/Mixtral-8x22B-v0.1, Qwen/Qwen2.5-{7B,14B,72B}, BAAI/bge-large-en-v1.5
        "mixtral-8x7b": gqa(32, heads: 32, kv: 8, headDim: 128, hidden: 4096, experts: (8, 2)),
        "mistral-7b": .init(layers: 32, kvHeads: 8, headDim: 128),
        "mixtral-8x22b": .init(layers: 56, kvHeads: 8, headDim: 128),
        "qwen2.5-7b": .init(layers: 28, kvHeads: 4, headDim: 128),
        "qwen2.5-14b": .init(layers: 48, kvHeads: 8, headDim: 128),
        "qwen2.5-72b": .init(layers: 80, kvHeads: 8, headDim: 128),
        "bert-large": .init(layers: 24, kvHeads: 16, headDim: 64),
        // Earlier names, kept so existing specs keep their meaning: the Llama 3.1 shapes.
        "llama-3-8b": gqa(32, heads: 32, kv: 8, headDim: 128, hidden: 4096),
        "llama-3-70b": gqa(80, heads: 64, kv: 8, headDim: 128, hidden: 8192),
        "llama-3-405b": gqa(126, heads: 128, kv: 8, headDim: 128, hidden: 16384),
    ]
}
