import PlatformDiagnostics

/// A model's declared shape must be one a checkpoint can have: a mixture of experts activates no
/// more than it holds, query heads group evenly over KV heads, a derived head size divides evenly,
/// a declared shape sizes the KV cache, and a checkpoint's own quantization agrees with `dtype`.
struct ModelShapeRule: PlatformRule {
    let id = "model-shape"

    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for m in p.models {
            checkActive(m, into: &diagnostics)
            if let shape = m.shape { check(shape, of: m, into: &diagnostics) }
            checkCheckpointQuantization(m, into: &diagnostics)
        }
    }

    private func checkActive(_ m: Model, into diagnostics: inout DiagnosticBag) {
        guard let active = m.activeParameters, active > m.parameters else { return }
        diagnostics.error(ModelShapeCodes.activeAboveTotal,
                          "model `\(m.name)`: \(active.parameterText) parameters active per token, but only \(m.parameters.parameterText) "
                              + "in total",
                          at: m.locations[.parametersActive] ?? m.location,
                          notes: m.locations[.parametersTotal].map { [DiagnosticNote("`total` declared here", at: $0)] } ?? [],
                          help: "`active` counts the parameters one token uses (shared layers and its routed experts); it is at most "
                              + "`total`")
    }

    private func check(_ s: DeclaredModelShape, of m: Model, into diagnostics: inout DiagnosticBag) {
        let before = diagnostics.errorCount
        if let total = s.expertsTotal, let active = s.expertsActive, active > total {
            diagnostics.error(ModelShapeCodes.activeAboveTotal,
                              "model `\(m.name)`: \(active) experts active per token, but the model has \(total)",
                              at: s.locations[.expertsActive] ?? s.location,
                              notes: s.locations[.expertsTotal].map { [DiagnosticNote("`total` declared here", at: $0)] } ?? [],
                              help: "set `active` to `num_experts_per_tok` and `total` to the routed experts of the checkpoint's "
                                  + "`config.json`")
        }
        let base = m.architecture.flatMap { ModelArchitecture.known[$0] }
        let heads = s.attentionHeads ?? base?.attentionHeads
        if s.kvHeads != nil || s.attentionHeads != nil, let heads, let kv = s.kvHeads ?? base?.kvHeads, heads % kv != 0 {
            diagnostics.error(ModelShapeCodes.headsNotMultipleOfKVHeads,
                              "model `\(m.name)`: \(heads) attention heads do not group evenly over \(kv) KV heads",
                              at: s.locations[.kvHeads] ?? s.locations[.attentionHeads] ?? s.location,
                              help: "`attentionHeads` must be a multiple of `kvHeads`; copy `num_attention_heads` and "
                                  + "`num_key_value_heads` from the checkpoint's `config.json`")
        }
        if s.headDim == nil, s.latentDeclared == false, let heads, let hidden = s.hiddenSize ?? base?.hiddenSize,
           s.hiddenSize != nil || s.attentionHeads != nil, hidden % heads != 0 {
            diagnostics.error(ModelShapeCodes.hiddenNotMultipleOfHeads,
                              "model `\(m.name)`: the head size is `hiddenSize / attentionHeads` when `headDim` is not given, but "
                                  + "\(hidden) is not a multiple of \(heads)",
                              at: s.locations[.hiddenSize] ?? s.locations[.attentionHeads] ?? s.location,
                              help: "set `headDim` to the checkpoint's `head_dim`")
        }
        if m.kvShape == nil, diagnostics.errorCount == before {   // an inconsistent shape is reported once, above
            diagnostics.error(ModelShapeCodes.shapeIncomplete,
                              "model `\(m.name)`: `shape` does not size the KV cache; it needs " + missing(s, base: base),
                              at: s.location,
                              help: "copy the fields from the checkpoint's `config.json`, e.g. `shape: { layers: 80, attentionHeads: 64, "
                                  + "kvHeads: 8, headDim: 128 }`, or name a built-in `architecture:`")
        }
    }

    /// What a declared shape lacks, in the words of the spec.
    private func missing(_ s: DeclaredModelShape, base: ModelArchitecture?) -> String {
        var needs: [String] = []
        if s.layers == nil, base == nil { needs.append("`layers`") }
        if s.latentDeclared {
            if s.kvLoraRank == nil, base?.latent == nil { needs.append("`kvLoraRank`") }
            if s.qkRopeHeadDim == nil, base?.latent == nil { needs.append("`qkRopeHeadDim`") }
        } else if base == nil {
            if s.kvHeads == nil, s.attentionHeads == nil { needs.append("`kvHeads` (or `attentionHeads`)") }
            if s.headDim == nil, s.hiddenSize == nil || s.attentionHeads == nil {
                needs.append("`headDim` (or `hiddenSize` and `attentionHeads`)")
            }
        }
        return needs.isEmpty ? "a head size that divides evenly" : needs.joined(separator: " and ")
    }

    /// The weight dtype a checkpoint's quantization method fixes, where one method means one dtype.
    static let impliedDType: [String: Model.DType] = [
        "fp8": .fp8, "fbgemm_fp8": .fp8, "modelopt": .fp8, "modelopt_fp4": .nvfp4, "mxfp4": .mxfp4, "awq": .int4, "awq_marlin": .int4,
    ]

    private func checkCheckpointQuantization(_ m: Model, into diagnostics: inout DiagnosticBag) {
        guard let method = m.checkpointQuantization, let implied = Self.impliedDType[method], implied != m.dtype else { return }
        let checkpointAt = m.locations[.checkpointQuantization] ?? m.location
        diagnostics.error(ModelShapeCodes.checkpointQuantizationContradictsDType,
                          "model `\(m.name)`: the checkpoint's quantization `\(method)` stores \(implied.rawValue) weights, but `dtype` is "
                              + "\(m.dtype.rawValue)",
                          at: m.locations[.dtype] ?? checkpointAt,
                          notes: m.locations[.dtype] == nil ? []
                              : [DiagnosticNote("`checkpointQuantization` declared here", at: checkpointAt)],
                          help: "set `dtype: \(implied.rawValue)`, so the weights are sized at \(implied.bytesPerParameter.bytesText) per "
                              + "parameter")
    }
}

extension DeclaredModelShape {
    var latentDeclared: Bool { kvLoraRank != nil || qkRopeHeadDim != nil }
}

extension Double {
    /// `1 byte`, `0.53125 bytes`.
    var bytesText: String { self == 1 ? "1 byte" : "\(self == rounded() ? String(Int(self)) : String(self)) bytes" }
}

extension Int64 {
    /// `22B`, `235B`, `1.5B`, `335M`: parameter counts as model cards write them.
    var parameterText: String {
        for (unit, scale) in [("T", Int64(1_000_000_000_000)), ("B", 1_000_000_000), ("M", 1_000_000)] where self >= scale {
            let tenths = (self * 10 + scale / 2) / scale
            return (tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)") + unit
        }
        return String(self)
    }
}
