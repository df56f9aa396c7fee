import PlatformDiagnostics

/// What a model's `shape:` declares, each field as written (nil when absent) with its location.
/// Field names follow the checkpoint's `config.json` so a user can copy them across.
package struct DeclaredModelShape: Sendable {
    package var layers: Int?
    package var attentionHeads: Int?
    package var kvHeads: Int?
    package var headDim: Int?
    package var hiddenSize: Int?
    package var expertsTotal: Int?
    package var expertsActive: Int?
    package var kvLoraRank: Int?
    package var qkRopeHeadDim: Int?
    /// Where `shape:` is, and where each field's value is (keys as in the spec, `experts.total` …).
    package var location: SourceLocation
    package var locations: [SpecKey: SourceLocation]

    /// Whether the declaration says anything about attention (as opposed to experts alone).
    var declaresAttention: Bool {
        [layers, attentionHeads, kvHeads, headDim, hiddenSize, kvLoraRank, qkRopeHeadDim].contains { $0 != nil }
    }
}

extension Model {
    /// The shape that sizes the KV cache: the built-in `architecture:` with the declared `shape:`
    /// fields over it; nil when neither gives layers, and KV heads × head size or an MLA latent.
    /// KV heads default to the attention heads and the head size to hidden ÷ heads, as in
    /// transformers' configs (huggingface/transformers `models/llama/configuration_llama.py`).
    package var kvShape: ModelArchitecture? {
        let base = architecture.flatMap { ModelArchitecture.known[$0] }
        guard let declared = shape else { return base }
        let heads = declared.attentionHeads ?? base?.attentionHeads
        let hidden = declared.hiddenSize ?? base?.hiddenSize
        guard let layers = declared.layers ?? base?.layers else { return nil }
        var latent = base?.latent
        if declared.kvLoraRank != nil || declared.qkRopeHeadDim != nil {
            guard let rank = declared.kvLoraRank ?? base?.latent?.kvLoraRank,
                  let rope = declared.qkRopeHeadDim ?? base?.latent?.ropeHeadDim else { return nil }
            latent = .init(kvLoraRank: rank, ropeHeadDim: rope)
        }
        let derivedHeadDim: Int? = declared.hiddenSize != nil || declared.attentionHeads != nil
            ? hidden.flatMap { h in heads.flatMap { $0 > 0 && h % $0 == 0 ? h / $0 : nil } } : nil
        let kvHeads = declared.kvHeads ?? base?.kvHeads ?? heads
        let headDim = declared.headDim ?? derivedHeadDim ?? base?.headDim
        guard latent != nil || (kvHeads != nil && headDim != nil) else { return nil }
        let experts = declared.expertsTotal.flatMap { t in declared.expertsActive.map { ModelArchitecture.Experts(total: t, active: $0) } }
        return ModelArchitecture(layers: layers, kvHeads: kvHeads ?? 0, headDim: headDim ?? 0, latent: latent,
                                 attentionHeads: heads, hiddenSize: hidden, experts: experts ?? base?.experts)
    }
}
