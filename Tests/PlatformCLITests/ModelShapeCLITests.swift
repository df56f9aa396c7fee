import Foundation
import Testing

/// `check` on the bundled platform with a mixture of experts whose counts no checkpoint has:
/// exit 1, the exact located diagnostic with its note; before it only the bundled platform's two
/// W2401 warnings (its us-west-2 p4de pools have no sourced regional price).
@Suite struct ModelShapeCLITests {
    @Test func moeActiveAboveTotalFailsCheck() throws {
        let spec = CLIRunner.bundledSpec
            .replacingOccurrences(of: "parameters: { total: 47B, active: 13B }", with: "parameters: { total: 13B, active: 47B }")
        let dir = try CLIRunner.workspace(spec: spec)
        let r = try CLIRunner.run(["check"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("platform.yaml:30:23: warning[W2401]: "))
        #expect(r.stderr.components(separatedBy: "warning[").count == 3)
        #expect(r.stderr.hasSuffix("""
            platform.yaml:100:39: error[E2501]: model `mixtral-8x7b`: 47B parameters active per token, but only 13B in total
                |
            100 |     parameters: { total: 13B, active: 47B }
                |                                       ^
              = note: `total` declared here (platform.yaml:100:26)
              = help: `active` counts the parameters one token uses (shared layers and its routed experts); it is at most `total`
            1 error, 2 warnings

            """))
    }
}
