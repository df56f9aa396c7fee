import Foundation
import Testing

/// `platformc explain traffic` and the flow check, as a user runs them.
@Suite struct ExplainTrafficCommandTests {
    /// One model behind one route.
    static let spec = CLIFixture.minimalSpec + """
        models:
          - name: llama-8b
            team: search
            source: hf://meta-llama/Llama-3.1-8B-Instruct
            parameters: 8B
            architecture: llama-3-8b
            contextLength: 8192
            gpu: { model: H100-SXM-80GB, count: 1 }
            replicas: { min: 2, max: 2 }
        routes:
          - name: chat
            hostnames: [chat.mini.ai]
            path: /v1/chat/completions
            backends:
              - { model: llama-8b }
            rateLimit: { requestsPerMinute: 60 }

        """

    @Test func textShowsEachRoutesHopsAndTheFlowMatrix() throws {
        let fixture = try CLIFixture()
        try fixture.write("platform.yaml", Self.spec)
        let result = try fixture.run(["explain", "traffic"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.expectedText)
    }

    @Test func jsonCarriesTheVerdictOfEachHop() throws {
        let fixture = try CLIFixture()
        try fixture.write("platform.yaml", Self.spec)
        let result = try fixture.run(["explain", "traffic", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cluster = try #require((json["clusters"] as? [[String: Any]])?.first)
        let route = try #require((cluster["routes"] as? [[String: Any]])?.first)
        let hops = try #require(route["hops"] as? [[String: Any]])
        #expect(route["name"] as? String == "chat")
        // clientAuth: virtualKeys (the default): Gateway → LiteLLM → model (docs/traffic.md).
        #expect(hops.map { $0["destination"] as? String }
                == ["platform-system/platform-gateway (gatewayProxy)", "platform-system/litellm (liteLLM)",
                    "search/llama-8b (modelServer)"])
        #expect(hops[1]["carrier"] as? String == "HTTPRoute platform-system/chat")
        #expect(hops[1]["declaredAt"] as? String == "platform.yaml:26:11")
        // platform-system has no NetworkPolicy: LiteLLM's ingress is open, as the Gateway's is.
        #expect((hops[1]["ingress"] as? [String: Any])?["policies"] as? [String] == [])
        // The model's policy is what admits LiteLLM.
        #expect(hops[2]["carrier"] as? String == "ConfigMap platform-system/litellm")
        #expect((hops[2]["ingress"] as? [String: Any])?["policies"] as? [String] == ["search/model-llama-8b"])
        #expect(hops.allSatisfy { $0["allowed"] as? Bool == true })
    }

    /// A `security/networkpolicy` template that narrows every policy to model servers leaves the
    /// agent's pod selected by none: E6020 at the template, and the flow check finds the agent open
    /// to the other tenant (E7201) at the agent's line; exit 1.
    @Test func templateThatOpensATenantFailsLocated() throws {
        let fixture = try CLIFixture()
        try fixture.write("platform.yaml", Self.spec.replacingOccurrences(of: "    quota: { gpus: 16 }\n", with: """
                quota: { gpus: 16 }
              - name: ops
                quota: { gpus: 0 }

            """) + """
            agents:
              - name: assistant
                team: ops
                model: llama-8b
                systemMessage: You help.

            """)
        try fixture.write("templates/security/networkpolicy.yaml", """
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/component: model-server

            """)
        let result = try fixture.run(["check"])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error[") }
        #expect(errors.contains { $0.hasPrefix("templates/security/networkpolicy.yaml:") && $0.contains("error[E6020]") })
        #expect(errors.contains("""
            platform.yaml:35:11: error[E7201]: pods of `search` can reach ops/assistant (agent) on 8080/TCP across tenants `search` and \
            `ops`, and no declared flow needs it
            """))
    }

    static let expectedText = """
        cluster prod
          route chat
            clients → platform-system/platform-gateway (gatewayProxy) :80  client → Gateway listener `http` [Gateway \
        platform-system/platform-gateway]  allowed (egress: no policy; ingress: no policy)
            platform-system/platform-gateway (gatewayProxy) → platform-system/litellm (liteLLM) :4000  Gateway → Service \
        `platform-system/litellm` [HTTPRoute platform-system/chat]  allowed (egress: no policy; ingress: no policy)
            platform-system/litellm (liteLLM) → search/llama-8b (modelServer) :8000  LiteLLM → `llama-8b` [ConfigMap \
        platform-system/litellm]  allowed (egress: no policy; ingress: search/model-llama-8b)
          flows
            clients → platform-system/platform-gateway (gatewayProxy) :80  client → Gateway listener `http` [Gateway \
        platform-system/platform-gateway]  allowed (egress: no policy; ingress: no policy)
            platform-system/platform-gateway (gatewayProxy) → platform-system/litellm (liteLLM) :4000  Gateway → Service \
        `platform-system/litellm` [HTTPRoute platform-system/chat]  allowed (egress: no policy; ingress: no policy)
            platform-system/litellm (liteLLM) → search/llama-8b (modelServer) :8000  LiteLLM → `llama-8b` [ConfigMap \
        platform-system/litellm]  allowed (egress: no policy; ingress: search/model-llama-8b)
            monitoring/prometheus (prometheus) → search/llama-8b (modelServer) :8000  Prometheus → metrics (PodMonitor `monitoring/vllm`) \
        [PodMonitor monitoring/vllm]  allowed (egress: no policy; ingress: search/model-llama-8b)
            monitoring/prometheus (prometheus) → kube-system/coredns :53/UDP  DNS [Prometheus \
        monitoring/kube-prometheus-stack-prometheus]  allowed (egress: no policy; ingress: no policy)
            monitoring/prometheus (prometheus) → kube-system/coredns :53  DNS [Prometheus monitoring/kube-prometheus-stack-prometheus]  \
        allowed (egress: no policy; ingress: no policy)
            platform-system/litellm (liteLLM) → kube-system/coredns :53/UDP  DNS [Deployment platform-system/litellm]  allowed (egress: no \
        policy; ingress: no policy)
            platform-system/litellm (liteLLM) → kube-system/coredns :53  DNS [Deployment platform-system/litellm]  allowed (egress: no \
        policy; ingress: no policy)
            platform-system/platform-gateway (gatewayProxy) → kube-system/coredns :53/UDP  DNS [Gateway platform-system/platform-gateway]  \
        allowed (egress: no policy; ingress: no policy)
            platform-system/platform-gateway (gatewayProxy) → kube-system/coredns :53  DNS [Gateway platform-system/platform-gateway]  \
        allowed (egress: no policy; ingress: no policy)
            search/llama-8b (modelServer) → kube-system/coredns :53/UDP  DNS [Deployment search/llama-8b]  allowed (egress: \
        search/allow-dns; ingress: no policy)
            search/llama-8b (modelServer) → kube-system/coredns :53  DNS [Deployment search/llama-8b]  allowed (egress: search/allow-dns; \
        ingress: no policy)
            search/llama-8b (modelServer) → internet :443  weights from `hf://meta-llama/Llama-3.1-8B-Instruct` [Deployment \
        search/llama-8b]  allowed (egress: search/model-llama-8b; ingress: no policy)

        """
}
