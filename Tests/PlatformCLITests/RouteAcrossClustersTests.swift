import Foundation
import Testing

/// A weighted route whose backends run in different clusters is refused: each cluster's route
/// would send all of its traffic to the backend placed there (E5402). Exit 1, nothing written.
@Suite struct RouteAcrossClustersTests {
    static let spec = """
        apiVersion: platformc/v1alpha1
        kind: Platform
        metadata:
          name: mini
        clusters:
          - name: prod
            provider: aws
            zones: [us-east-1a]
            nodePools:
              - name: h100
                instanceType: p5.48xlarge
                nodes: { min: 0, max: 2 }
          - name: edge
            provider: aws
            zones: [us-west-2a]
            nodePools:
              - name: h100
                instanceType: p5.48xlarge
                nodes: { min: 0, max: 2 }
        teams:
          - name: search
            quota: { gpus: 32 }
        models:
          - name: llama-70b
            team: search
            source: hf://meta-llama/Llama-3.3-70B-Instruct
            parameters: 70B
            architecture: llama-3-70b
            gpu: { model: H100-SXM-80GB, count: 4 }
            replicas: { min: 2, max: 2 }
            placement: { cluster: prod }
          - name: llama-8b
            team: search
            source: hf://meta-llama/Llama-3.1-8B-Instruct
            parameters: 8B
            architecture: llama-3-8b
            gpu: { model: H100-SXM-80GB, count: 1 }
            replicas: { min: 2, max: 2 }
            placement: { cluster: edge }
        routes:
          - name: chat
            hostnames: [api.acme.ai]
            rateLimit: { requestsPerMinute: 600 }
            backends:
              - { model: llama-70b, weight: 90 }
              - { model: llama-8b, weight: 10 }

        """

    @Test func compileRefusesAndWritesNothing() throws {
        let fixture = try CLIFixture()
        try fixture.write("platform.yaml", Self.spec)
        let r = try fixture.run(["compile", "--out", "out"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == """
            platform.yaml:46:18: error[E5402]: route `chat` weights `llama-8b` 10 against `llama-70b` 90, but `llama-8b` runs in \
            cluster `edge`, where `llama-70b` does not: the route there sends none of its traffic to `llama-70b`
               |
            46 |       - { model: llama-8b, weight: 10 }
               |                  ^
              = note: `llama-70b` runs in `prod` (platform.yaml:31:27)
              = note: each cluster's route reaches only the models placed in that cluster
              = help: give `llama-70b` and `llama-8b` the same `placement.cluster`
            1 error, 0 warnings

            """)
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
    }
}
