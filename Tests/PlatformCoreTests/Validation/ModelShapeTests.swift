@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import PlatformDiagnostics
import Testing

/// Issue 17, finding 5: a model is described by its shape (declared or built in), MoE counts are
/// checked, and 4-bit float dtypes size the weights with their block scales.
@Suite struct ModelShapeTests {
    /// The fixture's agent calls the model: a shape of its own has no tool-call parser (W5401,
    /// tested in `ServingCommandLineTests`); these tests look at the shape only.
    static func lines(_ replacements: [(String, String)]) -> [String] {
        Fixture.lines(replacements).filter { !$0.contains("[W5401]") }
    }

    static let arch = "    architecture: llama-3-70b\n"

    /// The minimal spec's model, lowered, with `replacements`.
    static func model(_ replacements: [(String, String)]) throws -> Model {
        var bag = DiagnosticBag()
        let platform = FrontEnd(file: "platform.yaml").run(Array(Fixture.spec(replacements).utf8), into: &bag)
        return try #require(platform?.models.first)
    }

    @Test func moeWithMoreActiveThanTotalParametersIsAnError() {
        #expect(Self.lines([("parameters: 70B", "parameters: { total: 22B, active: 235B }")]) == [
            """
                20:39: error[E2501]: model `llama-3-70b`: 235B parameters active per token, but only 22B in total | help: `active` counts \
                the parameters one token uses (shared layers and its routed experts); it is at most `total`
                """,
        ])
        #expect(Fixture.diagnostics([("parameters: 70B", "parameters: { total: 22B, active: 235B }")]).first?.notes
            .map(\.message) == ["`total` declared here"])
        #expect(Self.lines([("parameters: 70B", "parameters: { total: 47B, active: 13B }")]) == [])
    }

    @Test func moreActiveExpertsThanExpertsIsAnError() {
        #expect(Self.lines([(Self.arch, Self.arch + "    shape: { experts: { total: 8, active: 16 } }\n")]) == [
            """
                22:43: error[E2501]: model `llama-3-70b`: 16 experts active per token, but the model has 8 | help: set `active` to \
                `num_experts_per_tok` and `total` to the routed experts of the checkpoint's `config.json`
                """,
        ])
    }

    @Test func llama31And405BAndTheNewFamiliesAreBuiltIn() throws {
        // Today `llama-3.1-405b` is unknown: W2110 and a replica sized without its KV cache.
        #expect(Self.lines([("parameters: 70B", "parameters: 405B"), ("architecture: llama-3-70b", "architecture: llama-3.1-405b")]) == [
            """
                22:10: error[E2101]: model `llama-3-70b` needs 835.5 GB per replica (weights 810.0 GB + KV cache 16.9 GB + overhead 8.6 \
                GB), but 4× H100-SXM-80GB at 90% hold 307.9 GB | help: use `dtype: fp8` (needs 424.1 GB and fits 8 H100-SXM-80GB), or \
                fewer `maxSequences` or a shorter `contextLength`
                """,
        ])
        for name in ["llama-3.1-8b", "llama-3.1-70b", "llama-3.3-70b", "qwen3-8b", "qwen3-32b", "qwen3-235b-a22b",
                     "gpt-oss-20b", "gpt-oss-120b", "deepseek-v3", "deepseek-r1", "mistral-large-2", "mixtral-8x7b"] {
            #expect(ModelArchitecture.known[name] != nil, "\(name)")
        }
        // Every built-in with its attention heads groups them evenly over its KV heads.
        for (name, a) in ModelArchitecture.known { if let h = a.attentionHeads { #expect(h % a.kvHeads == 0, "\(name)") } }
    }

    @Test func aDeclaredShapeSizesTheKVCache() throws {
        // An architecture not built in, with its shape: 8192 tokens × 4 sequences × 80 layers ×
        // 16 KV heads × 128 × 2 (K, V) × 2 bytes = 21,474,836,480 bytes.
        let shape = "    architecture: my-llama\n    shape: { layers: 80, attentionHeads: 64, kvHeads: 16, headDim: 128 }\n"
        #expect(try MemoryEstimate.of(Self.model([(Self.arch, shape)]), gpus: 4).kvCacheBytes == 21_474_836_480)
        #expect(Self.lines([(Self.arch, shape), ("count: 4 }", "count: 1 }")]) == [
            """
                23:10: error[E2101]: model `llama-3-70b` needs 163.6 GB per replica (weights 140.0 GB + KV cache 21.5 GB + overhead 2.1 \
                GB), but 1× H100-SXM-80GB at 90% hold 77.0 GB | help: use `count: 4` (needs 170.1 GB, fits 4 H100-SXM-80GB), or `dtype: \
                fp8` (needs 93.6 GB and fits 2 H100-SXM-80GB), or fewer `maxSequences` or a shorter `contextLength`
                """,
        ])
        // A field over a built-in overrides it: KV heads 8 → 16 doubles the built-in's 10.7 GB.
        #expect(try MemoryEstimate.of(Self.model([(Self.arch, Self.arch + "    shape: { kvHeads: 16 }\n")]), gpus: 4)
            .kvCacheBytes == 21_474_836_480)
        #expect(try MemoryEstimate.of(Self.model([]), gpus: 4).kvCacheBytes == 10_737_418_240)
        // Head size from hidden ÷ heads when `headDim` is absent (transformers' default).
        let derived = "    architecture: my-llama\n    shape: { layers: 80, attentionHeads: 64, kvHeads: 8, hiddenSize: 8192 }\n"
        #expect(try MemoryEstimate.of(Self.model([(Self.arch, derived)]), gpus: 4).kvCacheBytes == 10_737_418_240)
        #expect(Self.lines([(Self.arch, derived)]) == [])
        // `shape:` alone, with no `architecture:` at all, is enough.
        let alone = "    shape: { layers: 80, kvHeads: 8, headDim: 128 }\n"
        #expect(try MemoryEstimate.of(Self.model([(Self.arch, alone)]), gpus: 4).kvCacheBytes == 10_737_418_240)
        #expect(Self.lines([(Self.arch, alone)]) == [])
    }

    @Test func latentAttentionCachesOneLatentPerLayer() throws {
        // DeepSeek V3/R1: 61 layers × (512 + 64) values × 2 bytes × 8192 × 4 = 2,302,672,896 bytes.
        let r1 = try Self.model([("architecture: llama-3-70b", "architecture: deepseek-r1")])
        #expect(MemoryEstimate.of(r1, gpus: 4).kvCacheBytes == 2_302_672_896)
        let declared = "    architecture: my-mla\n    shape: { layers: 61, kvLoraRank: 512, qkRopeHeadDim: 64 }\n"
        #expect(try MemoryEstimate.of(Self.model([(Self.arch, declared)]), gpus: 4).kvCacheBytes == 2_302_672_896)
    }

    @Test func shapesThatNoCheckpointHasAreErrors() {
        #expect(Self.lines([(Self.arch,
            "    architecture: my-llama\n    shape: { layers: 80, attentionHeads: 64, kvHeads: 12, headDim: 128 }\n")]) == [
            """
                22:55: error[E2502]: model `llama-3-70b`: 64 attention heads do not group evenly over 12 KV heads | help: `attentionHeads` \
                must be a multiple of `kvHeads`; copy `num_attention_heads` and `num_key_value_heads` from the checkpoint's `config.json`
                """,
        ])
        #expect(Self.lines([(Self.arch,
            "    architecture: my-llama\n    shape: { layers: 80, attentionHeads: 48, kvHeads: 8, hiddenSize: 8200 }\n")]) == [
            """
                22:70: error[E2503]: model `llama-3-70b`: the head size is `hiddenSize / attentionHeads` when `headDim` is not given, but \
                8200 is not a multiple of 48 | help: set `headDim` to the checkpoint's `head_dim`
                """,
        ])
        #expect(Self.lines([(Self.arch, "    architecture: my-llama\n    shape: { layers: 80 }\n")]) == [
            """
                22:5: error[E2504]: model `llama-3-70b`: `shape` does not size the KV cache; it needs `kvHeads` (or `attentionHeads`) and \
                `headDim` (or `hiddenSize` and `attentionHeads`) | help: copy the fields from the checkpoint's `config.json`, e.g. `shape: \
                { layers: 80, attentionHeads: 64, kvHeads: 8, headDim: 128 }`, or name a built-in `architecture:`
                """,
        ])
        #expect(Self.lines([(Self.arch, "    architecture: my-llama\n    shape: { layers: 0, kvHeads: 8, headDim: 128 }\n")])
            .map { $0.prefix(20) } == ["22:22: error[E1050]:"])
    }

    @Test func anUnknownArchitectureSaysHowToDeclareTheShape() throws {
        let lines = Self.lines([("architecture: llama-3-70b", "architecture: llama-5-1t")])
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("""
            21:19: warning[W2110]: model `llama-3-70b`: the KV cache is not sized (architecture `llama-5-1t` is unknown) | help: set \
            `architecture:` to one of `bert-large`, `deepseek-r1`, `deepseek-v3`, `gpt-oss-120b`
            """) == true)
        #expect(lines.first?.hasSuffix("""
            , or declare the shape from the checkpoint's `config.json`: `shape: { layers: <num_hidden_layers>, attentionHeads: \
            <num_attention_heads>, kvHeads: <num_key_value_heads>, headDim: <head_dim> }`
            """) == true)
    }

    @Test func fourBitFloatWeightsCountTheirBlockScales() throws {
        // gpt-oss-120b ships MXFP4 experts: 4.25 bits per weight; NVFP4 4.5.
        let gptOSS = [("parameters: 70B", "parameters: { total: 117B, active: 5.1B }"),
                      ("    architecture: llama-3-70b\n", "    architecture: gpt-oss-120b\n    dtype: mxfp4\n"),
                      ("count: 4 }", "count: 1 }")]
        #expect(Self.lines(gptOSS) == [])
        #expect(try MemoryEstimate.of(Self.model(gptOSS), gpus: 1).weightsBytes == 117e9 * 4.25 / 8)
        let nvfp4 = [("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    dtype: nvfp4\n")]
        #expect(try MemoryEstimate.of(Self.model(nvfp4), gpus: 1).weightsBytes == 70e9 * 4.5 / 8)
    }

    @Test func checkpointQuantizationMustAgreeWithTheDType() {
        #expect(Self.lines([(Self.arch, Self.arch + "    checkpointQuantization: fbgemm_fp8\n")]) == [
            """
                22:29: error[E2505]: model `llama-3-70b`: the checkpoint's quantization `fbgemm_fp8` stores fp8 weights, but `dtype` is \
                bf16 | help: set `dtype: fp8`, so the weights are sized at 1 byte per parameter
                """,
        ])
        #expect(Self.lines([(Self.arch, Self.arch + "    dtype: fp8\n    checkpointQuantization: fbgemm_fp8\n")]) == [])
        #expect(Self.lines([(Self.arch, Self.arch + "    dtype: int4\n    checkpointQuantization: compressed-tensors\n")]) == [])
    }
}
