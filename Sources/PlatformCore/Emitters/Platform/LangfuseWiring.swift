/// Langfuse tracing settings as container environment, host as a value and keys only by Secret
/// reference. The Secret named by `observability.langfuse.secret` must exist in the pod's
/// namespace with the keys below.
package enum LangfuseWiring {
    package static let publicKeyKey = "public-key"
    package static let secretKeyKey = "secret-key"
    /// `Authorization=Basic%20<base64 of public:secret>`, the OTLP header Langfuse's OTel endpoint
    /// wants (values are URL-encoded, hence `%20`); precomputed in the Secret because env values
    /// cannot be derived from two secret keys.
    package static let otlpHeadersKey = "otlp-headers"

    /// LANGFUSE_HOST, LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY for any Langfuse SDK client (the
    /// LiteLLM proxy's `success_callback: ["langfuse"]` reads exactly these). Empty without Langfuse.
    package static func env(_ observability: Observability) -> [ManifestValue] {
        guard let host = observability.langfuseHost, let secret = observability.langfuseSecret else { return [] }
        return [
            ["name": "LANGFUSE_HOST", "value": .string(host)],
            secretEnv("LANGFUSE_PUBLIC_KEY", secret: secret, key: publicKeyKey),
            secretEnv("LANGFUSE_SECRET_KEY", secret: secret, key: secretKeyKey),
        ]
    }

    /// For kagent agents, which trace only through OpenTelemetry and read none of the `LANGFUSE_*`
    /// variables. kagent-dev/kagent v0.9.12 `python/packages/kagent-core/src/kagent/core/tracing/_utils.py`
    /// (`configure`): tracing is on only with `OTEL_TRACING_ENABLED=true`; the endpoint is
    /// `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`; the exporter is gRPC unless
    /// `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` is `http/protobuf`, and Langfuse's `/api/public/otel`
    /// speaks only OTLP/HTTP (https://langfuse.com/integrations/native/opentelemetry); the
    /// service name is the agent's own (`KAGENT_NAME`, set by kagent), so none is set here. The
    /// HTTP exporter reads the Basic-auth header from `OTEL_EXPORTER_OTLP_TRACES_HEADERS`
    /// (open-telemetry/opentelemetry-python `exporter/opentelemetry-exporter-otlp-proto-http/…/trace_exporter/__init__.py`).
    ///
    /// kagent appends its controller's own `OTEL_*` variables after these (`collectSharedEnv` in
    /// `go/core/internal/controller/translator/agent/manifest_builder.go`) and the kubelet keeps the
    /// last of two equal names (kubernetes `pkg/kubelet/kubelet_pods.go`, `makeEnvironmentVariables`):
    /// kagent's chart must set `otel.tracing.enabled: true` and leave `otel.tracing.exporter.otlp.endpoint`
    /// empty, or its values win (docs/agents.md).
    package static func agentEnv(_ observability: Observability) -> [ManifestValue] {
        guard let host = observability.langfuseHost, let secret = observability.langfuseSecret else { return [] }
        let base = host.hasSuffix("/") ? String(host.dropLast()) : host
        return [
            ["name": "OTEL_TRACING_ENABLED", "value": "true"],
            ["name": "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "value": "http/protobuf"],
            ["name": "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "value": .string("\(base)/api/public/otel/v1/traces")],
            secretEnv("OTEL_EXPORTER_OTLP_TRACES_HEADERS", secret: secret, key: otlpHeadersKey),
        ]
    }

    static func secretEnv(_ name: String, secret: String, key: String) -> ManifestValue {
        ["name": .string(name), "valueFrom": ["secretKeyRef": ["name": .string(secret), "key": .string(key)]]]
    }
}
