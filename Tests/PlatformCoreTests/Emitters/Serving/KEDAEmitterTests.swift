import PlatformCore
import Testing

@Suite struct KEDAEmitterTests {
    static let autoscaled = [("    replicas: { min: 2, max: 4 }\n",
        "    replicas: { min: 2, max: 4 }\n    autoscaling: { metric: queueDepth, target: 8, cooldown: 600s }\n")]

    @Test func queueDepthScaledObject() throws {
        let set = Fixture.manifests(Self.autoscaled)
        let scaled = try #require(Fixture.object(set, kind: "ScaledObject", name: "llama-3-70b", namespace: "search"))
        #expect(scaled.value.at("spec") == [
            "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "llama-3-70b"],
            "minReplicaCount": 2, "maxReplicaCount": 4, "cooldownPeriod": 600, "pollingInterval": 15,
            "triggers": [[
                "type": "prometheus", "name": "queueDepth", "metricType": "AverageValue",
                "metadata": ["serverAddress": "http://prometheus-operated.monitoring:9090",
                             "query": "sum(vllm:num_requests_waiting{namespace=\"search\",model_name=\"llama-3-70b\"})",
                             "threshold": "8"],
            ]],
        ])
        #expect(Fixture.object(set, kind: "TriggerAuthentication", name: "prometheus-auth") == nil)
        // KEDA owns the replica count; a synced `replicas` would undo each scale-out.
        let deployment = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b"))
        #expect(deployment.value.at("spec", "replicas") == nil)
    }

    @Test func modelWithoutAutoscalingHasNoScaledObject() {
        #expect(Fixture.manifests().manifests(in: "prod").filter { $0.kind == "ScaledObject" }.isEmpty)
    }

    @Test func kvCacheUsageAndRequestRateQueries() {
        let kv = AutoscalingQuery(metric: "kvCacheUsage", target: 80, model: "m", namespace: "t")
        #expect(kv == AutoscalingQuery.expected(
            """
                avg(vllm:kv_cache_usage_perc{namespace=\"t\",model_name=\"m\"} or \
                vllm:gpu_cache_usage_perc{namespace=\"t\",model_name=\"m\"})
                """,
            "0.8", "Value"))
        let rps = AutoscalingQuery(metric: "requestsPerSecond", target: 2.5, model: "m", namespace: "t")
        #expect(rps == AutoscalingQuery
            .expected("sum(rate(vllm:request_success_total{namespace=\"t\",model_name=\"m\"}[2m]))", "2.5", "AverageValue"))
    }

    @Test func authSecretAddsATriggerAuthentication() throws {
        let set = Fixture
            .manifests(Self.autoscaled
                + [("training:", "observability:\n  prometheus: { enabled: true, authSecret: prom-token }\ntraining:")])
        let auth = try #require(Fixture.object(set, kind: "TriggerAuthentication", name: "prometheus-auth", namespace: "search"))
        #expect(auth.value.at("spec") == ["secretTargetRef": [["parameter": "bearerToken", "name": "prom-token", "key": "token"]]])
        let trigger = try #require(Fixture.object(set, kind: "ScaledObject", name: "llama-3-70b")?.value.at("spec", "triggers", "[0]"))
        #expect(trigger.at("authenticationRef") == ["name": "prometheus-auth", "kind": "TriggerAuthentication"])
        #expect(trigger.at("metadata", "authModes") == "bearer")
    }
}

extension AutoscalingQuery {
    static func expected(_ query: String, _ threshold: String, _ metricType: String) -> AutoscalingQuery {
        var q = AutoscalingQuery(metric: "queueDepth", target: 0, model: "", namespace: "")
        q.query = query
        q.threshold = threshold
        q.metricType = metricType
        return q
    }
}
