import Foundation
import Testing

@Suite struct ExplainCostCommandTests {
    @Test func jsonHasTeamsPoolsAndTotals() throws {
        let r = try CLIRunner.run(["explain", "cost", "--format", "json"], in: CLIRunner.repoRoot)
        #expect(r.status == 0)
        #expect(r.stderr.hasSuffix("0 errors, 2 warnings\n"))   // the bundled W2401s: p4de.24xlarge in us-west-2
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["monthly"] as? String == "296875.82")
        let teams = try #require(object["teams"] as? [String: [String: Any]])
        #expect(teams["search"]?["monthly"] as? String == "60601.48")     // 12 H100 × $5,022.40 + $332.68 of gpt-4o
        #expect(teams["search"]?["budget"] as? String == "150000.00")
        let pools = try #require(object["pools"] as? [String: [String: Any]])
        #expect(pools["prod-use1/h100"]?["idle"] as? String == "60268.80")  // 12 free H100: `llama-sft` keeps to one zone
    }

    @Test func markdownIsTablesForThePullRequest() throws {
        let r = try CLIRunner.run(["explain", "cost", "--format", "markdown"], in: CLIRunner.repoRoot)
        #expect(r.status == 0)
        #expect(r.stdout
            .hasPrefix("### Cost\n\nPlatform: **$296875.82**/month, $296875.82 at `replicas.max`. Idle GPUs: $135551.10/month.\n"))
        #expect(r.stdout.contains("| search | 12 | 20 | 24 | 60601.48 | 100780.68 | 150000.00 | 89398.52 |\n"))
        #expect(r.stdout.contains("| _idle GPUs_ | | | | 135551.10 | 77694.10 | | |\n"))
    }
}
