import Foundation
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import PlatformDiagnostics
import Testing

/// Each cluster's route reaches only the models placed in it, so a route's backends (and an
/// agent's model) must run where the route (or the agent) does.
@Suite struct RouteClusterTests {
    /// A second cluster `edge`; `llama-3-70b` pinned to `prod`; a second model `llama-3-8b` pinned
    /// to `edge`; `chat` weighted 90/10 between them (or, with `agentIn`, the agent pinned there).
    static func spec(weighted: Bool = true, agentIn cluster: String? = nil) -> String {
        var edits: [(String, String)] = [
            ("teams:\n", """
              - name: edge
                provider: aws
                zones: [us-west-2a]
                nodePools:
                  - name: h100
                    instanceType: p5.48xlarge
                    nodes: { min: 1, max: 2 }
            teams:

            """),
            ("    replicas: { min: 2, max: 4 }\n", "    replicas: { min: 2, max: 4 }\n    placement: { cluster: prod }\n"),
            ("routes:\n", """
              - name: llama-3-8b
                team: search
                source: hf://meta-llama/Llama-3.1-8B-Instruct
                parameters: 8B
                architecture: llama-3-8b
                gpu: { model: H100-SXM-80GB, count: 1 }
                replicas: { min: 2, max: 2 }
                placement: { cluster: edge }
            routes:

            """),
        ]
        if weighted {
            edits.append(("      - { model: llama-3-70b, weight: 100 }\n",
                          "      - { model: llama-3-70b, weight: 90 }\n      - { model: llama-3-8b, weight: 10 }\n"))
        }
        if let cluster {
            edits
                .append(("    model: llama-3-70b\n    systemMessage", "    model: llama-3-70b\n    cluster: \(cluster)\n    systemMessage"))
        }
        return Fixture.servingSpec(edits)
    }

    /// Errors as `line:col: error[CODE]: message`, then each note with its place, then the help.
    static func errors(_ spec: String) -> [String] {
        Compiler().compile(spec: Array(spec.utf8), file: "platform.yaml").diagnostics.sorted.filter { $0.severity == .error }.flatMap { d in
            ["\(d.location.map { "\($0.line):\($0.column)" } ?? "-"): error[\(d.code)]: \(d.message)"]
                + d.notes.map { "note: \($0.message)" + ($0.location.map { " (\($0.line):\($0.column))" } ?? "") }
                + ["help: \(d.help ?? "")"]
        }
    }

    @Test func weightedRouteAcrossClustersIsAnErrorAtTheBackend() {
        #expect(Self.errors(Self.spec()) == [
            """
                45:18: error[E5402]: route `chat` weights `llama-3-8b` 10 against `llama-3-70b` 90, but `llama-3-8b` runs in cluster \
                `edge`, where `llama-3-70b` does not: the route there sends none of its traffic to `llama-3-70b`
                """,
            "note: `llama-3-70b` runs in `prod` (31:27)",
            "note: each cluster's route reaches only the models placed in that cluster",
            "help: give `llama-3-70b` and `llama-3-8b` the same `placement.cluster`",
        ])
    }

    /// The same two models, each on its own route: nothing to keep in proportion.
    @Test func modelsInTwoClustersOnSeparateRoutesAreFine() {
        #expect(Self.errors(Self.spec(weighted: false)) == [])
    }

    @Test func agentPinnedAwayFromItsModelIsAnErrorAtItsCluster() {
        #expect(Self.errors(Self.spec(weighted: false, agentIn: "edge")) == [
            """
                56:14: error[E5403]: agent `ops` is pinned to cluster `edge`, where its model `llama-3-70b` does not run: its \
                ModelConfig there names a Service that cluster does not have
                """,
            "note: `llama-3-70b` runs in `prod` (31:27)",
            "help: pin `ops` to `prod`, or drop its `cluster` so that it follows its model",
        ])
        #expect(Self.errors(Self.spec(weighted: false, agentIn: "prod")) == [])
    }
}
