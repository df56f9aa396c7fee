import PlatformCore
import Testing

/// The endpoint picker as gateway-api-inference-extension v1.0.0 needs it (issue #15, finding 6):
/// the KV-cache metric vLLM v0.11.0 publishes, leader election over two replicas, and the RBAC of
/// its authenticated metrics endpoint and of its leases.
@Suite struct EndpointPickerTests {
    static let prefixCacheAware = [("    architecture: llama-3-70b\n", "    architecture: llama-3-70b\n    routing: { prefixCacheAware: true }\n")]

    @Test func pickerReadsTheKVCacheMetricVLLMPublishes() throws {
        let set = Fixture.manifests(Self.prefixCacheAware)
        let epp = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b-epp", namespace: "search"))
        let list = try #require(epp.value.at("spec", "template", "spec", "containers", "[0]", "args")?.listValue)
        let args = list.compactMap { $0.stringValue }
        let flag = try #require(args.firstIndex(of: "--kv-cache-usage-percentage-metric"), "\(args)")
        // v1.0.0's default, vllm:gpu_cache_usage_perc, is hidden by vLLM v0.11.0.
        #expect(args[flag + 1] == "vllm:kv_cache_usage_perc")
        #expect(args[flag + 1] == UpstreamMetrics.VLLM.kvCacheUsage)
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
        // The pools and objectives it reads, as the v1.0.0 chart grants (no InferenceModelRewrite yet).
        let read = try #require(Fixture.object(set, kind: "Role", name: "llama-3-70b-epp", namespace: "search"))
        #expect(read.value.at("rules", "[0]", "resources") == ["inferenceobjectives", "inferencepools"])
    }
}
