import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// The PR comment's route diagram (Mermaid) and the line diff of files held in objects.
@Suite struct RouteDiagramAndEmbeddedFileTests {
    typealias F = DiffFixtures

    static func route(_ name: String, host: String = "api.acme.ai", path: String = "/v1/chat/completions",
                      backends: [(String, Int64)]) -> Manifest {
        Manifest(apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", name: name, namespace: "platform-system", body: ["spec": [
            "hostnames": [.string(host)],
            "parentRefs": [["name": "platform-gateway"]],
            "rules": [["matches": [["path": ["type": "PathPrefix", "value": .string(path)]]],
                       "backendRefs": .list(backends
                           .map { ["name": .string($0.0), "namespace": "search", "kind": "Service", "weight": .int($0.1)] })]],
        ]])
    }

    @Test func mermaidDrawsOnlyRoutesWhoseHopsChanged() {
        let report = F.report(
            [("prod", Self.route("chat", backends: [("a", 90), ("b", 10)])), ("prod", Self.route("same", backends: [("a", 1)])),
             ("prod", Self.route("gone", backends: [("a", 1)]))],
            [("prod", Self.route("chat", backends: [("a", 50), ("c", 50)])), ("prod", Self.route("same", backends: [("a", 1)])),
             ("prod", Self.route("fresh", path: "/v1/embeddings", backends: [("e", 1)]))])
        #expect(report.routes.map(\.key.id.name) == ["chat", "fresh", "gone"])
        let markdown = DiffMarkdownRenderer.render(report)
        let expected = """
            **Routes whose path changed**

            ```mermaid
            flowchart LR
              client(["client"])
              subgraph r0["prod: HTTPRoute platform-system/chat (changed)"]
                r0g["Gateway platform-system/platform-gateway"] --> r0m["api.acme.ai /v1/chat/completions"]
              end
              client --> r0g
              r0m -->|"90% → 50%"| r0b0["Service search/a"]
              r0m -->|"50% (new)"| r0b1["Service search/c"]
              r0m -.->|"removed (was 10%)"| r0b2["Service search/b"]
              subgraph r1["prod: HTTPRoute platform-system/fresh (added)"]
                r1g["Gateway platform-system/platform-gateway"] --> r1m["api.acme.ai /v1/embeddings"]
              end
              client --> r1g
              r1m -->|"100% (new)"| r1b0["Service search/e"]
              subgraph r2["prod: HTTPRoute platform-system/gone (removed)"]
                r2g["Gateway platform-system/platform-gateway"] --> r2m["api.acme.ai /v1/chat/completions"]
              end
              client -.-> r2g
              r2m -.->|"removed (was 100%)"| r2b0["Service search/a"]
            ```
            """
        #expect(markdown.contains(expected), "\(markdown)")
        #expect(!markdown.contains("platform-system/same"))
    }

    @Test func mermaidLabelsCannotBreakOut() {
        let hostile = "x\"] --> evil[\"<script>`#"
        let report = F.report([], [("prod", Self.route("r", host: hostile, backends: [("a", 1)]))])
        let markdown = DiffMarkdownRenderer.render(report)
        #expect(markdown.contains("r0m[\"x#quot;] --#gt; evil[#quot;#lt;script#gt;#96;#35; /v1/chat/completions\"]"))
        let diagram = markdown.components(separatedBy: "```mermaid\n")[1].components(separatedBy: "\n```\n")[0]
        #expect(!diagram.contains("<") && !diagram.contains("`") && !diagram.contains("x\"]"))
    }

    @Test func noRouteChangeNoDiagram() {
        let report = F.report([("prod", F.configMap("a"))], [("prod", F.configMap("a", data: ["mode": "slow"]))])
        #expect(!DiffMarkdownRenderer.render(report).contains("mermaid"))
    }

    @Test func manyRoutesKeepTheDiagramBoundedWithANote() {
        let base = (0..<400).map { ("prod", Self.route("route-\($0)", backends: [("a", 1)])) }
        let head = (0..<400).map { ("prod", Self.route("route-\($0)", backends: [("b", 1)])) }
        let markdown = DiffMarkdownRenderer.render(F.report(base, head))
        #expect(markdown.utf8.count <= DiffMarkdownRenderer.gitHubLimit)
        let diagram = markdown.components(separatedBy: "```mermaid\n")[1].components(separatedBy: "\n```\n")[0]
        #expect(diagram.utf8.count <= RouteMermaid.maxBytes + 100)
        #expect(markdown.contains("more routes not drawn, to fit GitHub's comment limit._"))
    }

    @Test func embeddedConfigIsDiffedLineByLineInItsLanguage() {
        let old = "model_list:\n- model_name: a\n  litellm_params:\n    model: openai/gpt-4o\nrouter_settings:\n  num_retries: 2\n"
        let new = old.replacingOccurrences(of: "openai/gpt-4o", with: "openai/gpt-4o-mini")
        let xmlOld = "<system version=\"1\">\n  <cpu numaid=\"0\">\n    <gpu dev=\"0\"/>\n  </cpu>\n</system>\n"
        let xmlNew = xmlOld.replacingOccurrences(of: "dev=\"0\"", with: "dev=\"1\"")
        let report = F
            .report([("prod", F.configMap("litellm", data: ["config.yaml": .string(old), "topology.xml": .string(xmlOld), "mode": "a"]))],
                              [("prod",
                                  F
                                      .configMap("litellm",
                                          data: ["config.yaml": .string(new), "topology.xml": .string(xmlNew), "mode": "b"]))])
        let markdown = DiffMarkdownRenderer.render(report)
        #expect(markdown.contains("""
            ```diff
            - data.mode: "a"
            + data.mode: "b"
            ```

            `data["config.yaml"]`

            ```yaml
            @@ -1,6 +1,6 @@
             model_list:
             - model_name: a
               litellm_params:
            -    model: openai/gpt-4o
            +    model: openai/gpt-4o-mini
             router_settings:
               num_retries: 2
            ```

            `data["topology.xml"]`

            ```xml
            @@ -1,5 +1,5 @@
             <system version="1">
               <cpu numaid="0">
            -    <gpu dev="0"/>
            +    <gpu dev="1"/>
               </cpu>
             </system>
            ```
            """), "\(markdown)")
        #expect(!markdown.contains("\\n"))   // no escaped one-line string any more
        let text = DiffTextRenderer.render(report)
        #expect(text.contains("      data[\"config.yaml\"]: (yaml, line diff)\n        @@ -1,6 +1,6 @@\n         model_list:\n"))
        #expect(text.contains("        -    model: openai/gpt-4o\n        +    model: openai/gpt-4o-mini\n"))
    }

    @Test func maskedSecretsAreNeverLineDiffed() {
        let report = F.report([("prod", F.secret("keys", data: ["config.yaml": .string("a: 1\nkey: old\n")]))],
                              [("prod", F.secret("keys", data: ["config.yaml": .string("a: 1\nkey: new\n")]))])
        let markdown = DiffMarkdownRenderer.render(report)
        #expect(!markdown.contains("key: new") && !markdown.contains("key: old"))
    }
}
