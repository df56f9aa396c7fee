import Foundation
import Testing

/// `platformc report`: the file it writes, its refusals, and its base.
@Suite struct ReportCommandTests {
    static let bundled = CLIFixture.repoRoot.appendingPathComponent("platform.yaml").path

    @Test func writesOneSelfContainedPageOfTheBundledPlatform() throws {
        let fixture = try CLIFixture()
        let result = try fixture.run(["report", Self.bundled, "--out", "pages/report.html"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("platformc: wrote pages/report.html ("))
        let html = try fixture.read("pages/report.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for section in ["id=\"cost\"", "id=\"placement\"", "id=\"routes\"", "<svg class=\"grid\"", "<svg class=\"bar\"",
            "<svg class=\"route\""] {
            #expect(html.contains(section), "missing \(section)")
        }
        #expect(!html.contains("id=\"changes\""))
        // Every bundled route passes through LiteLLM (`clientAuth: virtualKeys`): the drawing has that
        // hop, then where LiteLLM sends (the canary's share), then the fallback LiteLLM tries.
        #expect(html.components(separatedBy: "<rect class=\"via\"").count - 1 == 4)
        #expect(html.contains(">LiteLLM platform-system/litellm</text>"))
        #expect(html.contains(">InferencePool search/llama-3-70b</text>") && html.contains(">Service search/llama-3-70b-next</text>"))
        #expect(html.contains(">fallback openai/gpt-4o</text>"))
        // Same spec, same bytes.
        #expect(try fixture.run(["report", Self.bundled, "--out", "again.html"]).status == 0)
        #expect(try fixture.read("again.html") == html)
    }

    @Test func specErrorsWriteNothing() throws {
        let fixture = try CLIFixture()
        try fixture.edit("quota: { gpus: 16 }", "quota: { gpus: 16 }\n    colour: red")
        let result = try fixture.run(["report", "--out", "report.html"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[E"))
        #expect(!FileManager.default.fileExists(atPath: fixture.path("report.html")))
    }

    @Test func anOutThatNamesNoFileIsAUsageError() throws {
        let fixture = try CLIFixture()
        let result = try fixture.run(["report", "--out", "pages/"])
        #expect(result.status == 2)
        #expect(result.stderr == "platformc: error: `--out pages/` names no file; give a path such as `report.html`\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("pages")))
    }

    @Test func baseSpecShowsWhatMovedAndWhatItCosts() throws {
        let fixture = try CLIFixture()
        let bundled = try String(contentsOfFile: Self.bundled, encoding: .utf8)
        try fixture.write("base.yaml", bundled)
        try fixture
            .write("head.yaml", bundled.replacingOccurrences(of: "replicas: { min: 2, max: 4 }\n    placement: { cluster: prod-usw2 }",
                                                                    with: """
                                                                        replicas: { min: 3, max: 4 }\n    placement: { cluster: prod-usw2 }
                                                                        """))
        let result = try fixture.run(["report", "head.yaml", "--base", "spec:base.yaml", "--out", "report.html"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try fixture.read("report.html")
        #expect(html.contains("<h2>Changes against <code>base.yaml</code></h2>"))
        #expect(html.contains("<h3>Replicas moved</h3>"))
        #expect(html.contains("<tr><td>bge-large</td><td>prod-usw2/l40s</td><td class=\"num\">2</td><td class=\"num\">3</td></tr>"))
        #expect(html.contains("<td>GPUs: support</td><td class=\"num\">3</td><td class=\"num\">4</td><td class=\"num up\">+1</td>"))
    }

    @Test func hostileBaseFolderComesOutInert() throws {
        let fixture = try CLIFixture()
        try fixture.write("base/clusters/prod/evil/configmap-x.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: "<script>alert(1)</script>"
              namespace: evil
            data:
              note: "</code><img src=x onerror=alert(1)>"

            """)
        let result = try fixture.run(["report", "--base", "dir:base", "--out", "report.html"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try fixture.read("report.html")
        #expect(html.contains("ConfigMap evil/&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.lowercased().contains("<script") && !html.lowercased().contains("<img"))
    }
}
