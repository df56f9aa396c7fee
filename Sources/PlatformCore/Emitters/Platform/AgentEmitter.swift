/// kagent objects per agent, in its team's namespace: a ModelConfig pointing at the self-hosted
/// model's OpenAI-compatible endpoint (or at the LiteLLM proxy for `provider/model`), a
/// RemoteMCPServer per MCP server it uses, and the Agent with its system message and only the
/// allowed tools, with the security context `restricted` admits (`KagentAgentPod`). Keys are only
/// ever Secret references. kagent.dev/v1alpha2 (kagent v0.9.12).
package struct AgentEmitter: Emitter {
    package var relativeCost: Int { 15 }
    package static let apiVersion = "kagent.dev/v1alpha2"

    package init() {}

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        var servers = Set<[String]>()  // (cluster, namespace, server) already emitted
        for agent in p.agents {
            guard let team = p.team(agent.team), let cluster = Self.cluster(of: agent, plan) else { continue }
            var labels = PlatformLabels.common(p, team: team.name)
            labels[PlatformLabels.component] = .string(Conventions.Component.agent)
            labels[PlatformLabels.name] = .string(agent.name)
            context
                .add(modelConfig(agent, platform: p, namespace: team.namespace, labels: labels), to: cluster,
                    template: "kagent/modelconfig")
            for tool in agent.tools {
                guard let server = p.mcpServer(tool.mcpServer), servers.insert([cluster, team.namespace, server.name]).inserted else {
                    continue
                }
                var serverLabels = PlatformLabels.common(p, team: team.name)
                serverLabels[PlatformLabels.name] = .string(server.name)
                context
                    .add(remoteMCPServer(server, namespace: team.namespace, labels: serverLabels), to: cluster,
                        template: "kagent/remotemcpserver")
            }
            context.add(agentObject(agent, platform: p, namespace: team.namespace, labels: labels), to: cluster, template: "kagent/agent")
        }
    }

    /// The agent's cluster, as the placement pass chose it (see `PlannedPlatform.cluster(ofAgent:)`).
    static func cluster(of agent: Agent, _ plan: PlannedPlatform) -> String? { plan.cluster(ofAgent: agent) }

    /// The ModelConfig name of an agent (ModelConfigs are per agent: each may differ in model).
    package static func modelConfigName(_ agent: String) -> String { "\(agent)-model" }

    func modelConfig(_ agent: Agent, platform p: Platform, namespace: String, labels: ManifestMap) -> Manifest {
        var spec: ManifestMap = ["provider": "OpenAI"]
        if let model = p.model(agent.model), let team = p.team(model.team) {
            // vLLM serves the model under its spec name; it checks no key unless the spec names one.
            spec["model"] = .string(model.name)
            spec["openAI"] = ["baseUrl": .string(Conventions.modelEndpoint(model: model.name, namespace: team.namespace))]
        } else {
            // `provider/model` goes through LiteLLM, which holds the provider's key; the agent
            // presents its own LiteLLM virtual key, from the Secret the spec names (E7550 without).
            spec["model"] = .string(agent.model)
            spec["openAI"] = ["baseUrl": .string(Conventions.liteLLMEndpoint)]
        }
        if let secret = agent.apiKeySecret {
            spec["apiKeySecret"] = .string(secret)
            spec["apiKeySecretKey"] = .string(Conventions.agentAPIKeySecretKey)
        }
        return Manifest(apiVersion: Self.apiVersion, kind: "ModelConfig", name: Self.modelConfigName(agent.name), namespace: namespace,
                        labels: labels, body: ["spec": .map(spec)])
    }

    func remoteMCPServer(_ server: MCPServer, namespace: String, labels: ManifestMap) -> Manifest {
        var spec: ManifestMap = [
            "description": .string("MCP server \(server.name)"),
            "url": .string(server.url),
            "protocol": server.transport == "sse" ? "SSE" : "STREAMABLE_HTTP",
        ]
        if let secret = server.headersSecret {
            spec["headersFrom"] = [["name": "Authorization",
                "valueFrom": ["type": "Secret", "name": .string(secret), "key": "authorization"]]]
        }
        return Manifest(apiVersion: Self.apiVersion, kind: "RemoteMCPServer", name: server.name, namespace: namespace,
                        labels: labels, body: ["spec": .map(spec)])
    }

    func agentObject(_ agent: Agent, platform p: Platform, namespace: String, labels: ManifestMap) -> Manifest {
        let tools: [ManifestValue] = agent.tools.map { tool in
            ["type": "McpServer", "mcpServer": [
                "apiGroup": "kagent.dev", "kind": "RemoteMCPServer", "name": .string(tool.mcpServer),
                "toolNames": .list(tool.allow.map(ManifestValue.string)),
            ]]
        }
        var declarative: ManifestMap = [
            "systemMessage": .string(agent.systemMessage),
            "modelConfig": .string(Self.modelConfigName(agent.name)),
        ]
        if !tools.isEmpty { declarative["tools"] = .list(tools) }
        var deployment: ManifestMap = [
            "podSecurityContext": KagentAgentPod.podSecurityContext,
            "securityContext": KagentAgentPod.containerSecurityContext,
        ]
        var env = LangfuseWiring.agentEnv(p.observability)
        if agent.apiKeySecret == nil { env.append(KagentAgentPod.placeholderKeyEnv) }
        if !env.isEmpty { deployment["env"] = .list(env) }
        declarative["deployment"] = .map(deployment)
        return Manifest(apiVersion: Self.apiVersion, kind: "Agent", name: agent.name, namespace: namespace, labels: labels,
                        body: ["spec": [
                            "type": "Declarative",
                            "description": .string(agent.description ?? "Agent \(agent.name)"),
                            "declarative": .map(declarative),
                        ]])
    }
}
