import PlatformCore
import Testing

/// Issue #15 finding 2 (part): the Gateway and LiteLLM go only where a client reaches them.
@Suite struct ServedClustersTests {
    /// A second cluster that serves no route.
    static let spare = FixtureEdits.spareCluster

    static func kinds(_ set: ManifestSet, cluster: String) -> [String] {
        set.manifests(in: cluster).filter { $0.namespace == "platform-system" || $0.namespace == nil }
            .filter { ["Gateway", "HTTPRoute", "TrafficPolicy"].contains($0.kind) || $0.name == "litellm" }
            .map { "\($0.kind)/\($0.name)" }.sorted()
    }

    @Test func aClusterThatServesNoRouteGetsNoGatewayAndNoLiteLLM() {
        let set = Fixture.manifests(Self.spare)
        #expect(Self.kinds(set, cluster: "spare") == [])
        #expect(Self.kinds(set, cluster: "prod") == ["ConfigMap/litellm", "Deployment/litellm", "Gateway/platform-gateway",
                                                     "HTTPRoute/chat", "Service/litellm", "ServiceAccount/litellm", "TrafficPolicy/chat"])
    }

    @Test func anAgentOnAProviderModelKeepsLiteLLMInItsCluster() {
        let set = Fixture.manifests(Self.spare + [
            ("    model: llama-3-70b\n    systemMessage:",
                "    model: openai/gpt-4o\n    cluster: spare\n    apiKeySecret: litellm-key\n    systemMessage:"),
        ])
        #expect(Self.kinds(set, cluster: "spare") == ["ConfigMap/litellm", "Deployment/litellm", "Service/litellm",
            "ServiceAccount/litellm"])
    }
}
