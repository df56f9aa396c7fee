/// Builds large synthetic platforms for benchmarks and stress tests: a pure function from
/// `GeneratorParameters` to spec YAML text that `platformc check` accepts with no errors.
///
/// Models are laid out in blocks per cluster and spread over the cluster's pools; every pool gets
/// at least the nodes its models' maximum replicas and the cluster's training job need, and the
/// remaining nodes are shared out so the platform has exactly `nodes` nodes (when they suffice).
/// Team quotas and budgets are sized from the team's own demand, so nothing trips a quota or budget.
package enum PlatformGenerator {
    package static func generate(_ parameters: GeneratorParameters) -> String {
        var random = SeededRandom(seed: parameters.seed)
        let layout = GeneratorLayout(parameters, random: &random)
        var out = GeneratorWriter()
        out.line("# Synthetic platform: seed \(parameters.seed), \(parameters.clusters) clusters, \(parameters.nodes) nodes,")
        out.line("# \(parameters.models) models, \(parameters.teams) teams (platformc generate).")
        out.line("apiVersion: platformc/v1alpha1")
        out.line("kind: Platform")
        out.line("metadata:")
        out.line("  name: synthetic-\(parameters.seed)")
        out.line("kubernetesVersion: \"1.34\"")
        out.line("gitops:")
        out.line("  repository: ./gitops")
        out.line("  url: https://git.example.com/synthetic/platform-gitops.git")  // what Argo CD clones (E1302); branch: main
        out.line("  path: clusters")
        out.line("  engine: argocd")
        // Team budgets enforced by LiteLLM's database (else W7300 at every budget: reported only).
        out.line("litellm: { databaseSecret: litellm-database }")
        writeClusters(layout, into: &out)
        writeTeams(layout, into: &out)
        writeProviders(into: &out)
        writeModels(layout, into: &out)
        writeRoutes(layout, into: &out)
        writeMCPServers(layout, into: &out)
        writeAgents(layout, into: &out)
        writeTraining(layout, into: &out)
        out.line("observability:")
        out.line("  prometheus: { enabled: true }")
        return out.text
    }

    private static func writeClusters(_ layout: GeneratorLayout, into out: inout GeneratorWriter) {
        out.line("clusters:")
        for cluster in layout.clusters {
            out.line("  - name: \(cluster.name)")
            out.line("    provider: aws")
            out.line("    region: \(cluster.region)")
            out.line("    zones: [\(cluster.zones.joined(separator: ", "))]")
            out.line("    nodePools:")
            for pool in cluster.pools {
                out.line("      - name: \(pool.name)")
                out.line("        instanceType: \(pool.shape.instanceType)")
                out.line("        nodes: { min: \(pool.nodes), max: \(pool.nodes) }")
            }
        }
    }

    private static func writeTeams(_ layout: GeneratorLayout, into out: inout GeneratorWriter) {
        out.line("teams:")
        for team in layout.teams {
            out.line("  - name: \(team.name)")
            out.line("    quota: { gpus: \(max(1, team.gpus)) }")
            // About $9k per H100-month on demand; twice the worst case leaves room for every shape.
            out.line("    budget: { monthly: \(max(1, team.gpus) * 20_000), enforcement: warn }")
            out.line("    priority: \(team.priority)")
        }
    }

    private static func writeProviders(into out: inout GeneratorWriter) {
        out.line("providers:")
        out.line("  - name: openai")
        out.line("    kind: openai")
        out.line("    apiKeySecret: openai-api-key")
    }

    private static func writeModels(_ layout: GeneratorLayout, into out: inout GeneratorWriter) {
        out.line("models:")
        for model in layout.models {
            let shape = model.shape
            out.line("  - name: \(model.name)")
            out.line("    team: \(model.team)")
            out.line("    source: \(shape.source)")
            out.line("    parameters: \(shape.parameters)")
            out.line("    architecture: \(shape.architecture)")
            out.line("    dtype: \(shape.dtype)")
            out.line("    contextLength: \(shape.contextLength)")
            out.line("    gpu: { model: \(model.pool.shape.gpu), count: \(shape.gpus) }")
            out.line("    replicas: { min: \(model.minReplicas), max: \(model.maxReplicas) }")
            if model.autoscaled { out.line("    autoscaling: { metric: queueDepth, target: \(4 + model.index % 5) }") }
            if model.prefixCacheAware { out.line("    routing: { prefixCacheAware: true }") }
            out.line("    placement: { cluster: \(model.cluster), pool: \(model.pool.name) }")
        }
    }

    private static func writeRoutes(_ layout: GeneratorLayout, into out: inout GeneratorWriter) {
        out.line("routes:")
        for route in layout.routes {
            out.line("  - name: \(route.name)")
            out.line("    hostnames: [\(route.name).gen.example.ai]")
            out.line("    path: /v1/chat/completions")
            out.line("    backends:")
            for (model, weight) in route.backends { out.line("      - { model: \(model), weight: \(weight) }") }
            if route.fallback {
                out.line("    fallbacks:")
                out.line("      - { provider: openai, model: gpt-4o }")
            }
            out.line("    rateLimit: { requestsPerMinute: \(route.requestsPerMinute) }")
        }
    }

    private static func writeMCPServers(_ layout: GeneratorLayout, into out: inout GeneratorWriter) {
        out.line("mcpServers:")
        for server in layout.mcpServers {
            out.line("  - name: \(server)")
            out.line("    url: http://\(server).tools:8080/mcp")
            out.line("    transport: streamableHttp")
            out.line("    tools: [search, fetch, summarise]")
        }
    }

    private static func writeAgents(_ layout: GeneratorLayout, into out: inout GeneratorWriter) {
        out.line("agents:")
        for agent in layout.agents {
            out.line("  - name: \(agent.name)")
            out.line("    team: \(agent.team)")
            out.line("    model: \(agent.model)")
            out.line("    systemMessage: You help team \(agent.team) with its work.")
            out.line("    tools:")
            out.line("      - { mcpServer: \(agent.mcpServer), allow: [search, fetch] }")
        }
    }

    private static func writeTraining(_ layout: GeneratorLayout, into out: inout GeneratorWriter) {
        out.line("training:")
        for job in layout.jobs {
            out.line("  - name: \(job.name)")
            out.line("    team: \(job.team)")
            out.line("    framework: pytorch")
            out.line("    image: nvcr.io/nvidia/nemo:25.02")
            out.line("    command: [torchrun, /workspace/train.py]")
            out.line("    nodes: \(job.nodes)")
            out.line("    gpusPerNode: 8")
            out.line("    gpu: H100-SXM-80GB")
            out.line("    cluster: \(job.cluster)")
        }
    }
}

/// Accumulates lines of YAML text.
struct GeneratorWriter {
    private(set) var text = ""
    mutating func line(_ s: String) { text += s; text += "\n" }
}
