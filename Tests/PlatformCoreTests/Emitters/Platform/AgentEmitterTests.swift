import Testing
@testable import PlatformCore

@Suite struct AgentEmitterTests {
    @Test func selfHostedAgentPointsAtItsModelsServiceWithNoKey() throws {
        let out = PlatformCompile.compile()
        #expect(PlatformCompile.errors(out) == [])
        let config = try #require(PlatformCompile.object(out, cluster: "prod-use1", kind: "ModelConfig", name: "ops-assistant-model", namespace: "platform"))
        #expect(config.apiVersion == "kagent.dev/v1alpha2")
        #expect(config.value.at("spec") == [
            "provider": "OpenAI", "model": "llama-3-70b",
            "openAI": ["baseUrl": "http://llama-3-70b.search.svc.cluster.local:8000/v1"],
        ])
        let agent = try #require(PlatformCompile.object(out, cluster: "prod-use1", kind: "Agent", name: "ops-assistant", namespace: "platform"))
        #expect(agent.value.at("spec.type") == "Declarative")
        #expect(agent.value.at("spec.description") == "Answers questions about the platform's clusters.")
        #expect(agent.value.at("spec.declarative.modelConfig") == "ops-assistant-model")
        #expect(agent.value.at("spec.declarative.systemMessage") == "You operate the platform's Kubernetes clusters.\nRead state with your tools; never guess.\n")
        #expect(agent.value.at("spec.declarative.stream") == true)   // from templates/kagent/agent.yaml
        #expect(agent.value.at("spec.declarative.tools") == [["type": "McpServer", "mcpServer": [
            "apiGroup": "kagent.dev", "kind": "RemoteMCPServer", "name": "k8s-tools",
            "toolNames": ["get_events", "get_logs", "get_pods"],
        ]]])
        let server = try #require(PlatformCompile.object(out, cluster: "prod-use1", kind: "RemoteMCPServer", name: "k8s-tools", namespace: "platform"))
        #expect(server.value.at("spec.url") == "http://k8s-mcp.tools:8080/mcp")
        #expect(server.value.at("spec.protocol") == "STREAMABLE_HTTP")
        let sse = try #require(PlatformCompile.object(out, cluster: "prod-usw2", kind: "RemoteMCPServer", name: "docs-search", namespace: "research"))
        #expect(sse.value.at("spec.protocol") == "SSE")
    }

    @Test func agentTracesToLangfuseWithKeysFromTheSecret() throws {
        let out = PlatformCompile.compile()
        let agent = try #require(PlatformCompile.object(out, cluster: "prod-usw2", kind: "Agent", name: "research-assistant", namespace: "research"))
        let env = try #require(agent.value.at("spec.declarative.deployment.env")?.listValue)
        #expect(env.compactMap { $0["name"]?.stringValue } == [
            "LANGFUSE_HOST", "LANGFUSE_PUBLIC_KEY", "LANGFUSE_SECRET_KEY",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_SERVICE_NAME",
        ])
        #expect(env[0]["value"] == "https://langfuse.internal")
        #expect(env[1]["valueFrom"] == ["secretKeyRef": ["name": "langfuse-keys", "key": "public-key"]])
        #expect(env[3]["value"] == "https://langfuse.internal/api/public/otel/v1/traces")
        // No key is ever inlined: every other value is a plain setting.
        #expect(!env.contains { $0["name"]?.stringValue?.hasSuffix("KEY") == true && $0["value"] != nil })
    }

    @Test func providerModelAgentGoesThroughLiteLLMWithASecretKey() throws {
        let spec = PlatformCompile.edit(PlatformCompile.bundledSpec, [("    model: mixtral-8x7b\n    systemMessage", "    model: openai/gpt-4o\n    systemMessage")])
        let out = PlatformCompile.compile(spec)
        #expect(PlatformCompile.errors(out) == [])
        // No self-hosted model to follow: the first cluster.
        let config = try #require(PlatformCompile.object(out, cluster: "prod-use1", kind: "ModelConfig", name: "research-assistant-model", namespace: "research"))
        #expect(config.value.at("spec") == [
            "provider": "OpenAI", "model": "openai/gpt-4o",
            "openAI": ["baseUrl": "http://litellm.platform-system.svc.cluster.local:4000"],
            "apiKeySecret": "litellm-client-key", "apiKeySecretKey": "api-key",
        ])
    }
}
