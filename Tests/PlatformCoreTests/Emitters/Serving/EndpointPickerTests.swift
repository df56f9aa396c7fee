import PlatformCore
import Testing

/// The endpoint picker as llm-d/llm-d-router v0.10.0 needs it (issue #15 finding 6, issue #16 finding 9):
/// no metric flag (it refuses them; its vLLM defaults are what vLLM 0.34.0 publishes), leader
/// election over two replicas, and the RBAC of its authenticated metrics endpoint and of its leases.
@Suite struct EndpointPickerTests {
    static let prefixCacheAware = [("    architecture: llama-3-70b\n",
        "    architecture: llama-3-70b\n    routing: { prefixCacheAware: true }\n")]

    @Test func pickerIsLLMDRouterWithoutMetricFlags() throws {
        let set = Fixture.manifests(Self.prefixCacheAware)
        let epp = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b-epp", namespace: "search"))
        let container = try #require(epp.value.at("spec", "template", "spec", "containers", "[0]"))
        #expect(container.at("image") == "ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.10.0")
        let args = (container.at("args")?.listValue ?? []).compactMap { $0.stringValue }
        // v0.10.0 exits when a metric flag is set (pkg/epp/server/options.go `deprecatedMetricFlags`);
        // its vLLM extractor defaults are the names vLLM 0.34.0 publishes (extractor/metrics/factories.go).
        #expect(!args.contains { $0.hasSuffix("-metric") || $0.contains("-metric=") }, "\(args)")
        #expect(UpstreamMetrics.VLLM.kvCacheUsage == "vllm:kv_cache_usage_perc"
            && UpstreamMetrics.VLLM.requestsWaiting == "vllm:num_requests_waiting")
        #expect(args == ["--pool-name", "llama-3-70b", "--pool-namespace", "search", "--pool-group", "inference.networking.k8s.io",
                         "--zap-encoder", "json", "--config-file", "/config/default-plugins.yaml",
                         "--ha-enable-leader-election", "--tracing=false"])
        let config = try #require(Fixture.object(set, kind: "ConfigMap", name: "llama-3-70b-epp", namespace: "search"))
        #expect(config.value
            .at("data",
                "default-plugins.yaml")?.stringValue?.hasPrefix("apiVersion: llm-d.ai/v1alpha1\nkind: EndpointPickerConfig\n") == true)
    }

    @Test func pickerRunsTwoReplicasWithLeaderElection() throws {
        let set = Fixture.manifests(Self.prefixCacheAware)
        let epp = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b-epp", namespace: "search"))
        #expect(epp.value.at("spec", "replicas") == 2)
        #expect(epp.value.at("spec", "strategy") == ["type": "Recreate"])
        let container = try #require(epp.value.at("spec", "template", "spec", "containers", "[0]"))
        #expect(container.at("args")?.listValue?.contains("--ha-enable-leader-election") == true)
        #expect(container.at("livenessProbe", "grpc") == ["port": 9003, "service": "liveness"])
        #expect(container.at("readinessProbe", "grpc") == ["port": 9003, "service": "readiness"])
        #expect(container.at("image") == .string(ComponentVersions.endpointPicker.image))
        let role = try #require(Fixture.object(set, kind: "Role", name: "llama-3-70b-epp-leader-election", namespace: "search"))
        #expect(role.value.at("rules", "[0]") == ["apiGroups": ["coordination.k8s.io"], "resources": ["leases"],
                                                  "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"]])
        let binding = try #require(Fixture.object(set, kind: "RoleBinding", name: "llama-3-70b-epp-leader-election", namespace: "search"))
        #expect(binding.value.at("subjects") == [["kind": "ServiceAccount", "name": "llama-3-70b-epp", "namespace": "search"]])
        // No PodDisruptionBudget: the standby is never ready, so one would block every drain.
        #expect(set.manifests(in: "prod").allSatisfy { $0.kind != "PodDisruptionBudget" })
    }

    @Test func pickerMayReviewTheTokensOfItsMetricsScrapers() throws {
        let set = Fixture.manifests(Self.prefixCacheAware)
        let role = try #require(Fixture.object(set, kind: "ClusterRole", name: "platformc-llama-3-70b-epp-search"))
        #expect(role.value.at("rules") == [
            ["apiGroups": ["authentication.k8s.io"], "resources": ["tokenreviews"], "verbs": ["create"]],
            ["apiGroups": ["authorization.k8s.io"], "resources": ["subjectaccessreviews"], "verbs": ["create"]],
        ])
        let binding = try #require(Fixture.object(set, kind: "ClusterRoleBinding", name: "platformc-llama-3-70b-epp-search"))
        #expect(binding.value.at("subjects") == [["kind": "ServiceAccount", "name": "llama-3-70b-epp", "namespace": "search"]])
        #expect(binding.value.at("roleRef") == ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                                                "name": "platformc-llama-3-70b-epp-search"])
        // The pools, objectives and rewrites it reads, as the v0.10.0 chart grants (old group and `llm-d.ai`).
        let read = try #require(Fixture.object(set, kind: "Role", name: "llama-3-70b-epp", namespace: "search"))
        #expect(read.value
            .at("rules", "[0]") == ["apiGroups": ["inference.networking.x-k8s.io"],
                "resources": ["inferenceobjectives", "inferencemodelrewrites"],
                                                  "verbs": ["get", "watch", "list"]])
        #expect(read.value.at("rules", "[1]") == ["apiGroups": ["llm-d.ai"], "resources": ["inferenceobjectives", "inferencemodelrewrites"],
                                                  "verbs": ["get", "watch", "list"]])
        #expect(read.value.at("rules", "[2]", "resources") == ["inferencepools"])
    }
}
