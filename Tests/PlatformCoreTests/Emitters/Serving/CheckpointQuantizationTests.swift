@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import Testing

/// vLLM reads a pre-quantized checkpoint's method from its `config.json` and refuses a different
/// `--quantization`; the emitter passes one only where vLLM quantizes 16-bit weights itself.
@Suite struct CheckpointQuantizationTests {
    static func args(_ lines: String) throws -> [String] {
        let set = Fixture.manifests([("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n" + lines)])
        let container = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b")?.value
            .at("spec", "template", "spec", "containers", "[0]"))
        return container.at("args")?.strings ?? []
    }

    @Test func aCheckpointThatDeclaresItsQuantizationGetsNoQuantizationFlag() throws {
        // Meta's Llama-3.1-405B-Instruct-FP8 declares `quant_method: fbgemm_fp8`.
        let args = try Self.args("    dtype: fp8\n    checkpointQuantization: fbgemm_fp8\n")
        #expect(!args.contains("--quantization"))
        #expect(args.suffix(11) == ["--dtype", "auto", "--kv-cache-dtype", "auto", "--gpu-memory-utilization", "0.9",
                                   "--enable-auto-tool-choice", "--tool-call-parser", "llama3_json", "--chat-template",
                                   "/vllm-workspace/examples/tool_chat_template_llama3.1_json.jinja"])
        // Without it, fp8 stays vLLM's own online quantization.
        #expect(try Self.args("    dtype: fp8\n").contains("--quantization"))
    }

    @Test func mxfp4AndNVFP4CheckpointsAreReadFromTheirConfig() throws {
        for dtype in ["mxfp4", "nvfp4"] {
            let args = try Self.args("    dtype: \(dtype)\n")
            #expect(!args.contains("--quantization"), "\(dtype)")
            #expect(args.suffix(11) == ["--dtype", "auto", "--kv-cache-dtype", "auto", "--gpu-memory-utilization", "0.9",
                                   "--enable-auto-tool-choice", "--tool-call-parser", "llama3_json", "--chat-template",
                                   "/vllm-workspace/examples/tool_chat_template_llama3.1_json.jinja"],
                                   "\(dtype)")
        }
    }
}
