/// vLLM's command line for one model, from the IR: the flags the issue names, in a fixed order.
package enum VLLMArguments {
    /// `vllm serve <model> --served-model-name … --tensor-parallel-size …`. For a replica spanning
    /// nodes, the GPUs of one node are the tensor-parallel group and the nodes the pipeline stages,
    /// joined by vLLM's own multiprocessing backend: `--nnodes` and `--master-addr` (the group's
    /// leader, `LWS_LEADER_ADDRESS`, expanded by the kubelet), each pod adding its `--node-rank`
    /// (`ModelServerPod`). Ray is not used: vLLM dropped it from its dependencies and its image
    /// (0.34.0's wheel requires no `ray`; ai-dynamo/dynamo#8515: "vLLM 0.19.1 removed ray from its
    /// dependency graph"), and `mp` is the backend that takes `--nnodes` (vllm/config/parallel.py:
    /// "To use "mp" you must also set nnodes"; "nnodes > 1 can only be set when distributed
    /// executor backend is mp, uni or external_launcher").
    package static func arguments(for model: Model) -> [String] {
        let source = ModelSource(model.source)
        var args = [source.modelArgument,
                    "--served-model-name"] + model.servedModelNames + [
                    "--port", String(Conventions.modelServerPort),
                    "--tensor-parallel-size", String(model.migProfile == nil ? model.gpusPerReplica : 1)]
        if model.nodesPerReplica > 1 {
            args += ["--pipeline-parallel-size", String(model.nodesPerReplica), "--distributed-executor-backend", "mp",
                     "--nnodes", String(model.nodesPerReplica), "--master-addr", "$(\(leaderAddressVariable))"]
        }
        args += ["--max-model-len", String(model.contextLength)]
        // Only a stated `maxSequences` caps vLLM; its default (256, more on large GPUs) is far
        // above the 4 sequences the KV-cache sizing assumes when the spec says nothing.
        if model.maxSequencesStated { args += ["--max-num-seqs", String(model.maxSequences)] }
        args += ["--dtype", dtypeArgument(model.dtype)]
        // fp8 and int weights are a quantization choice; the activations stay in 16-bit.
        if let quantization = quantization(model) { args += ["--quantization", quantization] }
        args += ["--kv-cache-dtype", kvCacheDtypeArgument(model.kvCacheDtype),
                 "--gpu-memory-utilization", format(model.gpuMemoryUtilization)]
        if model.prefixCacheAware { args.append("--enable-prefix-caching") }
        args += taskArguments(model.effectiveTask)
        args += ToolCallParsers.arguments(for: model)
        args += source.loaderArguments
        // Checked against vLLM's own flags by `VLLMFlags.check`; last, as written.
        args += model.engineArgs.map(\.text)
        return args
    }

    /// The env var LeaderWorkerSet sets to the group leader's address (lws v0.6.0+ also sets
    /// `LWS_WORKER_INDEX`, the pod's index in its group, 0 for the leader).
    static let leaderAddressVariable = "LWS_LEADER_ADDRESS"
    static let workerIndexVariable = "LWS_WORKER_INDEX"

    /// `task:` as vLLM 0.34.0 spells it (it has no `--task` flag): the runner decides which endpoints
    /// the server has (chat and completions need `generate`, `/v1/embeddings` needs `embed`), and
    /// `--convert <task>` adapts a generative checkpoint to the pooling task while leaving a native
    /// pooling model (BERT, bge) as it is (vllm 0.34.0 `vllm/config/model.py`: `RunnerOption`,
    /// `ConvertType` = none/embed/classify, `_RUNNER_CONVERTS`; `vllm/model_executor/models/adapters.py`:
    /// `as_embedding_model` returns a pooling model unchanged; `vllm/entrypoints/launchers/api_server/routers.py`
    /// and `vllm/entrypoints/pooling/factories.py`: routers per supported task).
    static func taskArguments(_ task: ModelTask?) -> [String] {
        switch task {
        case nil: return []
        case .generate: return ["--runner", "generate"]
        case .embed, .classify: return ["--runner", "pooling", "--convert", task!.rawValue]
        }
    }

    /// vLLM's `--dtype` accepts auto, half, float16, bfloat16, float, float32.
    static func dtypeArgument(_ dtype: Model.DType) -> String {
        switch dtype {
        case .bf16: return "bfloat16"
        case .fp16: return "float16"
        case .fp32: return "float32"
        case .fp8, .int8, .int4, .mxfp4, .nvfp4: return "auto"
        }
    }

    /// vLLM takes `auto` or an fp8 variant; a 16-bit KV cache is `auto`, which follows the
    /// activations (16-bit for every dtype we serve, fp8 weights included).
    static func kvCacheDtypeArgument(_ dtype: String) -> String {
        dtype.hasPrefix("fp8") ? dtype : "auto"
    }

    /// `--quantization`, only where vLLM quantizes 16-bit weights itself (fp8). A checkpoint that
    /// declares its own method (`checkpointQuantization`, and every mxfp4 or nvfp4 checkpoint) is
    /// read from its `config.json`; a different flag makes vLLM refuse to start ("Quantization
    /// method specified in the model config (…) does not match the quantization method specified
    /// in the `quantization` argument (…)", vllm-project/vllm `vllm/config/model.py`
    /// `ModelConfig._verify_quantization`).
    static func quantization(_ model: Model) -> String? {
        guard model.checkpointQuantization == nil else { return nil }
        switch model.dtype {
        case .fp8: return "fp8"
        case .bf16, .fp16, .fp32, .int8, .int4, .mxfp4, .nvfp4: return nil
        }
    }

    /// `0.9`, `0.95`: the shortest decimal that reads back the same.
    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int64(value)) : "\(value)"
    }
}
