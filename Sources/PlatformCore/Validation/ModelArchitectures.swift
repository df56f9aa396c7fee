/// Shapes of known model architectures, for sizing the KV cache. Figures are each model's
/// published `config.json` (num_hidden_layers, num_key_value_heads, head_dim).
public struct ModelArchitecture: Sendable {
    public var layers: Int
    public var kvHeads: Int
    public var headDim: Int

    /// KV-cache bytes per token: layers × KV heads × head size × 2 (K and V) × bytes per value.
    public func kvBytesPerToken(bytesPerValue: Double) -> Double {
        Double(layers * kvHeads * headDim * 2) * bytesPerValue
    }

    public static let known: [String: ModelArchitecture] = [
        "llama-3-8b": .init(layers: 32, kvHeads: 8, headDim: 128),     // meta-llama/Llama-3.1-8B config.json
        "llama-3-70b": .init(layers: 80, kvHeads: 8, headDim: 128),    // meta-llama/Llama-3.1-70B config.json
        "llama-3-405b": .init(layers: 126, kvHeads: 8, headDim: 128),  // meta-llama/Llama-3.1-405B config.json
        "mistral-7b": .init(layers: 32, kvHeads: 8, headDim: 128),     // mistralai/Mistral-7B-v0.3 config.json
        "mixtral-8x7b": .init(layers: 32, kvHeads: 8, headDim: 128),   // mistralai/Mixtral-8x7B-v0.1 config.json
        "mixtral-8x22b": .init(layers: 56, kvHeads: 8, headDim: 128),  // mistralai/Mixtral-8x22B-v0.1 config.json
        "qwen2.5-7b": .init(layers: 28, kvHeads: 4, headDim: 128),     // Qwen/Qwen2.5-7B config.json
        "qwen2.5-14b": .init(layers: 48, kvHeads: 8, headDim: 128),    // Qwen/Qwen2.5-14B config.json
        "qwen2.5-72b": .init(layers: 80, kvHeads: 8, headDim: 128),    // Qwen/Qwen2.5-72B config.json
        "deepseek-v3": .init(layers: 61, kvHeads: 1, headDim: 576),    // MLA: one latent of 512 + 64 rope dims per layer
        "bert-large": .init(layers: 24, kvHeads: 16, headDim: 64),     // BAAI/bge-large-en-v1.5 config.json (encoder)
    ]
}

/// How much GPU memory one replica needs, term by term, so messages can show the arithmetic.
public struct MemoryEstimate: Sendable {
    public var weightsBytes: Double
    public var kvCacheBytes: Double
    public var overheadBytes: Double
    public var totalBytes: Double { weightsBytes + kvCacheBytes + overheadBytes }

    /// Runtime overhead per GPU (CUDA context, activations, NCCL buffers), a conservative constant.
    public static let overheadPerGPU: Double = 2 * 1_073_741_824

    /// weights = parameters × bytes per dtype; KV = context × sequences × per-token KV bytes
    /// (unknown architecture: no KV term, and the caller says so); overhead = 2 GiB per GPU.
    public static func of(_ model: Model, gpus: Int) -> MemoryEstimate {
        let weights = Double(model.parameters) * model.dtype.bytesPerParameter
        var kv = 0.0
        if let arch = model.architecture.flatMap({ ModelArchitecture.known[$0] }) {
            let kvBytes: Double = model.kvCacheDtype == "fp8" ? 1 : model.dtype == .fp32 ? 4 : 2
            kv = Double(model.contextLength) * Double(model.maxSequences) * arch.kvBytesPerToken(bytesPerValue: kvBytes)
        }
        return MemoryEstimate(weightsBytes: weights, kvCacheBytes: kv, overheadBytes: overheadPerGPU * Double(gpus))
    }
}

extension Double {
    /// Gigabytes (10^9) with one decimal, as GPU memory is usually quoted.
    var gbText: String {
        let tenths = Int((self / 1e8).rounded())
        return "\(tenths / 10).\(tenths % 10) GB"
    }
}

extension MemoryEstimate {
    /// The tensor-parallel size (1, 2, 4 or 8 GPUs of `perGPUBytes` usable memory) that holds
    /// `bytes`, or nil when even 8 do not.
    public static func fittingGPUCount(_ bytes: Double, perGPUBytes: Double) -> Int? {
        [1, 2, 4, 8].first { bytes + overheadPerGPU * Double($0 - 1) <= perGPUBytes * Double($0) }
    }

    /// "fits 4 H100-SXM-80GB", or "needs more than 8 H100-SXM-80GB (multi-node)".
    public static func fitText(_ bytes: Double, perGPUBytes: Double, gpu: String) -> String {
        fittingGPUCount(bytes, perGPUBytes: perGPUBytes).map { "fits \($0) \(gpu)" } ?? "needs more than 8 \(gpu), so several nodes per replica"
    }
}

