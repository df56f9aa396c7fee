import Foundation
import Testing

/// `diff --format markdown` of a generated fleet whose routes all shift weight: the comment
/// draws the changed routes as far as its diagram budget goes, says how many it left out, and
/// stays under GitHub's 65,536-character limit.
@Suite struct DiffMarkdownFleetTests {
    @Test func fleetWideRouteChangeStaysUnderGitHubsLimit() throws {
        let fixture = try CLIFixture()
        let generate = try fixture
            .run(["generate", "--nodes", "1200", "--models", "400", "--teams", "40", "--clusters", "8", "-o", "base.yaml"])
        #expect(generate.status == 0, "\(generate.stderr)")
        let base = try fixture.read("base.yaml")
        let head = base.replacingOccurrences(of: "weight: 90 }", with: "weight: 70 }")
            .replacingOccurrences(of: "weight: 10 }", with: "weight: 30 }")
        #expect(head != base)
        try fixture.write("head.yaml", head)
        let result = try fixture.run(["diff", "head.yaml", "--base", "spec:base.yaml", "--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = result.stdout
        #expect(markdown.count < 65_536 && markdown.utf8.count <= 65_536)
        // The generator's weighted routes split between two distinct models; LiteLLM lists both under
        // the route's client-facing name (`Route.clientModelName`), so the weight change moves traffic.
        #expect(markdown.contains("**Routes whose path changed**\n\n```mermaid\nflowchart LR\n"))
        #expect(markdown.contains("-->|\"90% → 70%\"|"))
        #expect(markdown.contains("-->|\"10% → 30%\"|"))
        #expect(markdown.contains("more routes not drawn, to fit GitHub's comment limit._"))
    }
}
