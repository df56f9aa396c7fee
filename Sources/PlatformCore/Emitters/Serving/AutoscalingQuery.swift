/// The Prometheus query and threshold KEDA scales a model on, from vLLM's own metrics
/// (names and labels: `UpstreamMetrics.VLLM`). KEDA needs one value per query, so each query
/// selects one model by `namespace` and `model_name` and aggregates its pods and engines.
package struct AutoscalingQuery: Equatable, Sendable {
    package var query: String
    package var threshold: String
    /// `AverageValue` divides the query by the replica count (sums); `Value` compares it as is (averages).
    package var metricType: String

    package init(metric: String, target: Double, model: String, namespace: String) {
        typealias V = UpstreamMetrics.VLLM
        let selector = V.selector(namespace: namespace, model: model)
        switch metric {
        case "kvCacheUsage":
            // vLLM renamed gpu_cache_usage_perc to kv_cache_usage_perc; `or` keeps either, never both.
            query = "avg(\(V.kvCacheUsage)\(selector) or \(V.kvCacheUsageDeprecated)\(selector))"
            // The metric is a fraction; a target above 1 is read as a percentage.
            threshold = Self.format(target > 1 ? target / 100 : target)
            metricType = "Value"
        case "requestsPerSecond":
            query = "sum(rate(\(V.requestSuccessTotal)\(selector)[2m]))"
            threshold = Self.format(target)
            metricType = "AverageValue"
        default: // queueDepth
            query = "sum(\(V.requestsWaiting)\(selector))"
            threshold = Self.format(target)
            metricType = "AverageValue"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
