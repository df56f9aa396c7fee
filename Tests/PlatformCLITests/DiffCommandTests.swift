import Foundation
import PlatformGitOps
import Testing

/// `platformc diff` against real git repositories that `platformc commit` wrote.
@Suite struct DiffCommandTests {
    /// A fixture whose GitOps repository `gitops/` holds the compiled minimal spec on `main`.
    func committed() throws -> CLIFixture {
        let fixture = try CLIFixture()
        let commit = try fixture.run(["commit", "platform.yaml", "--repo", "gitops"])
        #expect(commit.status == 0, "\(commit.stderr)")
        return fixture
    }

    @Test func noChangeAgainstTheBranchHead() throws {
        let fixture = try committed()
        let result = try fixture.run(["diff", "platform.yaml", "--repo", "gitops", "--exit-code"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("platformc diff: main@"))
        #expect(result.stdout.hasSuffix("→ platform.yaml\nno changes\n"))
    }

    @Test func quotaChangeAgainstTheBranchHead() throws {
        let fixture = try committed()
        try fixture.edit("quota: { gpus: 16 }", "quota: { gpus: 24 }")
        let json = try fixture.json(try fixture.run(["diff", "platform.yaml", "--repo", "gitops", "--format", "json"]))
        #expect(json["schemaVersion"] as? Int == 1)
        let resources = json["resources"] as? [[String: Any]] ?? []
        // The quota shows in the namespace's ResourceQuota and in the team's Kueue ClusterQueue.
        #expect(resources.map { $0["kind"] as? String } == ["ResourceQuota", "ClusterQueue"])
        let quota = resources.first { $0["kind"] as? String == "ResourceQuota" }
        #expect(quota?["cluster"] as? String == "prod")
        let fields = quota?["fields"] as? [[String: Any]] ?? []
        #expect(fields.map { $0["path"] as? String } == [#"spec.hard["requests.nvidia.com/gpu"]"#])
        #expect(fields.first?["old"] as? String == "16" && fields.first?["new"] as? String == "24")

        #expect(try fixture.run(["diff", "platform.yaml", "--repo", "gitops"]).status == 0)
        #expect(try fixture.run(["diff", "platform.yaml", "--repo", "gitops", "--exit-code"]).status == 1)
    }

    @Test func newTeamAddsNamespaceAndQuota() throws {
        let fixture = try committed()
        try fixture.edit("teams:\n", "teams:\n  - name: research\n    quota: { gpus: 8 }\n")
        let result = try fixture.run(["diff", "platform.yaml", "--repo", "gitops", "--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<!-- platformc-diff -->\n## platformc diff\n"))
        #expect(result.stdout.contains("**6 added, 0 removed, 0 changed, 0 renamed, 0 moved** in 1 cluster"))
        #expect(result.stdout.contains("<code>+ Namespace research</code>"))
        #expect(result.stdout.contains("<code>+ ResourceQuota research/gpu-quota</code>"))
    }

    @Test func baseAsRevisionFolderOrSpec() throws {
        let fixture = try committed()
        let head = try GitRepository.open(path: fixture.path("gitops")).head(branch: "main")!.hex
        try fixture.write("old/platform.yaml", CLIFixture.minimalSpec)
        #expect(try fixture.run(["compile", "old/platform.yaml", "--out", "old-tree"]).status == 0)
        try fixture.edit("quota: { gpus: 16 }", "quota: { gpus: 12 }")
        for base in [String(head.prefix(10)), "ref:main", "old-tree", "dir:old-tree", "old/platform.yaml", "spec:old/platform.yaml"] {
            let result = try fixture.run(["diff", "platform.yaml", "--repo", "gitops", "--base", base, "--exit-code"])
            #expect(result.status == 1, "base \(base): \(result.stderr)")
            #expect(result.stdout.contains(#"spec.hard["requests.nvidia.com/gpu"]: "16" → "12""#), "base \(base)")
        }
    }

    @Test func firstCommitDiffsAgainstAnEmptyBranch() throws {
        let fixture = try CLIFixture()
        _ = try GitRepository.openOrInit(path: fixture.path("gitops"), initialBranch: "main")
        let result = try fixture.run(["diff", "platform.yaml", "--repo", "gitops", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let counts = try fixture.json(result)["counts"] as? [String: Int]
        // No route: no Gateway and no LiteLLM (ServedClustersTests).
        #expect(counts?["added"] == 14)
        #expect(try fixture.json(result)["base"] as? String == "main (no commits)")
    }

    @Test func errorsExitWithTwo() throws {
        let fixture = try committed()
        let unknown = try fixture.run(["diff", "platform.yaml", "--repo", "gitops", "--base", "no-such-branch"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("`no-such-branch` names no commit in"))
        try fixture.edit("quota: { gpus: 16 }", "quota: { gpus: sixteen }")
        #expect(try fixture.run(["diff", "platform.yaml", "--repo", "gitops"]).status == 2)
    }

    @Test func colourOnlyWhenForcedOrOnATerminal() throws {
        let fixture = try committed()
        try fixture.edit("quota: { gpus: 16 }", "quota: { gpus: 24 }")
        #expect(!(try fixture.run(["diff", "platform.yaml", "--repo", "gitops"]).stdout.contains("\u{1B}[")))
        #expect(try fixture.run(["diff", "platform.yaml", "--repo", "gitops", "--color", "always"]).stdout
            .contains("\u{1B}[1mplatformc diff"))
    }
}

/// A budget or policy breach in the head spec fails the pull-request diff with exit code 3.
@Suite struct DiffViolationTests {
    @Test func budgetBreachExitsThree() throws {
        let spec = CLIRunner.bundledSpec
            .replacingOccurrences(of: "budget: { monthly: 150000, enforcement: error }",
                with: "budget: { monthly: 1000, enforcement: error }")
        let dir = try CLIRunner.workspace(spec: spec)
        let r = try CLIRunner.run(["diff", "platform.yaml", "--base", "spec:platform.yaml"], in: dir)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("error[P7005]: team `search` costs $"))
    }

    @Test func policyBreachExitsThree() throws {
        let spec = CLIRunner.bundledSpec
            .replacingOccurrences(of: "  critical-models-on-demand: error\n",
                with: "  critical-models-on-demand: error\n  route-rate-limit: error\n")
            .replacingOccurrences(of: "    rateLimit: { requestsPerMinute: 3000 }\n", with: "")
        let dir = try CLIRunner.workspace(spec: spec)
        let r = try CLIRunner.run(["diff", "platform.yaml", "--base", "spec:platform.yaml"], in: dir)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("error[P7004]: route `embeddings` has no rate limit"))
    }
}
