import Foundation
import Testing

/// `explain placement` on the bundled platform: every constraint visible, JSON as documented.
@Suite struct ExplainPlacementTests {
    @Test func jsonNamesEveryNodeAndReplica() throws {
        let r = try CLIRunner.run(["explain", "placement", "--format", "json"], in: CLIRunner.repoRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(o["schemaVersion"] as? Int == 1)
        #expect(o["provedOptimal"] as? Bool == true)
        #expect(o["costPerHour"] as? String == o["lowerBoundPerHour"] as? String)
        let demands = (o["demands"] as? [[String: Any]] ?? []).map { "\($0["demand"]!)@\($0["pool"]!)" }
        #expect(demands == ["job/llama-sft@prod-use1/h100", "model/bge-large@prod-usw2/l40s", "model/llama-3-70b@prod-use1/h100",
                            "model/llama-3-70b-next@prod-use1/h100", "model/llama-3-8b@prod-usw2/a100-mig",
                            "model/mixtral-8x7b@prod-usw2/a100", "model/qwen-coder-14b@prod-usw2/l40s"])
        // High availability: the two llama-3-70b replicas sit on different nodes, in different zones.
        let llama = (o["demands"] as? [[String: Any]])?.first { $0["demand"] as? String == "model/llama-3-70b" }
        let nodes = (llama?["groups"] as? [[[String: Any]]])?.compactMap { $0.first?["node"] as? String } ?? []
        #expect(Set(nodes).count == 2)
        let zones = (o["nodes"] as? [[String: Any]] ?? []).filter { nodes.contains($0["name"] as? String ?? "") }.compactMap { $0["zone"] as? String }
        #expect(Set(zones).count == 2)
        #expect((o["unplaced"] as? [Any])?.isEmpty == true)
    }

    @Test func infeasibleVariantNamesTheBlockingDemand() throws {
        let spec = CLIRunner.bundledSpec.replacingOccurrences(of: "        nodes: { min: 4, max: 6 }", with: "        nodes: { min: 2, max: 2 }")
        let dir = try CLIRunner.workspace(spec: spec)
        let r = try CLIRunner.run(["check"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("error[E3001]: "))
        #expect(r.stderr.contains("cannot be placed"))
    }
}
