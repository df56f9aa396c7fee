import Foundation
import Testing

@Suite struct CheckCommandTests {
    /// Clean but for the two p4de.24xlarge pools in us-west-2: no source the catalog cites prices
    /// p4de there (Karpenter's table is us-east-1), so they are priced at us-east-1 and say so (W2401).
    @Test func bundledPlatformWarnsOnlyOfUnsourcedRegionalPrices() throws {
        let r = try CLIRunner.run(["check", "platform.yaml"], in: CLIRunner.repoRoot)
        #expect(r.status == 0)
        #expect(r.stderr.split(separator: "\n").filter { $0.contains("warning[") || $0.contains("error[") } == [
            """
                platform.yaml:30:23: warning[W2401]: no sourced price for `p4de.24xlarge` in region `us-west-2`; node pool `a100` is \
                priced at its `us-east-1` price
                """,
            """
                platform.yaml:33:23: warning[W2401]: no sourced price for `p4de.24xlarge` in region `us-west-2`; node pool `a100-mig` is \
                priced at its `us-east-1` price
                """,
        ])
        #expect(r.stderr.hasSuffix("0 errors, 2 warnings\n"))
    }

    @Test func badSpecExitsOneWithExactDiagnostic() throws {
        let dir = try CLIRunner
            .workspace(spec: CLIRunner.bundledSpec
                .replacingOccurrences(of: "    replicas: { min: 2, max: 4 }\n    autoscaling: { metric: queueDepth, target: 8 }",
                    with: "    replica: { min: 2, max: 4 }\n    autoscaling: { metric: queueDepth, target: 8 }"))
        let r = try CLIRunner.run(["check"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("""
            platform.yaml:79:5: error[E1010]: unknown key `replica` in model `llama-3-70b`\n   |\n79 |     replica: { min: 2, max: 4 }\n\
               |     ^\n  = help: did you mean `replicas`?\n
            """))
        #expect(r.stderr.hasSuffix("1 error, 0 warnings\n"))
    }

    @Test func githubAnnotations() throws {
        let dir = try CLIRunner
            .workspace(spec: CLIRunner.bundledSpec.replacingOccurrences(of: "team: serach", with: "x")
                .replacingOccurrences(of: "  - name: llama-3-70b\n    team: search", with: "  - name: llama-3-70b\n    team: serach"))
        let r = try CLIRunner.run(["check", "--diagnostics", "github"], in: dir)
        #expect(r.status == 1)
        // The bundled platform's two W2401 (p4de.24xlarge has no sourced us-west-2 price) come first.
        #expect(r.stderr.hasSuffix("""
            \n::error file=platform.yaml,line=70,col=11,title=E1030::model `llama-3-70b` refers to unknown team `serach`%0Ahelp: did you \
            mean `search`?\n
            """))
        #expect(r.stderr.components(separatedBy: "::warning ").count == 3)
        #expect(r.stderr.components(separatedBy: "title=W2401::").count == 3)
    }

    @Test func jsonDiagnostics() throws {
        let dir = try CLIRunner.workspace(spec: "apiVersion: platformc/v1alpha1\nkind: Platform\n")
        let r = try CLIRunner.run(["check", "--diagnostics", "json"], in: dir)
        #expect(r.status == 1)
        let items = try JSONSerialization.jsonObject(with: Data(r.stderr.utf8)) as? [[String: Any]]
        #expect(items?.map { $0["code"] as? String } == ["E1012", "E1012", "E1012"])
        #expect(items?.first?["line"] as? Int == 1)
    }

    @Test func missingFileIsAnIOError() throws {
        let r = try CLIRunner.run(["check", "/nonexistent/platform.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr == "platformc: error: cannot read `/nonexistent/platform.yaml`: no such file\n")
    }

    @Test func directoryIsAnIOError() throws {
        let r = try CLIRunner.run(["check", "/tmp"])
        #expect(r.status == 2)
        #expect(r.stderr == "platformc: error: cannot read `/tmp`: it is a directory, not a spec file\n")
    }

    @Test func unknownOptionIsAUsageError() throws {
        let r = try CLIRunner.run(["check", "--frobnicate"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("Error: Unknown option '--frobnicate'"))
    }

    @Test func warningsAsErrors() throws {
        let spec = CLIRunner.bundledSpec.replacingOccurrences(of: "    architecture: bert-large\n", with: "")
        let dir = try CLIRunner.workspace(spec: spec)
        #expect(try CLIRunner.run(["check"], in: dir).status == 0)
        let strict = try CLIRunner.run(["check", "--warnings-as-errors"], in: dir)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error[W2110]"))
    }
}
