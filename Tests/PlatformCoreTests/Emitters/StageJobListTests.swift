import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// Issue 18 (a 5,000-node check under 2 s): the LiteLLM configs are built once for both emitters
/// that read them, and the late emit stage and the audits run as lists of per-cluster jobs. Each
/// must give exactly what the code it replaced gave: the same configs, objects and findings, in
/// the same order.
@Suite struct StageJobListTests {
    static func bundled(templates: TemplateSet = TemplateSet()) throws -> Compiler.Output {
        let bytes = try Data(contentsOf: SharedTools.repoRoot.appendingPathComponent("platform.yaml"))
        return Compiler(templates: templates).compile(spec: Array(bytes), file: "platform.yaml")
    }

    /// The shared config of each cluster is the one the emitters built for themselves, and the
    /// definitions it replaced (a scan of every route and agent per cluster) still hold.
    @Test func sharedLiteLLMConfigsEqualEachEmittersOwn() throws {
        let out = try Self.bundled()
        let plan = try #require(out.plan), p = plan.platform
        let configs = LiteLLMConfigs(plan: plan)
        var needed = 0
        for cluster in p.clusters.map(\.name) {
            let shared = configs[cluster]
            let own = LiteLLMConfig(plan: plan, cluster: cluster)
            #expect(shared.document == own.document)
            #expect(shared.isNeeded == own.isNeeded)
            #expect(shared.providers.map(\.name) == own.providers.map(\.name))
            // Before: the routes with a model deployed here, and the agents placed here naming a provider model.
            let deployed = Set(ModelDeployment.all(in: plan).filter { $0.cluster == cluster }.map(\.model.name))
            let routes = p.routes.filter { $0.backends.contains { deployed.contains($0.model) } }
            let agentHere = p.agents.contains { agent in
                guard let slash = agent.model.firstIndex(of: "/"), p.provider(String(agent.model[..<slash])) != nil else { return false }
                return plan.cluster(ofAgent: agent) == cluster
            }
            #expect(shared.isNeeded == (routes.contains { !RoutePath.needsLiteLLM($0, platform: p).isEmpty } || agentHere))
            // Before: fallbacks of those routes, and every agent's provider model, as `provider/model`.
            var external = Set(routes.flatMap { $0.fallbacks.map { "\($0.provider)/\($0.model)" } })
            for agent in p.agents where agent.model.contains("/") && p.provider(String(agent.model.prefix { $0 != "/" })) != nil {
                external.insert(agent.model)
            }
            let listed = Set((shared.document["model_list"]?.listValue ?? []).compactMap { $0["model_name"]?.stringValue })
            #expect(external.isSubset(of: listed))
            if shared.isNeeded {
                needed += 1
                // What the LiteLLM emitter wrote is the shared config.
                let configMap = try #require(out.manifests?.manifests(in: cluster).first { $0.kind == "ConfigMap" && $0.name == "litellm" })
                #expect(configMap.object["data"]?[LiteLLMEmitter.configKey]?.stringValue == YAMLRenderer.render(shared.document))
            }
        }
        #expect(needed == p.clusters.count)  // the bundled platform uses LiteLLM in every cluster
    }

    /// An emitter that ignores the stage's shared configs and builds its own, as before.
    struct OwnConfigs: Emitter {
        var inner: any Emitter
        func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
            context.liteLLMConfigs = nil
            inner.emit(plan, into: &context)
        }
    }

    @Test func emittersGiveTheSameObjectsWithSharedConfigs() throws {
        let plan = try #require(try Self.bundled().plan)
        let clusters = plan.platform.clusters.map(\.name)
        let emitters: [any Emitter] = [GatewayEmitter(), LiteLLMEmitter()]
        let shared = EmitStage.run(emitters, plan: plan, templates: TemplateSet(), clusters: clusters)
        let own = EmitStage
            .run(emitters.map { OwnConfigs(inner: $0) as any Emitter }, plan: plan, templates: TemplateSet(), clusters: clusters)
        #expect(shared.manifests == own.manifests)
        #expect(shared.manifests.count > 0)
        #expect(shared.diagnostics.all.map(\.message) == own.diagnostics.all.map(\.message))
    }

    /// The audits as one job list give the findings of the four whole checks, in their order
    /// (secrets, Pod Security, merged objects, flows), and the same stamped objects.
    @Test func auditJobListEqualsTheWholeChecks() throws {
        let out = try Self.bundled()
        let platform = try #require(out.platform)
        var objects = try #require(out.manifests)
        // Findings in both clusters: a leaked key, a pod without hardening and a Secret with data.
        for cluster in platform.clusters.map(\.name) {
            objects.insert(Manifest(apiVersion: "v1", kind: "ConfigMap", name: "leak", namespace: "search",
                                    body: ["data": ["OPENAI_API_KEY": "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789"]]), into: cluster)
            objects.insert(Manifest(apiVersion: "apps/v1", kind: "Deployment", name: "bare", namespace: "search",
                                    body: ["spec": ["template": ["spec": ["containers": [["name": "app", "image": "busybox"]]]]]]),
                           into: cluster)
            objects.insert(Manifest(apiVersion: "v1", kind: "Secret", name: "kept", namespace: "search", body: ["data": ["k": "dg=="]]),
                           into: cluster)
        }
        let merged = MergedObjectAudit.run(objects, templated: [:], templates: TemplateSet(), platform: platform)
        let whole = ManifestSecretAudit.run(objects) + PodSecurityAudit.run(objects) + merged.diagnostics
            + FlowCheck.run(out.traffic, manifests: objects)
        #expect(whole.count >= 6)
        for _ in 0..<5 {  // the jobs race each other; the answer must not
            let stage = AuditStage.run(objects, templated: [:], templates: TemplateSet(), platform: platform, traffic: out.traffic)
            #expect(stage.findings.map { "\($0.code) \($0.message)" } == whole.map { "\($0.code) \($0.message)" })
            #expect(stage.manifests == merged.manifests)
        }
        let noFlows = AuditStage.run(objects, templated: [:], templates: TemplateSet(), platform: platform, traffic: nil)
        #expect(noFlows.findings.map(\.message) == (ManifestSecretAudit.run(objects) + PodSecurityAudit.run(objects)
            + merged.diagnostics).map(\.message))
    }

    /// Each cluster's NetworkPolicies in a context of its own, merged in cluster order, and the
    /// will-it-run check per cluster: the same objects and findings as the whole emitter and pass.
    @Test func lateJobListEqualsTheWholeEmitterAndPass() throws {
        let plan = try #require(try Self.bundled().plan)
        let clusters = plan.platform.clusters.map(\.name)
        let early = EmitStage.runTracingTemplates(Compiler.defaultEmitters, plan: plan, templates: TemplateSet(), clusters: clusters)
        let pods = DerivedPods.derive(plan, manifests: early.manifests)
        let traffic = TrafficDerivation.derive(plan, manifests: early.manifests, pods: pods)
        // Before: the whole emitter into one context, then the fleet objects.
        var whole = early
        var context = EmitContext(templates: TemplateSet())
        NetworkPolicyEmitter().emit(plan, traffic: traffic, into: &context)
        EmitStage.merge(context, into: &whole, templates: TemplateSet())
        var fleet = EmitContext(templates: TemplateSet())
        FleetEmitter().emit(plan, manifests: whole.manifests, into: &fleet)
        EmitStage.merge(fleet, into: &whole, templates: TemplateSet())
        let wholeRun = WillItRun.run(plan, manifests: early.manifests, pods: pods)
        for _ in 0..<5 {
            let late = EmitStage.runLate(early, plan: plan, traffic: traffic, pods: pods, networkPolicyEmitter: NetworkPolicyEmitter(),
                                         templates: TemplateSet())
            #expect(late.emitted.manifests == whole.manifests)
            #expect(late.emitted.diagnostics.all.map(\.message) == whole.diagnostics.all.map(\.message))
            #expect(late.willItRun.map(\.message) == wholeRun.map(\.message))
        }
        #expect(whole.manifests.clusters.flatMap(\.manifests).contains { $0.kind == "NetworkPolicy" })
        let none = EmitStage.runLate(early, plan: plan, traffic: traffic, pods: pods, networkPolicyEmitter: nil, templates: TemplateSet())
        #expect(!none.emitted.manifests.clusters.flatMap(\.manifests).contains { $0.kind == "NetworkPolicy" })
    }
}
