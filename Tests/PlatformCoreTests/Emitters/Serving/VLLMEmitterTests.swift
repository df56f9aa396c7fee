@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import Testing

@Suite struct VLLMEmitterTests {
    static let migPool = """
          - name: a100-mig
            instanceType: p4de.24xlarge
            nodes: { min: 2, max: 2 }
            mig: { profiles: { "3g.40gb": 2 } }

    """
    @Test func deploymentCarriesTheArgumentsFromTheIR() throws {
        let set = Fixture.manifests()
        let deployment = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b", namespace: "search"))
        let container = try #require(deployment.value.at("spec", "template", "spec", "containers", "[name=vllm]"))
        #expect(container.at("command")?.strings == ["vllm", "serve"])
        #expect(container.at("args")?.strings == [
            "meta-llama/Llama-3.1-70B-Instruct", "--served-model-name", "llama-3-70b", "--port", "8000",
            "--tensor-parallel-size", "4", "--max-model-len", "8192", "--dtype", "bfloat16",
            "--kv-cache-dtype", "auto", "--gpu-memory-utilization", "0.9",
            "--enable-auto-tool-choice", "--tool-call-parser", "llama3_json", "--chat-template",
            "/vllm-workspace/examples/tool_chat_template_llama3.1_json.jinja",
        ])
        #expect(container.at("image")?.stringValue == "vllm/vllm-openai:v0.34.0")
        #expect(container
            .at("resources") == ["limits": ["nvidia.com/gpu": "4"], "requests": ["ephemeral-storage": "154Gi", "nvidia.com/gpu": "4"]])
        #expect(deployment.value.at("spec", "replicas") == 2)
        #expect(deployment.value.at("spec", "template", "spec", "nodeSelector") == ["karpenter.sh/nodepool": "h100"])
    }

    @Test func prefixCachingFp8AndSourceSecretReachTheServer() throws {
        let set = Fixture.manifests([
            ("    architecture: llama-3-70b\n",
                """
                        architecture: llama-3-70b\n    dtype: fp8\n    kvCacheDtype: fp8\n    sourceSecret: hf-token\n\
                        routing: { prefixCacheAware: true }\n
                    """),
        ])
        let container = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b")?.value
            .at("spec", "template", "spec", "containers", "[0]"))
        let args = container.at("args")?.strings ?? []
        #expect(args.suffix(14) == ["--dtype", "auto", "--quantization", "fp8", "--kv-cache-dtype", "fp8",
                                    "--gpu-memory-utilization", "0.9", "--enable-prefix-caching",
                                    "--enable-auto-tool-choice", "--tool-call-parser", "llama3_json", "--chat-template",
                                    "/vllm-workspace/examples/tool_chat_template_llama3.1_json.jinja"])
        #expect(container.at("env", "[name=HF_TOKEN]") ==
                ["name": "HF_TOKEN", "valueFrom": ["secretKeyRef": ["name": "hf-token", "key": "token"]]])
    }

    @Test func serviceAndServiceAccount() throws {
        let set = Fixture.manifests()
        let service = try #require(Fixture.object(set, kind: "Service", name: "llama-3-70b", namespace: "search"))
        #expect(service.value
            .at("spec", "selector") == ["app.kubernetes.io/name": "llama-3-70b", "app.kubernetes.io/component": "model-server"])
        #expect(service.value.at("spec", "ports", "[0]", "port") == 8000)
        let account = try #require(Fixture.object(set, kind: "ServiceAccount", name: "llama-3-70b", namespace: "search"))
        #expect(account.value.at("automountServiceAccountToken") == false)
        let pod = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b")?.value.at("spec", "template", "spec"))
        #expect(pod.at("serviceAccountName") == "llama-3-70b")
        #expect(pod.at("securityContext", "runAsNonRoot") == true)
        #expect(pod.at("containers", "[0]", "securityContext", "readOnlyRootFilesystem") == true)
        #expect(pod.at("topologySpreadConstraints", "[0]", "topologyKey") == "topology.kubernetes.io/zone")
    }

    @Test func draPoolGetsAClaimTemplateWithACELSelector() throws {
        let set = Fixture.manifests([("nodes: { min: 2, max: 6 }", "nodes: { min: 6, max: 6, static: true }\n        gpuAllocation: dra"),
                                                 ("    gpusPerNode: 8\n", "    gpusPerNode: 8\n    operator: pytorchjob\n")])
        let template = try #require(Fixture.object(set, kind: "ResourceClaimTemplate", name: "llama-3-70b-gpus", namespace: "search"))
        let exactly = try #require(template.value.at("spec", "spec", "devices", "requests", "[0]", "exactly"))
        #expect(exactly.at("deviceClassName") == "gpu.nvidia.com")
        #expect(exactly.at("count") == 4)
        #expect(exactly.at("selectors", "[0]", "cel", "expression")?.stringValue ==
                "device.attributes['gpu.nvidia.com'].productName.lowerAscii().matches('(^|[ -])h100([ -]|$)') && "
                + "!device.attributes['gpu.nvidia.com'].productName.lowerAscii().contains('pcie') && "
                + "!device.attributes['gpu.nvidia.com'].productName.lowerAscii().contains('nvl') && "
                + "device.capacity['gpu.nvidia.com'].memory.compareTo(quantity('77481Mi')) >= 0")
        let pod = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b")?.value.at("spec", "template", "spec"))
        #expect(pod.at("resourceClaims") == [["name": "gpus", "resourceClaimTemplateName": "llama-3-70b-gpus"]])
        #expect(pod.at("containers", "[0]", "resources") == ["claims": [["name": "gpus"]], "requests": ["ephemeral-storage": "154Gi"]])
    }

    @Test func migOnTheDevicePluginUsesTheMixedStrategyResource() throws {
        let set = Fixture.manifests([
            ("nodes: { min: 2, max: 6 }\n", "nodes: { min: 2, max: 6 }\n" + Self.migPool),
            ("gpu: { model: H100-SXM-80GB, count: 4 }", "gpu: { model: A100-80GB, migProfile: 3g.40gb }"),
            ("parameters: 70B\n    architecture: llama-3-70b", "parameters: 8B\n    architecture: llama-3-8b"),
        ])
        let container = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b")?.value
            .at("spec", "template", "spec", "containers", "[0]"))
        #expect(container
            .at("resources") == ["limits": ["nvidia.com/mig-3g.40gb": "1"],
                "requests": ["ephemeral-storage": "27Gi", "nvidia.com/mig-3g.40gb": "1"]])
        #expect(container.at("args")?.strings.contains("--tensor-parallel-size") == true)
        let args = container.at("args")?.strings ?? []
        #expect(args[(args.firstIndex(of: "--tensor-parallel-size") ?? 0) + 1] == "1")
    }

    @Test func replicaSpanningNodesIsALeaderWorkerSet() throws {
        let set = Fixture.manifests([("gpu: { model: H100-SXM-80GB, count: 4 }", "gpu: { model: H100-SXM-80GB, count: 8, nodes: 2 }"),
                                     ("replicas: { min: 2, max: 4 }", "replicas: { min: 1, max: 1 }"),
                                     ("    provider: aws\n", "    provider: aws\n    production: false\n")])
        #expect(Fixture.object(set, kind: "Deployment", name: "llama-3-70b") == nil)
        let lws = try #require(Fixture.object(set, kind: "LeaderWorkerSet", name: "llama-3-70b", namespace: "search"))
        let group = try #require(lws.value.at("spec", "leaderWorkerTemplate"))
        #expect(group.at("size") == 2)
        #expect(group.at("restartPolicy") == "RecreateGroupOnPodRestart")
        // vLLM 0.34.0 has no Ray in its image: the group joins through its multiprocessing backend,
        // the leader serving (rank 0) and the workers headless at their LWS index.
        func args(_ role: String) -> [String] {
            (group.at(role, "spec", "containers", "[0]", "args")?.listValue ?? []).compactMap(\.stringValue)
        }
        for role in ["leaderTemplate", "workerTemplate"] {
            #expect(group.at(role, "spec", "containers", "[0]", "command") == ["vllm", "serve"])
            #expect(Array(args(role).prefix(3)) == ["meta-llama/Llama-3.1-70B-Instruct", "--served-model-name", "llama-3-70b"])
            let tp = try #require(args(role).firstIndex(of: "--tensor-parallel-size"))
            #expect(Array(args(role)[tp...].prefix(12)) == ["--tensor-parallel-size", "8", "--pipeline-parallel-size", "2",
                                                            "--distributed-executor-backend", "mp", "--nnodes", "2",
                                                            "--master-addr", "$(LWS_LEADER_ADDRESS)", "--max-model-len", "8192"])
            #expect(!args(role).joined(separator: " ").contains("ray"))
        }
        #expect(Array(args("leaderTemplate").suffix(2)) == ["--node-rank", "0"])
        #expect(Array(args("workerTemplate").suffix(3)) == ["--node-rank", "$(LWS_WORKER_INDEX)", "--headless"])
        #expect(group.at("workerTemplate", "spec", "containers", "[0]", "ports") == nil)
        #expect(group.at("workerTemplate", "metadata", "labels", "app.kubernetes.io/component") == "model-server-worker")
        #expect(group.at("workerTemplate", "spec", "containers", "[0]", "resources", "limits", "nvidia.com/gpu") == "8")
        for role in ["leaderTemplate", "workerTemplate"] {
            #expect(group.at(role, "spec", "affinity", "podAffinity", "requiredDuringSchedulingIgnoredDuringExecution") == [[
                "labelSelector": ["matchExpressions": [["key": "leaderworkerset.sigs.k8s.io/group-key", "operator": "Exists"]]],
                "matchLabelKeys": ["leaderworkerset.sigs.k8s.io/group-key"], "topologyKey": "topology.kubernetes.io/zone",
            ]])
        }
    }
}

@Suite struct VLLMArgumentsTests {
    @Test func sixteenBitKVCacheIsAutoAndFp8IsKept() {
        #expect(VLLMArguments.kvCacheDtypeArgument("bf16") == "auto")
        #expect(VLLMArguments.kvCacheDtypeArgument("fp16") == "auto")
        #expect(VLLMArguments.kvCacheDtypeArgument("fp8") == "fp8")
        #expect(VLLMArguments.kvCacheDtypeArgument("auto") == "auto")
    }

    @Test func sourcesAndTheirCredentials() {
        #expect(ModelSource("hf://org/name") == ModelSource.expected(.huggingFace, "org/name"))
        #expect(ModelSource("s3://bucket/llama").loaderArguments == ["--load-format", "runai_streamer"])
        #expect(ModelSource("s3://bucket/llama").credentialEnvFrom(secret: "s3-creds") == [["secretRef": ["name": "s3-creds"]]])
        #expect(ModelSource("s3://bucket/llama").credentialEnv(secret: "s3-creds") == [])
        #expect(ModelSource("/models/llama").modelArgument == "/models/llama")
        #expect(ModelSource("hf://org/name").credentialEnv(secret: nil) == [])
    }
}

extension ModelSource {
    static func expected(_ scheme: Scheme, _ argument: String) -> ModelSource {
        var s = ModelSource("")
        s.scheme = scheme
        s.modelArgument = argument
        return s
    }
}
