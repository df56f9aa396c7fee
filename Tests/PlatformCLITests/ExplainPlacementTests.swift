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
        let zones = (o["nodes"] as? [[String: Any]] ?? [])
            .filter { nodes.contains($0["name"] as? String ?? "") }.compactMap { $0["zone"] as? String }
        #expect(Set(zones).count == 2)
        #expect((o["unplaced"] as? [Any])?.isEmpty == true)
    }

    @Test func infeasibleVariantNamesTheBlockingDemand() throws {
        let spec = CLIRunner.bundledSpec
            .replacingOccurrences(of: "        nodes: { min: 4, max: 6 }", with: "        nodes: { min: 2, max: 2 }")
        let dir = try CLIRunner.workspace(spec: spec)
        let r = try CLIRunner.run(["check"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("error[E3001]: "))
        #expect(r.stderr.contains("cannot be placed"))
    }

    /// E3001 names the proof that no placement holds every workload (issue 18): here the exact search
    /// finished (a 4-node pool whose zones cannot hold the gang beside the two models' replicas).
    @Test func unplacedNamesItsProof() throws {
        let spec = CLIRunner.bundledSpec
            .replacingOccurrences(of: "        nodes: { min: 4, max: 6 }", with: "        nodes: { min: 2, max: 4 }")
        let dir = try CLIRunner.workspace(spec: spec)
        let r = try CLIRunner.run(["check"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("""
            platform.yaml:209:11: error[E3001]: training job `llama-sft` cannot be placed: matching capacity is held by \
            `model/llama-3-70b`, `model/llama-3-70b-next`
                |
            209 |   - name: llama-sft
                |           ^
              = note: model `llama-3-70b` holds that capacity (platform.yaml:79:15)
              = note: model `llama-3-70b-next` holds that capacity (platform.yaml:93:15)
              = note: proved by exhaustive search: no placement drops fewer workloads at any priority level
              = help: raise `nodes.max` of the pool, lower the other demands, or give this team a higher priority

            """), "\(r.stderr)")
    }

    @Test func baselineFFDBesideOurs() throws {
        let r = try CLIRunner.run(["explain", "placement", "--baseline", "ffd"], in: CLIRunner.repoRoot)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("""

            baseline, first-fit decreasing:
              cost: ours $405.97/h, first-fit decreasing $405.97/h
              running nodes: ours 11, first-fit decreasing 11
              stranded GPUs: ours 0, first-fit decreasing 0
              dropped demands: ours 0, first-fit decreasing 0

            """))
        let j = try CLIRunner.run(["explain", "placement", "--baseline", "ffd", "--format", "json"], in: CLIRunner.repoRoot)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let baseline = try #require(o["baseline"] as? [String: Any])
        #expect(baseline["name"] as? String == "ffd")
        #expect(baseline["costPerHour"] as? String == "405.97")
        #expect(baseline["runningNodes"] as? Int == 11)
        #expect(baseline["strandedGPUs"] as? Int == 0)
        #expect((baseline["unplaced"] as? [String]) == [])
        // Without the option the document is unchanged.
        let plain = try CLIRunner.run(["explain", "placement", "--format", "json"], in: CLIRunner.repoRoot)
        #expect(!plain.stdout.contains("\"baseline\""))
    }

    @Test func generateRefusesASpecOverTheEntryLimit() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        let r = try CLIRunner
            .run(["generate", "--clusters", "1", "--nodes", "3", "--models", "200", "--teams", "13000", "--output", "big.yaml"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == """
            platformc: error: these parameters give a spec over the loader's limits (200000 entries, E1009, or 200000 nodes, E1090), 
            """
            + "which `platformc check` refuses; with the other parameters unchanged, `--models 81` is the largest that fits\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("big.yaml").path))
    }
}
