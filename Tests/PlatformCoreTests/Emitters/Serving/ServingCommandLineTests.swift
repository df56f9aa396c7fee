import Foundation
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import PlatformDiagnostics
import Testing

/// vLLM's command line as the serving path needs it (issue 15 findings 3 and 7, issue 16 finding 7).
@Suite struct ServingCommandLineTests {
    /// A canary of `llama-3-70b` beside it, weighted 10 % on the route.
    static let withCanary = FixtureEdits.canary(named: "llama-3-70b-next")

    static func args(_ set: ManifestSet, _ name: String) -> [String] {
        Fixture.object(set, kind: "Deployment", name: name)?.value
            .at("spec", "template", "spec", "containers", "[name=vllm]", "args")?.strings ?? []
    }

    static func compileLines(_ spec: String) -> [String] {
        Compiler().compile(spec: Array(spec.utf8), file: "platform.yaml").diagnostics.sorted.map { d in
            let loc = d.location.map { "\($0.line):\($0.column): " } ?? ""
            return "\(loc)\(d.severity.rawValue)[\(d.code)]: \(d.message)"
        }
    }

    @Test func canaryAnswersToItsStableModelsName() {
        let args = Self.args(Fixture.manifests(Self.withCanary), "llama-3-70b-next")
        let at = args.firstIndex(of: "--served-model-name") ?? 0
        // Its own name first (the `model_name` of its metrics), then the name clients send.
        #expect(Array(args[at...].prefix(4)) == ["--served-model-name", "llama-3-70b-next", "llama-3-70b", "--port"])
        let stable = Self.args(Fixture.manifests(Self.withCanary), "llama-3-70b")
        #expect(Array(stable.drop { $0 != "--served-model-name" }.prefix(3)) == ["--served-model-name", "llama-3-70b", "--port"])
    }

    @Test func canaryInAnotherClusterThanItsStableModelIsAnError() {
        let spec = Fixture.servingSpec(Self.withCanary + [
            ("teams:\n", """
              - name: edge
                provider: aws
                zones: [us-west-2a]
                nodePools:
                  - name: h100
                    instanceType: p5.48xlarge
                    nodes: { min: 1, max: 2 }
            teams:

            """),
            ("    replicas: { min: 2, max: 4 }\n", "    replicas: { min: 2, max: 4 }\n    placement: { cluster: prod }\n"),
            ("    replicas: { min: 1, max: 1 }\n", "    replicas: { min: 1, max: 1 }\n    placement: { cluster: edge }\n"),
        ])
        #expect(Self.compileLines(spec).filter { $0.contains("[E") } == [
            """
                40:15: error[E5400]: canary `llama-3-70b-next` is placed in cluster `edge`, where its stable model `llama-3-70b` does not \
                run: routes there would send it all of their traffic
                """,
        ])
    }

    @Test func agentsModelAcceptsToolCalls() {
        let args = Self.args(Fixture.manifests(), "llama-3-70b")
        #expect(args.suffix(5).prefix(3) == ["--enable-auto-tool-choice", "--tool-call-parser", "llama3_json"])
        // The canary answers to the agent's model name, so it parses tool calls too.
        #expect(Self.args(Fixture.manifests(Self.withCanary), "llama-3-70b-next").suffix(5).prefix(3)
                == ["--enable-auto-tool-choice", "--tool-call-parser", "llama3_json"])
    }

    @Test func parserPerArchitectureFamily() {
        #expect(["llama-3.1-8b", "llama-3.3-70b", "mixtral-8x7b", "mistral-large-2", "qwen2.5-14b", "qwen3-235b-a22b",
                 "deepseek-r1", "gpt-oss-120b", "bert-large"].map { ToolCallParsers.parser(for: $0) ?? "-" }
                == ["llama3_json", "llama3_json", "mistral", "mistral", "hermes", "hermes", "deepseek_v3", "openai", "-"])
    }

    @Test func modelNoAgentCallsGetsNoToolFlags() throws {
        var bag = DiagnosticBag()
        var model = try #require(FrontEnd(file: "platform.yaml").run(Array(Fixture.servingSpec().utf8), into: &bag)?.models.first)
        #expect(model.servesAgents)
        model.servesAgents = false
        #expect(!VLLMArguments.arguments(for: model).contains("--enable-auto-tool-choice"))
    }

    @Test func agentWithoutAToolParserIsWarnedAtItsModel() {
        let lines = Fixture.lines([("    architecture: llama-3-70b\n", "")]).filter { $0.contains("W5401") }
        #expect(lines == [
            """
                38:12: warning[W5401]: agent `ops` sends `tools` to model `llama-3-70b` (no `architecture`), for which vLLM has no known \
                tool-call parser: it answers 400 | help: give the model an `architecture` of a family vLLM parses tool calls for (Llama \
                3.x, Mistral/Mixtral, Qwen2.5/Qwen3, DeepSeek-V3/R1, gpt-oss), or use an external model through a provider
                """,
        ])
    }

    @Test func maxNumSeqsOnlyWhenStated() {
        #expect(!Self.args(Fixture.manifests(), "llama-3-70b").contains("--max-num-seqs"))
        let stated = Self.args(Fixture
            .manifests([("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    maxSequences: 8\n")]),
                               "llama-3-70b")
        #expect(Array(stated.drop { $0 != "--max-num-seqs" }.prefix(2)) == ["--max-num-seqs", "8"])
    }

    @Test func nonRootVLLMHasWritableHomeAndInductorCache() throws {
        let pod = try #require(Fixture.object(Fixture.manifests(), kind: "Deployment", name: "llama-3-70b")?.value
            .at("spec", "template", "spec"))
        let env = pod.at("containers", "[name=vllm]", "env")
        #expect(env?.at("[name=HOME]", "value")?.stringValue == "/tmp")
        #expect(env?.at("[name=TORCHINDUCTOR_CACHE_DIR]", "value")?.stringValue == "/cache/torchinductor")
        // uid 1000 has no passwd entry in the image: `getpass.getuser()` (torch's and vLLM 0.34.0's
        // cache paths) must find `USER` before it asks the passwd database (vllm #44548).
        #expect(env?.at("[name=USER]", "value")?.stringValue == "vllm")
        // Both live on emptyDir mounts of the pod.
        let mounts = pod.at("containers", "[name=vllm]", "volumeMounts")?.listValue?.compactMap { $0.at("mountPath")?.stringValue } ?? []
        #expect(mounts.contains("/tmp") && mounts.contains("/cache"))
    }
}
