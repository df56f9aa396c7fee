import Foundation
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import PlatformDiagnostics
import Testing

/// A model's engine settings (issue 16 finding 7): `task`, `engineArgs` checked against vLLM's own
/// flags, the model cache, the Llama chat template.
@Suite struct EngineSettingsTests {
    /// An embedding model beside the minimal spec's chat model, inserted before `routes:` (lines 24–32).
    static let embedding = """
      - name: bge
        team: search
        source: hf://BAAI/bge-large-en-v1.5
        parameters: 335M
        architecture: bert-large
        contextLength: 512
        task: embed
        gpu: { model: H100-SXM-80GB, count: 1 }
        replicas: { min: 2, max: 2 }
    routes:

    """
    static let withEmbedding: [(String, String)] = [("routes:\n", embedding)]

    /// `line:col: severity[CODE]: message | help` of the whole compile, for the codes of `prefix`.
    static func lines(_ replacements: [(String, String)], prefix: String = "75") -> [String] {
        Compiler().compile(spec: Array(Fixture.servingSpec(replacements).utf8), file: "platform.yaml").diagnostics.sorted
            .filter { $0.code.description.dropFirst().hasPrefix(prefix) }
            .map { d in
                let loc = d.location.map { "\($0.line):\($0.column): " } ?? ""
                return "\(loc)\(d.severity.rawValue)[\(d.code)]: \(d.message)" + (d.help.map { " | help: \($0)" } ?? "")
            }
    }

    static func pod(_ set: ManifestSet, _ name: String) -> ManifestValue? {
        Fixture.object(set, kind: "Deployment", name: name)?.value.at("spec", "template", "spec")
    }

    // MARK: task

    @Test func embeddingTaskStartsThePoolingRunner() {
        let args = ServingCommandLineTests.args(Fixture.manifests(Self.withEmbedding), "bge")
        #expect(Array(args.drop { $0 != "--runner" }.prefix(4)) == ["--runner", "pooling", "--convert", "embed"])
        // No task stated: vLLM decides; nothing is passed.
        #expect(!ServingCommandLineTests.args(Fixture.manifests(Self.withEmbedding), "llama-3-70b").contains("--runner"))
        let generate = ServingCommandLineTests
            .args(Fixture.manifests([("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    task: generate\n")]),
                "llama-3-70b")
        #expect(Array(generate.drop { $0 != "--runner" }.prefix(3)) == ["--runner", "generate", "--enable-auto-tool-choice"])
    }

    @Test func chatRouteToAnEmbeddingModelIsAnErrorAtTheBackend() {
        let lines = Self.lines(Self.withEmbedding + [
            ("    hostnames: [api.acme.ai]\n", "    hostnames: [api.acme.ai]\n    path: /v1/chat/completions\n"),
            ("      - { model: llama-3-70b, weight: 100 }\n", "      - { model: bge, weight: 100 }\n"),
        ])
        #expect(lines == [
            """
                38:18: error[E7503]: route `chat` sends `/v1/chat/completions` to model `bge`, whose `task: embed` serves no such endpoint \
                | help: route `/v1/chat/completions` to a model with `task: generate`, or give the route the path its model serves
                """,
        ])
    }

    @Test func agentOnAnEmbeddingModelIsAnErrorAtItsModel() {
        let lines = Self.lines(Self.withEmbedding + [("    model: llama-3-70b\n    systemMessage", "    model: bge\n    systemMessage")])
        #expect(lines == [
            """
                48:12: error[E7504]: agent `ops` chats with model `bge`, whose `task: embed` serves no chat endpoint | help: give the \
                agent a model with `task: generate` (or none)
                """,
        ])
    }

    // MARK: engineArgs

    static func withArgs(_ items: String) -> [(String, String)] {
        [("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    engineArgs: \(items)\n")]
    }

    @Test func engineArgumentsAreCheckedAgainstVLLMsFlags() {
        let lines = Self.lines(Self.withArgs(#"""
            ["--max-num-batched-token=8192", "--tensor-parallel-size=8", "--max_model_len=4096", "--enable-chunked-prefill=true", \#
            "--max-num-batched-tokens", "8192"]
            """#))
        #expect(lines == [
            """
                22:18: error[E7500]: `--max-num-batched-token` is not a flag of `vllm serve` in vLLM 0.34.0 | help: did you mean \
                `--max-num-batched-tokens`?
                """,
            """
                22:50: error[E7501]: `--tensor-parallel-size` is set by the compiler from `gpu.count` of model `llama-3-70b` | help: set \
                `gpu.count` instead of passing the flag
                """,
            """
                22:78: error[E7501]: `--max-model-len` is set by the compiler from `contextLength` of model `llama-3-70b` | help: set \
                `contextLength` instead of passing the flag
                """,
            """
                22:102: error[E7502]: `--enable-chunked-prefill` takes no value | help: write `--enable-chunked-prefill` to turn it on, or \
                `--no-enable-chunked-prefill` to turn it off
                """,
            """
                22:135: error[E7502]: `--max-num-batched-tokens` needs a value | help: write the flag and its value as one item: \
                `--max-num-batched-tokens=<value>`
                """,
            """
                22:163: error[E7502]: engine argument `8192` of model `llama-3-70b` is not a flag | help: write a flag and its value as \
                one item: `--flag=value`
                """,
        ])
    }

    @Test func validEngineArgumentsArePassedLastAsWritten() {
        let items = ["--max-num-batched-tokens=8192", "--no-enable-chunked-prefill", "--compilation-config.mode=3", "-O3",
            "--enforce_eager"]
        let spec = Self.withArgs("[" + items.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
        #expect(Self.lines(spec).isEmpty)
        #expect(Array(ServingCommandLineTests.args(Fixture.manifests(spec), "llama-3-70b").suffix(5)) == items)
    }

    @Test func flagTableCameFromThePinnedVLLM() {
        // The table's version is the image's tag; a new image needs a regenerated table.
        #expect(ComponentVersions.vllm.image == "vllm/vllm-openai:v\(VLLMFlagTable.version)")
        #expect(VLLMFlagTable.version == "0.34.0")
        #expect(VLLMFlagTable.flags["--runner"] == .value && VLLMFlagTable.flags["--no-enforce-eager"] == .switch
                && VLLMFlagTable.flags["--enforce-eager"] == .boolean && VLLMFlagTable.flags["-tp"] == .value)
        // 0.34.0 (vllm/engine/arg_utils.py): `--task` is gone, `--optimization-level` is new and
        // `-O3` its short form (vllm/utils/argparse_utils.py); `--hf-token` alone or with a value;
        // `--enable-prefix-caching` keeps its `--no-` half through a dict-unpacked kwargs.
        #expect(VLLMFlagTable.flags["--task"] == nil && VLLMFlagTable.flags["--optimization-level"] == .value
                && VLLMFlagTable.flags["-O"] == .value && VLLMFlagTable.flags["--hf-token"] == .optional
                && VLLMFlagTable.flags["--no-enable-prefix-caching"] == .switch)
        // Every flag the compiler sets exists in that version.
        for flag in VLLMFlags.setBySpec.keys { #expect(VLLMFlagTable.flags[flag] != nil, "\(flag)") }
    }

    /// Flags 0.11.0 had and 0.34.0 dropped (`--task`, `--swap-space`) are unknown; the new alias
    /// of a flag the compiler sets is refused like the flag; `--hf-token` takes an optional value.
    @Test func flagsOfVLLM034() {
        let lines = Self.lines(Self.withArgs(#"""
            ["--task=embed", "--device-memory-utilization=0.8", "--hf-token", "--hf-token=hf_x", "--swap-space=4"]
            """#))
        #expect(lines == [
            "22:18: error[E7500]: `--task` is not a flag of `vllm serve` in vLLM 0.34.0 | help: see `vllm serve --help` of vLLM 0.34.0",
            """
                22:34: error[E7501]: `--device-memory-utilization` is set by the compiler from `gpuMemoryUtilization` of model \
                `llama-3-70b` | help: set `gpuMemoryUtilization` instead of passing the flag
                """,
            """
                22:102: error[E7500]: `--swap-space` is not a flag of `vllm serve` in vLLM 0.34.0 | help: see `vllm serve --help` of vLLM \
                0.34.0
                """,
        ])
    }

    /// vLLM 0.34.0 has no `reward` pooling task (vllm/config/model.py `ConvertType`; vllm/tasks.py):
    /// `task: reward` is refused at its line instead of emitting `--convert reward`, which vLLM rejects.
    @Test func rewardTaskIsRefused() {
        let spec = Fixture.servingSpec([("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    task: reward\n")])
        let result = Compiler().compile(spec: Array(spec.utf8), file: "platform.yaml")
        let lines = result.diagnostics.sorted.filter { $0.severity == .error }.map { d in
            "\(d.location.map { "\($0.line):\($0.column): " } ?? "")error[\(d.code)]: \(d.message)"
        }
        #expect(lines == ["""
            22:11: error[E1013]: invalid value `reward` for `task` in model `llama-3-70b`: expected one of `generate`, `embed`, `classify`
            """])
    }

    // MARK: cache

    @Test func defaultCacheIsSizedFromTheCheckpoint() throws {
        let pod = try #require(Self.pod(Fixture.manifests(), "llama-3-70b"))
        // 70B × 2 bytes = 130.4 GiB, + 10 % + 10Gi of compile caches → 154Gi.
        #expect(pod.at("volumes", "[name=cache]") == ["name": "cache", "emptyDir": ["sizeLimit": "154Gi"]])
        #expect(pod.at("containers", "[name=vllm]", "resources", "requests", "ephemeral-storage")?.stringValue == "154Gi")
        // fp8 quantized on load still downloads the 16-bit checkpoint.
        var bag = DiagnosticBag()
        var model = try #require(FrontEnd(file: "platform.yaml").run(Array(Fixture.servingSpec().utf8), into: &bag)?.models.first)
        model.dtype = .fp8
        #expect(ModelCache.size(model) == 154 << 30)
        model.checkpointQuantization = "fbgemm_fp8"
        #expect(ModelCache.size(model) == 82 << 30)
    }

    @Test func instanceStoreCacheMakesThePoolsNodeClassRAID0() throws {
        let set = Fixture
            .manifests([("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    cache: { volume: instanceStore }\n")])
        let nodeClass = try #require(Fixture.object(set, kind: "EC2NodeClass", name: "h100"))
        #expect(nodeClass.value.at("spec", "instanceStorePolicy")?.stringValue == "RAID0")
        #expect(Fixture.object(Fixture.manifests(), kind: "EC2NodeClass", name: "h100")?.value.at("spec", "instanceStorePolicy") == nil)
    }

    @Test func instanceStoreWithoutLocalNVMeIsAnError() {
        let lines = Self.lines([
            ("provider: aws", "provider: azure"), ("instanceType: p5.48xlarge", "instanceType: Standard_ND96isr_H100_v5"),
            ("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    cache: { volume: instanceStore }\n"),
        ])
        #expect(lines == [
            """
                22:22: error[E7506]: model `llama-3-70b` caches on `instanceStore`, but pool `prod/h100` is on azure, where no \
                EC2NodeClass mounts instance storage | help: use `volume: emptyDir` or `persistentVolumeClaim`, or place the model on an \
                AWS pool whose instance type has NVMe (p4d, p5, g5, g6e)
                """,
        ])
    }

    @Test func cacheLargerThanTheNodesDiskIsAnError() {
        let lines = Self.lines([("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    cache: { size: 300Gi }\n")])
        #expect(lines == [
            """
                22:20: error[E7507]: 2 replica(s) of model `llama-3-70b` on one node of pool `prod/h100` cache 600.0 GiB, more than the \
                450.0 GiB pods may fill on its 500Gi root volume | help: cache on the node's NVMe with `volume: instanceStore`, or share \
                one claim with `volume: persistentVolumeClaim`
                """,
        ])
    }

    @Test func cacheSmallerThanTheCheckpointIsAnError() {
        let lines = Self.lines([("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    cache: { size: 100Gi }\n")])
        #expect(lines == [
            """
                22:20: error[E7508]: `cache.size` of model `llama-3-70b` is 100.0 GiB, smaller than its checkpoint (130.4 GiB) | help: \
                remove `size` to size the cache from the weights, or give at least 140.4 GiB
                """,
        ])
    }

    @Test func persistentCacheMountsASharedClaim() throws {
        let spec: [(String, String)] = [("    architecture: llama-3-70b\n",
                                         """
                                                 architecture: llama-3-70b\n\
                                                 cache: { volume: persistentVolumeClaim, storageClass: efs-sc }\n
                                             """)]
        let set = Fixture.manifests(spec)
        let pod = try #require(Self.pod(set, "llama-3-70b"))
        #expect(pod.at("volumes", "[name=cache]") == ["name": "cache", "persistentVolumeClaim": ["claimName": "llama-3-70b-cache"]])
        #expect(pod.at("containers", "[name=vllm]", "resources", "requests", "ephemeral-storage") == nil)
        let claim = try #require(Fixture.object(set, kind: "PersistentVolumeClaim", name: "llama-3-70b-cache"))
        #expect(claim.value
            .at("spec") == ["accessModes": ["ReadWriteMany"], "storageClassName": "efs-sc",
                "resources": ["requests": ["storage": "154Gi"]]])
        #expect(Self.lines([("    architecture: llama-3-70b\n",
            "    architecture: llama-3-70b\n    cache: { volume: persistentVolumeClaim }\n")]) == [
            """
                22:22: error[E7505]: model `llama-3-70b`'s `cache.volume: persistentVolumeClaim` needs exactly one of `claimName` and \
                `storageClass` | help: name an existing ReadWriteMany claim with `claimName`, or let the compiler create one with \
                `storageClass`
                """,
        ])
    }

    // MARK: chat template

    @Test func llamaToolCallingGetsVLLMsChatTemplate() {
        let args = ServingCommandLineTests.args(Fixture.manifests(), "llama-3-70b")
        #expect(Array(args.drop { $0 != "--enable-auto-tool-choice" }) == [
            "--enable-auto-tool-choice", "--tool-call-parser", "llama3_json",
            "--chat-template", "/vllm-workspace/examples/tool_chat_template_llama3.1_json.jinja",
        ])
        #expect(ToolCallParsers.chatTemplates["hermes"] == nil)
    }
}
