import Foundation
import Testing

/// Issue 17, finding 7 through the commands: `commit` keeps the GitOps head's placement, `diff`
/// names every move and its cause, `compile --previous-lock` does the same from a file.
@Suite struct StickyPlacementCommandTests {
    /// Two clusters (us-east-1 the cheaper), four 2-GPU models on one node, an agent on `m2`:
    /// `Tests/Cases/good-specs/sticky`, shared with PlatformCoreTests' `StickyPlacementTests`.
    static let spec = try! String(contentsOf: CLIRunner.repoRoot.appendingPathComponent("Tests/Cases/good-specs/sticky/platform.yaml"),
        encoding: .utf8)

    /// Pins `m1` to us-west-2 (line 40 of the spec, the value at column 27).
    static func pin(_ fixture: CLIFixture) throws {
        try fixture
            .edit("    replicas: { min: 1, max: 1 }\n  - name: m2",
                "    replicas: { min: 1, max: 1 }\n    placement: { cluster: usw2 }\n  - name: m2")
    }

    @Test func aPinMovesOneModelAndTheDiffSaysWhy() throws {
        let fixture = try CLIFixture()
        try fixture.write("platform.yaml", Self.spec)
        let first = try fixture.run(["commit", "platform.yaml", "--repo", "gitops"])
        #expect(first.status == 0, "\(first.stderr)")
        try Self.pin(fixture)

        let json = try fixture.json(try fixture.run(["diff", "platform.yaml", "--repo", "gitops", "--format", "json"]))
        let moves = json["moves"] as? [[String: String]]
        #expect(moves == [["kind": "model", "name": "m1", "from": "use1/h100", "to": "usw2/h100",
            "because": "pinned by platform.yaml:40:27"]])
        let replicas = (json["summary"] as? [String: Any])?["replicas"] as? [[String: Any]] ?? []
        #expect(replicas
            .map { "\($0["model"]!) \($0["cluster"]!)/\($0["pool"]!) \($0["old"]!)→\($0["new"]!)" } == ["m1 use1/h100 1→0",
                "m1 usw2/h100 0→1"])
        let text = try fixture.run(["diff", "platform.yaml", "--repo", "gitops"])
        #expect(text.stdout.contains("  moved model `m1` use1/h100 → usw2/h100: pinned by platform.yaml:40:27\n"))

        let markdown = try fixture.run(["diff", "platform.yaml", "--repo", "gitops", "--format", "markdown"])
        #expect(markdown.stdout.contains("**Placement moves**\n\n| Workload | From | To | Because |\n|---|---|---|---|\n"
            + "| model `m1` | use1/h100 | usw2/h100 | pinned by platform.yaml:40:27 |\n"))

        let second = try fixture.run(["commit", "platform.yaml", "--repo", "gitops"])
        #expect(second.status == 0, "\(second.stderr)")
        let lock = try CLIRunner.git(["show", "main:platform.lock.json"], in: fixture.root.appendingPathComponent("gitops")).stdout
        let placement = (try JSONSerialization.jsonObject(with: Data(lock.utf8)) as? [String: Any])?["placement"] as? [String: Any]
        let models = placement?["models"] as? [String: [[String: Any]]] ?? [:]
        #expect(models
            .mapValues { $0.map { $0["cluster"] as? String ?? "" } } == ["m1": ["usw2"], "m2": ["use1"], "m3": ["use1"], "m4": ["use1"]])
        #expect((placement?["agents"] as? [String: [String: String]]) == ["ops": ["cluster": "use1"]])
        // The agent's objects stayed: nothing of it was written to us-west-2.
        #expect(!CLIRunner.listing(fixture.root.appendingPathComponent("gitops/clusters/usw2")).contains { $0.contains("agent-ops") })
    }

    @Test func compileKeepsAPreviousLockFile() throws {
        let fixture = try CLIFixture()
        try fixture.write("platform.yaml", Self.spec)
        #expect(try fixture.run(["compile", "platform.yaml", "--out", "before"]).status == 0)
        try Self.pin(fixture)
        let kept = try fixture.run(["compile", "platform.yaml", "--out", "after", "--previous-lock", "before/platform.lock.json"])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(try fixture.read("after/platform.lock.json").contains(#""cluster": "use1""#))
        #expect(try fixture.run(["check", "platform.yaml", "--previous-lock", "before/platform.lock.json"]).status == 0)
        let bad = try fixture.run(["compile", "platform.yaml", "--out", "bad", "--previous-lock", "platform.yaml"])
        #expect(bad.status == 2)
        #expect(bad.stderr == """
            platformc: error: `platform.yaml` is not a platform.lock.json with a `placement` (use the lock file platformc wrote)\n
            """)
        #expect(!FileManager.default.fileExists(atPath: fixture.path("bad")))
    }
}
