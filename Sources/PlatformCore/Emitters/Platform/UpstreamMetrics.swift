/// Metric and label names exactly as the exporters publish them, with where each comes from.
/// Alerts and KEDA queries take names only from here, so a rename upstream is one edit.
package enum UpstreamMetrics {
    /// vLLM 0.34.0 (`ComponentVersions.vllm`), `vllm/v1/metrics/loggers.py`, `PrometheusStatLogger`:
    /// every gauge has `labelnames = ["model_name", "engine"]`, `model_name` being `--served-model-name`
    /// and `engine` the engine-core index (one series per engine with data parallelism).
    /// The Prometheus Operator's PodMonitor adds `namespace` and `pod` when scraping.
    package enum VLLM {
        package static let modelLabel = "model_name"
        package static let namespaceLabel = "namespace"
        package static let podLabel = "pod"
        /// Gauge "Number of requests waiting to be processed."
        package static let requestsWaiting = "vllm:num_requests_waiting"
        /// Gauge "KV-cache usage. 1 means 100 percent usage."
        package static let kvCacheUsage = "vllm:kv_cache_usage_perc"
        /// Its name before v0.9.2: removed in v0.12.0 and absent from 0.34.0; kept (`or`) for
        /// models that pin an older `image`.
        package static let kvCacheUsageDeprecated = "vllm:gpu_cache_usage_perc"
        /// Counter `vllm:request_success` (labels plus `finished_reason`), exposed with `_total`.
        package static let requestSuccessTotal = "vllm:request_success_total"

        /// `{namespace="…",model_name="…"}`: one model's series, whatever pod or engine serves them.
        package static func selector(namespace: String, model: String) -> String {
            "{\(namespaceLabel)=\"\(namespace)\",\(modelLabel)=\"\(model)\"}"
        }
    }

    /// dcgm-exporter (GPU Operator), `etc/default-counters.csv` for the names and
    /// `internal/pkg/rendermetrics/render_metrics.go` for the labels of every GPU series:
    /// `gpu` (index), `UUID`, `pci_bus_id`, `device`, `modelName`, `Hostname` (releases up to
    /// 4.5.3-4.8.2; upstream main renames it `hostname`, #655, not yet released).
    package enum DCGM {
        /// The labels that name one GPU: node, index on the node, and its UUID (unique everywhere).
        package static let gpuIdentity = ["Hostname", "gpu", "UUID"]
        /// gauge, "GPU utilization (in %)."
        package static let gpuUtilization = "DCGM_FI_DEV_GPU_UTIL"
        /// gauge, "Value of the last XID error encountered.": it keeps the last code, so alert on changes.
        package static let lastXid = "DCGM_FI_DEV_XID_ERRORS"
    }
}
