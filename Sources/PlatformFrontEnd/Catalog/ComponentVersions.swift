/// Every container image platformc emits, pinned by exact tag, with the release it comes from and
/// the upstream facts that hold at that version (metric names, flags). A spec may override an
/// image (`components:`, `ComponentOverrides`); the facts stay those of the pinned version, so an
/// override draws W7403 and its user owns the difference. Emitters take images only from here.
public struct ComponentImage: Hashable, Sendable {
    /// The key under `components:` in the spec.
    public var name: String
    public var repository: String
    public var tag: String
    /// The upstream release, its date and where that was read.
    public var release: String
    /// The Helm chart or CRD version this image goes with, when one applies.
    public var chart: String?
    /// Upstream facts that depend on this version, each with its source.
    public var facts: [String]

    public var image: String { "\(repository):\(tag)" }
}

public enum ComponentVersions {
    /// vLLM's OpenAI-compatible server. Kept at v0.11.0: newer releases exist (the issue tracker
    /// reports v0.22), but moving needs every flag of `VLLMArguments`, metric of `UpstreamMetrics`
    /// and parser of `ToolCallParsers` rechecked, and v0.22+ needs `HOME`/`TORCHINDUCTOR_CACHE_DIR`
    /// for a non-root uid (vllm #44548); correctness first.
    public static let vllm = ComponentImage(
        name: "vllm", repository: "vllm/vllm-openai", tag: "v0.11.0",
        release: "vLLM v0.11.0, released 2025-10-04 (github.com/vllm-project/vllm/releases/tag/v0.11.0; ai-dynamo/dynamo#3422)",
        chart: nil,
        facts: [
            "metrics `vllm:num_requests_waiting`, `vllm:kv_cache_usage_perc`, `vllm:request_success_total` with labels `model_name`, `engine` (vllm/v1/metrics/loggers.py; UpstreamMetrics.VLLM)",
            "`vllm:gpu_cache_usage_perc` hidden unless `--show-hidden-metrics-for-version=0.10`, removed in v0.12.0 (UpstreamMetrics.VLLM.kvCacheUsageDeprecated)",
        ])

    /// The endpoint picker of an InferencePool. v1.0.0 (2025-09-08, tag `v1.0.0` of
    /// kubernetes-sigs/gateway-api-inference-extension) is kept: the repository's last EPP release
    /// is v1.5.0 (2026-04-18); from v1.6.0 (2026-08-10) the EPP lives in llm-d/llm-d-router with
    /// another config API (`llm-d.ai/v1alpha1`). v1.5.0's chart (config/charts/epplib) adds data-layer
    /// plugins to the picker's config, a Recreate strategy and other RBAC: a separate change.
    public static let endpointPicker = ComponentImage(
        name: "endpoint-picker", repository: "registry.k8s.io/gateway-api-inference-extension/epp", tag: "v1.0.0",
        release: "gateway-api-inference-extension v1.0.0, tagged 2025-09-08 (commit of tag `v1.0.0`)",
        chart: "config/charts/inferencepool v1.0.0; InferencePool CRD inference.networking.k8s.io/v1",
        facts: [
            "reads `vllm:gpu_cache_usage_perc` by default (pkg/epp/server/runserver.go, DefaultKvCacheUsagePercentageMetric): we pass `--kv-cache-usage-percentage-metric vllm:kv_cache_usage_perc` (cmd/epp/runner/runner.go)",
            "`--ha-enable-leader-election`: only the leader is ready; probes use gRPC services `liveness`/`readiness` (cmd/epp/runner/runner.go; chart epp-deployment.yaml)",
            "metrics endpoint behind `filters.WithAuthenticationAndAuthorization` (cmd/epp/runner/runner.go): tokenreviews and subjectaccessreviews `create` (chart rbac.yaml)",
        ])

    /// The LiteLLM proxy. From 1.84.0 LiteLLM tags stable releases `X.Y.Z` on PyPI and Docker alike
    /// (docs.litellm.ai/blog/cleaner-release-versions); 1.110.2 is the newest listed by
    /// `pip index versions litellm` on 2026-12-06.
    public static let liteLLM = ComponentImage(
        name: "litellm", repository: "ghcr.io/berriai/litellm", tag: "1.110.2",
        release: "LiteLLM 1.110.2, newest on PyPI (`pip index versions litellm`, 2026-12-06); same tag on ghcr.io (docs.litellm.ai/blog/cleaner-release-versions)",
        chart: nil, facts: [])

    /// nccl-tests built with MPI (CoreWeave's public image), tagged with its CUDA, OS, NCCL and commit.
    public static let ncclTests = ComponentImage(
        name: "nccl-tests", repository: "ghcr.io/coreweave/nccl-tests", tag: "12.9.1-devel-ubuntu24.04-nccl2.29.2-1-d73ec07",
        release: "coreweave/nccl-tests image for CUDA 12.9.1, NCCL 2.29.2-1, commit d73ec07 (its tag)",
        chart: nil, facts: [])

    /// nccl-tests for EFA pools: AWS's image (aws-samples/awsome-distributed-training
    /// `micro-benchmarks/nccl-tests/nccl-tests.Dockerfile` and `buildspec.yaml` at 0877e0e3): the EFA
    /// installer 1.43.2 and aws-ofi-nccl v1.16.3 on its `LD_LIBRARY_PATH`, so `FI_PROVIDER=efa` reaches EFA.
    public static let ncclTestsEFA = ComponentImage(
        name: "nccl-tests-efa", repository: "public.ecr.aws/hpc-cloud/nccl-tests",
        tag: "cuda12.8.1-efa1.43.2-ofiv1.16.3-ncclv2.27.7-1-testsv2.16.9",
        release: "aws-samples/awsome-distributed-training buildspec.yaml at 0877e0e3 (CUDA 12.8.1, EFA 1.43.2, aws-ofi-nccl 1.16.3, NCCL 2.27.7-1, nccl-tests 2.16.9)",
        chart: nil, facts: ["binaries in /opt/nccl-tests/build, not on PATH (the Dockerfile's `make MPI=1`)"])

    /// Every image, by its `components:` key.
    public static let images: [ComponentImage] = [vllm, endpointPicker, liteLLM, ncclTests, ncclTestsEFA]

    public static func image(named name: String) -> ComponentImage? { images.first { $0.name == name } }

    /// The controllers whose objects we emit (no image of ours): the CRD release each emitted kind
    /// is validated against (../shared/schemas/README.md, newest release tags as of 2026-08-22).
    public static let controllers: [(name: String, version: String)] = [
        ("gateway-api", "v1.6.1"), ("gateway-api-inference-extension", "v1.6.0 (InferencePool v1)"), ("kgateway", "v2.4.3"),
        ("keda", "v2.20.2"), ("kagent", "v0.9.12"), ("leaderworkerset", "v0.10.0"), ("kueue", "v0.19.2"),
        ("kubeflow-trainer", "v2.3.0"), ("karpenter", "v1.14.1"), ("prometheus-operator", "v0.93.0"),
        ("argo-cd", "v3.5.1"), ("flux-kustomize-controller", "v1.9.4"), ("dra-driver-nvidia-gpu", "v0.4.1"),
    ]
}
