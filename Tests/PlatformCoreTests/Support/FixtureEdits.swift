/// Edits of the minimal fixture (`Fixture.spec(_:)`) that several suites share, written once.
enum FixtureEdits {
    /// A canary of `llama-3-70b` named `name` beside it, weighted 10 % on the route.
    static func canary(named name: String) -> [(String, String)] {
        [
            ("routes:\n", """
              - name: \(name)
                team: search
                source: hf://meta-llama/Llama-3.3-70B-Instruct
                parameters: 70B
                architecture: llama-3-70b
                gpu: { model: H100-SXM-80GB, count: 4 }
                replicas: { min: 1, max: 1 }
                canaryOf: llama-3-70b
            routes:

            """),
            ("      - { model: llama-3-70b, weight: 100 }\n",
             "      - { model: llama-3-70b, weight: 90 }\n      - { model: \(name), weight: 10 }\n"),
        ]
    }

    /// A second cluster, `spare` (one L40S node on AWS), that no workload names.
    static let spareCluster: [(String, String)] = [
        ("teams:\n", """
            - name: spare
              provider: aws
              zones: [us-east-1a]
              nodePools:
                - name: l40s
                  instanceType: g6e.12xlarge
                  nodes: { min: 1, max: 1 }
          teams:

          """),
    ]
}
