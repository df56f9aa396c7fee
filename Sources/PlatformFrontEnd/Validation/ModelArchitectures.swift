/// The shape of a model that sizes its KV cache: a built-in entry (`ModelArchitecture.known`,
/// sourced in ModelArchitecture+BuiltIn.swift) or what the spec declares under `shape:`.
package struct ModelArchitecture: Sendable, Equatable {
    package var layers: Int
    package var kvHeads: Int
    package var headDim: Int
    /// Multi-head latent attention (DeepSeek V2/V3/R1): the cache holds one compressed latent of
    /// `kv_lora_rank` values plus the shared `qk_rope_head_dim` rope key per layer and token,
    /// with no separate K and V. vllm-project/vllm `vllm/attention/layer.py` (MLAAttention) asks
    /// for a backend with `head_size = kv_lora_rank + qk_rope_head_dim` and `use_mla=True`, and
    /// the MLA backends' `get_kv_cache_shape` is `(num_blocks, block_size, head_size)`.
    package var latent: LatentAttention?
    /// Informational, from the same `config.json`: `num_attention_heads`, `hidden_size`, and for
    /// mixture-of-experts models the routed experts and those active per token.
    package var attentionHeads: Int?
    package var hiddenSize: Int?
    package var experts: Experts?

    package struct Experts: Sendable, Equatable {
        package var total: Int
        package var active: Int
    }

    package struct LatentAttention: Sendable, Equatable {
        package var kvLoraRank: Int
        package var ropeHeadDim: Int
    }

    package init(layers: Int, kvHeads: Int, headDim: Int, latent: LatentAttention? = nil,
                attentionHeads: Int? = nil, hiddenSize: Int? = nil, experts: Experts? = nil) {
        self.layers = layers
        self.kvHeads = kvHeads
        self.headDim = headDim
        self.latent = latent
        self.attentionHeads = attentionHeads
        self.hiddenSize = hiddenSize
        self.experts = experts
    }

    /// KV-cache values per token and layer: K and V of every KV head, or MLA's one latent.
    package var valuesPerTokenAndLayer: Int {
        latent.map { $0.kvLoraRank + $0.ropeHeadDim } ?? kvHeads * headDim * 2
    }

    /// KV-cache bytes per token: layers × values per token and layer × bytes per value.
    package func kvBytesPerToken(bytesPerValue: Double) -> Double {
        Double(layers * valuesPerTokenAndLayer) * bytesPerValue
    }
}

/// How much GPU memory one replica needs, term by term, so messages can show the arithmetic.
package struct MemoryEstimate: Sendable {
    package var weightsBytes: Double
    package var kvCacheBytes: Double
    package var overheadBytes: Double
    package var totalBytes: Double { weightsBytes + kvCacheBytes + overheadBytes }

    /// Runtime overhead per GPU (CUDA context, activations, NCCL buffers), a conservative constant.
    package static let overheadPerGPU: Double = 2 * 1_073_741_824

    /// weights = parameters × bytes per dtype; KV = context × sequences × per-token KV bytes
    /// (no shape: no KV term, and the caller says so); overhead = 2 GiB per GPU.
    package static func of(_ model: Model, gpus: Int) -> MemoryEstimate {
        let weights = Double(model.parameters) * model.dtype.bytesPerParameter
        var kv = 0.0
        if let arch = model.kvShape {
            let kvBytes: Double = model.kvCacheDtype == "fp8" ? 1 : model.dtype == .fp32 ? 4 : 2
            kv = Double(model.contextLength) * Double(model.maxSequences) * arch.kvBytesPerToken(bytesPerValue: kvBytes)
        }
        return MemoryEstimate(weightsBytes: weights, kvCacheBytes: kv, overheadBytes: overheadPerGPU * Double(gpus))
    }
}

extension Double {
    /// Gigabytes (10^9) with one decimal, as GPU memory is usually quoted.
    package var gbText: String {
        let tenths = Int((self / 1e8).rounded())
        return "\(tenths / 10).\(tenths % 10) GB"
    }
}

extension MemoryEstimate {
    /// The tensor-parallel size (1, 2, 4 or 8 GPUs of `perGPUBytes` usable memory) that holds
    /// `bytes`, or nil when even 8 do not.
    package static func fittingGPUCount(_ bytes: Double, perGPUBytes: Double) -> Int? {
        [1, 2, 4, 8].first { bytes + overheadPerGPU * Double($0 - 1) <= perGPUBytes * Double($0) }
    }

    /// "fits 4 H100-SXM-80GB", or "needs more than 8 H100-SXM-80GB (multi-node)".
    package static func fitText(_ bytes: Double, perGPUBytes: Double, gpu: String) -> String {
        fittingGPUCount(bytes, perGPUBytes: perGPUBytes).map { "fits \($0) \(gpu)" }
            ?? "needs more than 8 \(gpu), so several nodes per replica"
    }
}
