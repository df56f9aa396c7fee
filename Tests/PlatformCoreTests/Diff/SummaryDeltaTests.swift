import PlatformCore
import PlatformDiagnostics
import Testing

@Suite struct SummaryDeltaTests {
    typealias F = DiffFixtures

    /// Locks in the shape `PlatformLock` writes: amounts as decimal strings, nodes by name.
    static let baseLock = #"{"cost":{"currency":"USD","monthly":"1000.00","teams":{"search":{"monthly":"600.00"},"#
        + #""support":{"monthly":"400.00"}}},"placement":{"models":{"llama":[{"cluster":"prod","pool":"h100","nodes":["prod/h100/node-0","#
        + #""prod/h100/node-1"],"replicas":2}]},"training":{}}}"#
    static let headLock = #"{"cost":{"currency":"USD","monthly":"1300.50","teams":{"search":{"monthly":"900.50"},"#
        + #""support":{"monthly":"400.00"}}},"placement":{"models":{"llama":[{"cluster":"prod","pool":"h100","nodes":["prod/h100/node-0","#
        + #""prod/h100/node-1"],"replicas":2}],"mistral":[{"cluster":"prod","pool":"h100","nodes":["prod/h100/node-1"],"replicas":1}]},"#
        + #""training":{"sft":{"cluster":"prod","pool":"h100","nodes":["prod/h100/node-2"],"replicas":1}}}}"#

    @Test func replicasMovedBetweenPoolsAndGPUsPerTeam() {
        let base = [("prod", F.deployment("llama", replicas: 2, gpus: 4, pool: "h100")),
            ("prod", F.deployment("mistral", namespace: "support", replicas: 1, gpus: 1, team: "support"))]
        let head = [("prod", F.deployment("llama", replicas: 3, gpus: 4, pool: "h200")),
            ("prod", F.deployment("mistral", namespace: "support", replicas: 1, gpus: 1, team: "support"))]
        let summary = F.report(base, head).summary
        #expect(summary.replicas == [
            .init(model: "llama", cluster: "prod", pool: "h100", old: 2, new: 0),
            .init(model: "llama", cluster: "prod", pool: "h200", old: 0, new: 3),
        ])
        #expect(summary.gpus == [.init(name: "search", old: 8, new: 12)])
        #expect(summary.gpuTotal == .init(name: "total", old: 9, new: 13))
        #expect(summary.cost.isEmpty)
        #expect(summary.costTotal.old == nil && summary.costTotal.new == nil)
    }

    @Test func leaderWorkerSetCountsEveryPodOfAGroup() {
        let lws = Manifest(apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", name: "big", namespace: "search",
                           labels: ["platformc.dev/team": "search"],
                           body: ["spec": ["replicas": 2, "leaderWorkerTemplate": ["size": 2, "workerTemplate": ["spec": [
                               "containers": [["name": "w", "resources": ["limits": ["nvidia.com/gpu": 8]]]]]]]]])
        let facts = PlatformFacts(F.snapshot([("prod", lws)]))
        #expect(facts.placements.map(\.gpusPerReplica) == [16])
        #expect(facts.gpusByTeam == ["search": 32])
    }

    @Test func costAndNodesFromLockFiles() {
        let objects = [("prod", F.configMap("cfg"))]
        let summary = F.report(objects, objects, baseLock: Self.baseLock, headLock: Self.headLock).summary
        #expect(summary.cost == [.init(name: "search", old: 600, new: 900.5)])
        #expect(summary.costTotal == .init(name: "total", old: 1000, new: 1300.5))
        #expect(summary.currency == "USD")
        #expect(summary.nodes == [.init(name: "prod/h100", old: 2, new: 3)])
    }

    @Test func quotaChanges() {
        let summary = F.report([("prod", F.quota(namespace: "search", gpus: "16"))], [("prod", F.quota(namespace: "search", gpus: "24"))])
            .summary
        #expect(summary.quotas.map(\.name) == ["prod search/gpu-quota requests.nvidia.com/gpu"])
        #expect(summary.quotas.map(\.old) == ["16"] && summary.quotas.map(\.new) == ["24"])
    }

    @Test func violationsAreNewPolicyAndBudgetFindings() {
        let snapshot = F.snapshot([])
        let old = Diagnostic(.warning, "P0101", "image not pinned", at: nil)
        let new = Diagnostic(.error, "E4001", "team `search` over budget: 1300.50 > 1000.00 USD/month", at: nil)
        let other = Diagnostic(.warning, "W2001", "something else", at: nil)
        let note = Diagnostic(.note, "P0102", "a note", at: nil)
        let report = DiffReport(base: snapshot, head: snapshot, baseLabel: "a", headLabel: "b",
                                headDiagnostics: [old, new, other, note], baseDiagnostics: [old])
        #expect(report.diagnostics.map(\.code.rawValue) == ["E4001", "W2001"])
        #expect(report.violations.map(\.code.rawValue) == ["E4001"])
        #expect(!DiffPolicy.isViolation(old), "a policy warning is advice, not a violation")
        #expect(DiffPolicy.isViolation(Diagnostic(.error, "P7001", "image not pinned", at: nil)))
        #expect(!DiffPolicy.isViolation(note))
        #expect(!DiffPolicy.isViolation(Diagnostic(.error, "E2201", "malformed topology XML", at: nil)))
        #expect(!DiffPolicy.isViolation(Diagnostic(.warning, "W4004", "over budget (warn)", at: nil)))
    }
}
