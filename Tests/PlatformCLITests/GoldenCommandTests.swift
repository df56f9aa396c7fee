import Foundation
import Testing

@Suite struct GoldenCommandTests {
    @Test func updateThenCheckThenDriftThenUpdate() throws {
        let fixture = try CLIFixture()
        let missing = try fixture.run(["golden", "check", "platform.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("--- /dev/null\n+++ b/clusters/prod/search/resourcequota-gpu-quota.yaml\n"))

        let update = try fixture.run(["golden", "update", "platform.yaml"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout == "platformc: golden: 19 written, 0 removed, 0 unchanged\n")
        #expect(try fixture.run(["golden", "check", "platform.yaml"]).status == 0)

        // Drift: an edited file, a stale file, and a dotfile that is not ours.
        let quota = "golden/clusters/prod/search/resourcequota-gpu-quota.yaml"
        let expected = try fixture.read(quota)
        try fixture.write(quota, expected.replacingOccurrences(of: "'16'", with: "'15'"))
        try fixture.write("golden/clusters/old/stale.yaml", "kind: Stale\n")
        try fixture.write("golden/.gitattributes", "* text\n")
        let drift = try fixture.run(["golden", "check", "platform.yaml"])
        #expect(drift.status == 1)
        #expect(drift.stdout.contains("--- a/\(quota.dropFirst(7))\n+++ b/\(quota.dropFirst(7))\n@@"))
        #expect(drift.stdout.contains("-    requests.nvidia.com/gpu: '15'\n+    requests.nvidia.com/gpu: '16'\n"))
        #expect(drift.stdout.contains("--- a/clusters/old/stale.yaml\n+++ /dev/null\n"))
        #expect(drift.stderr.contains("2 files in golden differ from the compiled tree"))

        let again = try fixture.run(["golden", "update", "platform.yaml"])
        #expect(again.stdout == "platformc: golden: 1 written, 1 removed, 18 unchanged\n")
        #expect(try fixture.read(quota) == expected)
        #expect(!FileManager.default.fileExists(atPath: fixture.path("golden/clusters/old")))
        #expect(try fixture.read("golden/.gitattributes") == "* text\n")
        #expect(try fixture.run(["golden", "check", "platform.yaml"]).status == 0)
    }

    @Test func updateRefusesARepositoryRoot() throws {
        let fixture = try CLIFixture()
        try fixture.write("repo/.git/HEAD", "ref: refs/heads/main\n")
        let result = try fixture.run(["golden", "update", "platform.yaml", "--dir", "repo"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to prune `repo`"))
    }
}
