/// Langfuse tracing settings as container environment, host as a value and keys only by Secret
/// reference. The Secret named by `observability.langfuse.secret` must exist in the pod's
/// namespace with the keys below.
public enum LangfuseWiring {
    public static let publicKeyKey = "public-key"
    public static let secretKeyKey = "secret-key"
    /// `Authorization=Basic base64(public:secret)`, the OTLP header Langfuse's OTel endpoint wants;
    /// precomputed in the Secret because env values cannot be derived from two secret keys.
    public static let otlpHeadersKey = "otlp-headers"

    /// LANGFUSE_HOST, LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY for any Langfuse SDK client (the
    /// LiteLLM proxy's `success_callback: ["langfuse"]` reads exactly these). Empty without Langfuse.
    public static func env(_ observability: Observability) -> [ManifestValue] {
        guard let host = observability.langfuseHost, let secret = observability.langfuseSecret else { return [] }
        return [
            ["name": "LANGFUSE_HOST", "value": .string(host)],
            secretEnv("LANGFUSE_PUBLIC_KEY", secret: secret, key: publicKeyKey),
            secretEnv("LANGFUSE_SECRET_KEY", secret: secret, key: secretKeyKey),
        ]
    }

    /// For kagent agents, which trace through OpenTelemetry: the Langfuse variables plus the
    /// standard OTLP trace exporter settings pointed at Langfuse's OTel endpoint.
    public static func agentEnv(_ observability: Observability, serviceName: String) -> [ManifestValue] {
        guard let host = observability.langfuseHost, let secret = observability.langfuseSecret else { return [] }
        let base = host.hasSuffix("/") ? String(host.dropLast()) : host
        return env(observability) + [
            ["name": "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "value": .string("\(base)/api/public/otel/v1/traces")],
            secretEnv("OTEL_EXPORTER_OTLP_TRACES_HEADERS", secret: secret, key: otlpHeadersKey),
            ["name": "OTEL_SERVICE_NAME", "value": .string(serviceName)],
        ]
    }

    static func secretEnv(_ name: String, secret: String, key: String) -> ManifestValue {
        ["name": .string(name), "valueFrom": ["secretKeyRef": ["name": .string(secret), "key": .string(key)]]]
    }
}
