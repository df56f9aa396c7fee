/// The Prometheus query and threshold KEDA scales a model on, from vLLM's own metrics
/// (labelled `model_name` with the served model name, `namespace` by the scrape).
public struct AutoscalingQuery: Equatable, Sendable {
    public var query: String
    public var threshold: String
    /// `AverageValue` divides the query by the replica count (sums); `Value` compares it as is (averages).
    public var metricType: String

    public init(metric: String, target: Double, model: String, namespace: String) {
        let selector = "{namespace=\"\(namespace)\",model_name=\"\(model)\"}"
        switch metric {
        case "kvCacheUsage":
            // vLLM renamed gpu_cache_usage_perc to kv_cache_usage_perc; `or` keeps either, never both.
            query = "avg(vllm:kv_cache_usage_perc\(selector) or vllm:gpu_cache_usage_perc\(selector))"
            // The metric is a fraction; a target above 1 is read as a percentage.
            threshold = Self.format(target > 1 ? target / 100 : target)
            metricType = "Value"
        case "requestsPerSecond":
            query = "sum(rate(vllm:request_success_total\(selector)[2m]))"
            threshold = Self.format(target)
            metricType = "AverageValue"
        default: // queueDepth
            query = "sum(vllm:num_requests_waiting\(selector))"
            threshold = Self.format(target)
            metricType = "AverageValue"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
