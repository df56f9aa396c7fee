/// Every container image platformc emits, pinned by exact tag, with the release it comes from and
/// the upstream facts that hold at that version (metric names, flags). A spec may override an
/// image (`components:`, `ComponentOverrides`); the facts stay those of the pinned version, so an
/// override draws W7403 and its user owns the difference. Emitters take images only from here.
package struct ComponentImage: Hashable, Sendable {
    /// The key under `components:` in the spec.
    package var name: String
    package var repository: String
    package var tag: String
    /// The upstream release, its date and where that was read.
    package var release: String
    /// The Helm chart or CRD version this image goes with, when one applies.
    package var chart: String?
    /// Upstream facts that depend on this version, each with its source.
    package var facts: [String]

    package var image: String { "\(repository):\(tag)" }
}

package enum ComponentVersions {
    /// vLLM's OpenAI-compatible server: 0.34.0, the newest release on PyPI on 2026-12-06. Every
    /// fact below was re-read from that wheel (`pip download --no-deps vllm==0.34.0`, extracted,
    /// not installed): the flag table (`tools/vllm-flags.py` → `VLLMFlagTable`), `--runner` and
    /// `--convert` values, tool-call parser names, endpoints per task and metric names.
    package static let vllm = ComponentImage(
        name: "vllm", repository: "vllm/vllm-openai", tag: "v0.34.0",
        release: """
            vLLM 0.34.0, newest on PyPI (`pip index versions vllm`, 2026-12-06); wheel `vllm-0.34.0-cp38-abi3-manylinux_2_28_x86_64.whl` \
            built 2026-11-16 from commit 62d4bc3c7 (`vllm/_version.py`); image tag `v<version>` as every vLLM release
            """,
        chart: nil,
        facts: [
            """
                metrics `vllm:num_requests_waiting`, `vllm:kv_cache_usage_perc`, `vllm:request_success_total` with labels `model_name` \
                (the first `--served-model-name`), `engine` (vllm/v1/metrics/loggers.py, `PrometheusStatLogger`; vllm/config/model.py \
                `get_served_model_name`; UpstreamMetrics.VLLM)
                """,
            """
                `vllm:gpu_cache_usage_perc` is not published (removed in v0.12.0; absent from the 0.34.0 source): queries keep it only \
                with `or` for models that pin an older `image`
                """,
            """
                `--runner generate|pooling`, `--convert embed|classify`; no `reward` convert and no `--task` flag (vllm/config/model.py \
                `RunnerOption`, `ConvertType`, `_RUNNER_CONVERTS`; vllm/engine/arg_utils.py)
                """,
            """
                tool-call parsers `llama3_json`, `mistral`, `hermes`, `deepseek_v3`, `openai` registered (vllm/tool_parsers/__init__.py, \
                `_TOOL_PARSERS_TO_REGISTER`)
                """,
            """
                chat and completions only with the `generate` task, `/v1/embeddings` only with `embed` \
                (vllm/entrypoints/launchers/api_server/routers.py, vllm/entrypoints/pooling/factories.py)
                """,
            """
                no `ray` among the wheel's requirements (ai-dynamo/dynamo#8515: \"vLLM 0.19.1 removed ray from its dependency graph\"; \
                gpustack/gpustack#5430: not in the official image since v0.18): multi-node replicas use `--distributed-executor-backend \
                mp` with `--nnodes`, `--node-rank`, `--master-addr` and `--headless` workers (vllm/config/parallel.py, \
                vllm/entrypoints/cli/serve.py `run_headless`)
                """,
            """
                torch and vLLM name caches after `getpass.getuser()`, which raises for a uid without a passwd entry unless `USER` is set \
                (CPython Lib/getpass.py; vllm/config/vllm.py, vllm/vllm_flash_attn/cute/cache_utils.py; vllm #44548): the container sets \
                `USER`, `HOME` and `TORCHINDUCTOR_CACHE_DIR`
                """,
        ])

    /// The endpoint picker of an InferencePool. Its code left kubernetes-sigs/gateway-api-inference-extension
    /// after v1.5.0 (2026-04-18; that repository's README at v1.6.0: "The Endpoint Picker (EPP) ... moved
    /// to llm-d/llm-d-router"; v1.6.0 ships only the InferencePool API and a conformance `lwepp`). The
    /// picker is now llm-d/llm-d-router; v0.10.0 (2026-08-17) is its newest tag in the stored snapshot
    /// (2026-08-22). Its image is `ghcr.io/llm-d/<repository>-endpoint-picker:<git tag>`
    /// (`.github/workflows/ci-release.yaml`, `Makefile` `EPP_IMAGE_NAME`).
    package static let endpointPicker = ComponentImage(
        name: "endpoint-picker", repository: "ghcr.io/llm-d/llm-d-router-endpoint-picker", tag: "v0.10.0",
        release: "llm-d/llm-d-router v0.10.0, tagged 2026-08-17 (the EPP's home after gateway-api-inference-extension v1.5.0)",
        chart: """
            config/charts/llm-d-router-gateway + routerlib v0.10.0; InferencePool CRD inference.networking.k8s.io/v1 \
            (gateway-api-inference-extension v1.6.0)
            """,
        facts: [
            """
                reads InferencePool `inference.networking.k8s.io` (pkg/common/routing/common.go `InferencePoolAPIGroup`, the \
                `--pool-group` default), version v1
                """,
            """
                scrapes `vllm:num_requests_waiting` and `vllm:kv_cache_usage_perc` by default \
                (pkg/epp/framework/plugins/datalayer/extractor/metrics/factories.go, engine `vllm`); the data-layer plugins are injected \
                when the config names none (pkg/epp/config/loader/defaults.go `ensureDataLayer`)
                """,
            """
                refuses to start when `--kv-cache-usage-percentage-metric` or another metric flag is set (pkg/epp/server/options.go \
                `deprecatedMetricFlags`, `Validate`): we pass none
                """,
            """
                config file `apiVersion: llm-d.ai/v1alpha1`, kind EndpointPickerConfig; `inference.networking.x-k8s.io/v1alpha1` only logs \
                a deprecation (pkg/epp/config/loader/configloader.go)
                """,
            """
                `--ha-enable-leader-election`: only the leader is ready; probes use gRPC services `liveness`/`readiness` on 9003; ext-proc \
                on 9002, metrics on 9090 (pkg/epp/server/options.go; chart routerlib `_deployment.yaml`)
                """,
            """
                tracing is on by default and exports to localhost:4317: the chart passes `--tracing=false` unless tracing is configured, \
                and so do we
                """,
            """
                metrics endpoint authenticated (`MetricsEndpointAuth` default true): tokenreviews and subjectaccessreviews `create` (chart \
                routerlib `_rbac.yaml`)
                """,
            """
                speaks the gateway-api-inference-extension Endpoint Picker Protocol over ext_proc FULL_DUPLEX_STREAMED (README at \
                v0.10.0), which kgateway configures for InferencePools since kgateway-dev/kgateway#10921; kgateway's last inference \
                conformance report is v2.1.x against extension v1.0.2 (gateway-api-inference-extension \
                `conformance/reports/v1.0.2/gateway/kgateway`)
                """,
        ])

    /// The LiteLLM proxy, the same release the tests run (`litellm[proxy]==1.108.7` in the Makefile's
    /// `deps`, LiteLLMProxyTests). 1.108.7 is an LTS release and the newest whose `proxy` extra installs
    /// from PyPI here (`pip install --dry-run "litellm[proxy]==X"`, 2026-12-06: 1.108.8 and later need
    /// `litellm-enterprise`/`litellm-proxy-extras`/`litellm-proxy` versions the index lacks; 1.107.0 is
    /// the release PyPI calls compromised). Its image is `ghcr.io/berriai/litellm:v1.108.7` (the release's
    /// notes, `cosign verify … ghcr.io/berriai/litellm:v1.108.7`).
    package static let liteLLM = ComponentImage(
        name: "litellm", repository: "ghcr.io/berriai/litellm", tag: "v1.108.7",
        release: """
            LiteLLM 1.108.7 (LTS), the version LiteLLMProxyTests runs (PyPI `litellm[proxy]==1.108.7`); image tag `v1.108.7` from its \
            release notes
            """,
        chart: nil, facts: [
            """
                config keys `model_list[].litellm_params.{model, api_base, extra_headers, timeout, weight}`, \
                `router_settings.{routing_strategy: simple-shuffle, num_retries, fallbacks}`, `general_settings.{master_key, \
                database_url}`, `litellm_settings.drop_params` (loaded and routed by LiteLLMProxyTests)
                """,
            """
                `simple-shuffle` draws a deployment with `random.choices` weighted by `litellm_params.weight` \
                (router_strategy/simple_shuffle.py)
                """,
            """
                `/team/new`, `/team/update`, `/team/info` (proxy/management_endpoints/team_endpoints.py); `/key/generate`, `/key/update`, \
                `/key/info`, `/key/delete` (key_management_endpoints.py); request models `NewTeamRequest`, `UpdateTeamRequest`, \
                `KeyRequest` (proxy/_types.py), `GenerateKeyRequest`, `UpdateKeyRequest` (types/proxy/management_endpoints/key_requests.py)
                """,
            """
                a caller-supplied `key` must start with `sk-` and have `MINIMUM_CUSTOM_KEY_LENGTH` (16) characters; `key_alias` is unique \
                across keys (`_enforce_unique_key_alias`); `/key/info` takes the key's SHA-256 (`hash_token_if_needed`)
                """,
        ])

    /// nccl-tests built with MPI (CoreWeave's public image), tagged with its CUDA, OS, NCCL and commit.
    /// CUDA 12.9 is kept (drivers of the 12.x line run it); the newest build listed for it is commit
    /// 2eedd7c (2026-05-20, nccl-tests 2.18.3, NCCL 2.30.4-1): coreweave/nccl-tests `README.md` at
    /// cb86553 (2026-05-27), the stored snapshot's head; d73ec07 (2026-01-26, NCCL 2.29.2) before.
    package static let ncclTests = ComponentImage(
        name: "nccl-tests", repository: "ghcr.io/coreweave/nccl-tests", tag: "12.9.1-devel-ubuntu24.04-nccl2.30.4-1-2eedd7c",
        release: "coreweave/nccl-tests image for CUDA 12.9.1, NCCL 2.30.4-1, commit 2eedd7c (its tag; README.md at cb86553)",
        chart: nil, facts: [])

    /// nccl-tests for EFA pools: AWS's image (aws-samples/awsome-distributed-training
    /// `micro-benchmarks/nccl-tests/nccl-tests.Dockerfile` and `buildspec.yaml` at 0877e0e3): the EFA
    /// installer 1.43.2 and aws-ofi-nccl v1.16.3 on its `LD_LIBRARY_PATH`, so `FI_PROVIDER=efa` reaches EFA.
    package static let ncclTestsEFA = ComponentImage(
        name: "nccl-tests-efa", repository: "public.ecr.aws/hpc-cloud/nccl-tests",
        tag: "cuda12.8.1-efa1.43.2-ofiv1.16.3-ncclv2.27.7-1-testsv2.16.9",
        release: """
            aws-samples/awsome-distributed-training buildspec.yaml at 0877e0e3 (CUDA 12.8.1, EFA 1.43.2, aws-ofi-nccl 1.16.3, NCCL \
            2.27.7-1, nccl-tests 2.16.9)
            """,
        chart: nil, facts: ["binaries in /opt/nccl-tests/build, not on PATH (the Dockerfile's `make MPI=1`)"])

    /// Every image, by its `components:` key.
    package static let images: [ComponentImage] = [vllm, endpointPicker, liteLLM, ncclTests, ncclTestsEFA]

    package static func image(named name: String) -> ComponentImage? { images.first { $0.name == name } }

    /// The controllers whose objects we emit (no image of ours): the CRD release each emitted kind
    /// is validated against (../shared/schemas/README.md, newest release tags as of 2026-08-22).
    package static let controllers: [(name: String, version: String)] = [
        ("gateway-api", "v1.6.1"), ("gateway-api-inference-extension", "v1.6.0 (InferencePool v1)"), ("kgateway", "v2.4.3"),
        ("keda", "v2.20.2"), ("kagent", "v0.9.12"), ("leaderworkerset", "v0.10.0"), ("kueue", "v0.19.2"),
        ("kubeflow-trainer", "v2.3.0"), ("karpenter", "v1.14.1"), ("prometheus-operator", "v0.93.0"),
        ("argo-cd", "v3.5.1"), ("flux-kustomize-controller", "v1.9.4"), ("dra-driver-nvidia-gpu", "v0.4.1"),
    ]
}
