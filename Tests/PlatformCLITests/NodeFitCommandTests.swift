import Foundation
import Testing

/// E7110 end to end: a template raising every vLLM pod's memory request beyond what one node of
/// any of the bundled pools offers. `check` and `compile` refuse with exit 1, each model's error at
/// its spec line with what its pool offers, and nothing is written.
@Suite struct NodeFitCommandTests {
    @Test func aTemplateAskingMoreMemoryThanANodeHasIsRefused() throws {
        let template = try String(contentsOf: CLIFixture.repoRoot.appendingPathComponent("templates/vllm/deployment.yaml"), encoding: .utf8)
        let fixture = try AuditRedTeamTests
            .workspace([AuditRedTeamTests.vllm: template.replacingOccurrences(of: "memory: 32Gi", with: "memory: 2000Gi")])
        for arguments in [["check"], ["compile", "--out", "out"]] {
            let r = try fixture.run(arguments)
            #expect(r.status == 1, "\(arguments): \(r.stderr)")
            let lines = r.stderr.split(separator: "\n").map(String.init)
            #expect(lines.contains("""
                platform.yaml:69:11: error[E7110]: the pods of model `llama-3-70b` request 4 CPU and 2000Gi memory per pod, more than one \
                node of any pool that could run them offers: they stay pending
                """),
                "\(r.stderr)")
            #expect(lines.contains("""
                  = note: pool `h100`: a `p5.48xlarge` node offers 1938410Mi memory after Karpenter's reservations (platform.yaml:20:15)
                """))
            #expect(lines.contains("""
                  = help: request at most 191450m CPU and 1938410Mi memory per pod (what a `p5.48xlarge` node of pool `h100` offers), or \
                use a larger instance type
                """))
            #expect(lines.filter { $0.contains("error[E7110]") }.count == 6)   // every model of the bundled platform
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
        // The bundled template (32Gi) passes.
        let clean = try AuditRedTeamTests.workspace([:])
        #expect(try clean.run(["check"]).stderr.contains("E7110") == false)
    }
}
