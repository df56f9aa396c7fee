import Foundation
import Testing

/// `platformc explain workloads`: the pods the upstream controllers create, per workload.
@Suite struct ExplainWorkloadsCommandTests {
    static let model = """
        models:
          - name: llama-3-8b
            team: search
            source: hf://meta-llama/Llama-3.1-8B-Instruct
            parameters: 8B
            architecture: llama-3-8b
            gpu: { model: H100-SXM-80GB, count: 1 }
            replicas: { min: 2, max: 2 }

        """

    @Test func textShowsEachWorkloadsPodsAndTheFactUsed() throws {
        let fixture = try CLIFixture()
        try fixture.write("platform.yaml", CLIFixture.minimalSpec + Self.model)
        let r = try fixture.run(["explain", "workloads", "platform.yaml"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == """
            cluster prod
              model llama-3-8b (platform.yaml:17:11)
                2× modelServer pod in search, from Deployment.apps search/llama-3-8b
                  labels: app.kubernetes.io/component=model-server, app.kubernetes.io/name=llama-3-8b, platformc.dev/model=llama-3-8b, \
            platformc.dev/team=search
                  ports: 8000/TCP
                  serviceAccount: llama-3-8b
                  requests: ephemeral-storage 27Gi, nvidia.com/gpu 1
                  nodeSelector: karpenter.sh/nodepool=h100
                  tolerates: nvidia.com/gpu:NoSchedule
                  derived by: Deployment → ReplicaSet → pods: the template and its labels, `replicas` (default 1) or KEDA's \
            minReplicaCount (kubernetes pkg/apis/apps/v1/defaults.go; KEDA 2.15 scaledobject-spec)
              platform prometheus
                1× prometheus pod in monitoring, from Prometheus.monitoring.coreos.com monitoring/kube-prometheus-stack-prometheus
                  labels: app.kubernetes.io/instance=kube-prometheus-stack-prometheus, app.kubernetes.io/managed-by=prometheus-operator, \
            app.kubernetes.io/name=prometheus, operator.prometheus.io/name=kube-prometheus-stack-prometheus, \
            operator.prometheus.io/shard=0, prometheus=kube-prometheus-stack-prometheus
                  ports: 9090/TCP
                  derived by: prometheus-operator v0.86.0: Prometheus StatefulSet pods (pkg/prometheus/server/operator.go \
            makeSelectorLabels)

            """)
    }

    @Test func jsonListsThePods() throws {
        let fixture = try CLIFixture()
        try fixture.write("platform.yaml", CLIFixture.minimalSpec + Self.model)
        let r = try fixture.run(["explain", "workloads", "--format", "json", "platform.yaml"])
        #expect(r.status == 0)
        let pods = try #require(try fixture.json(r)["pods"] as? [[String: Any]])
        #expect(pods.map { $0["workload"] as? String } == ["llama-3-8b", "prometheus"])
        #expect(pods.first?["count"] as? Int == 2)
        #expect(pods.first?["declaredAt"] as? String == "platform.yaml:17:11")
        #expect((pods.first?["nodeSelector"] as? [String: String]) == ["karpenter.sh/nodepool": "h100"])
    }

    @Test func specErrorsExitOne() throws {
        let fixture = try CLIFixture()
        try fixture
            .write("platform.yaml", CLIFixture.minimalSpec + Self.model.replacingOccurrences(of: "min: 2, max: 2", with: "min: 1, max: 1"))
        let r = try fixture.run(["explain", "workloads", "platform.yaml"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
    }
}
