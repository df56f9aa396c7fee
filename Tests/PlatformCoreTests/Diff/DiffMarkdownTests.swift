import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

@Suite struct DiffMarkdownTests {
    typealias F = DiffFixtures

    /// One report with every kind of change, a summary and a diagnostic.
    static var everyKind: DiffReport {
        let base: [(cluster: String, manifest: Manifest)] = [
            ("prod-use1", F.deployment("llama", replicas: 2, pool: "h100", env: [["name": "HF_TOKEN", "value": "hf_old"]])),
            ("prod-use1", F.configMap("gone")),
            ("prod-use1", F.configMap("old-name", data: ["a": "1"])),
            ("prod-use1", F.configMap("wanderer", namespace: "search", data: ["b": "2"])),
            ("prod-use1", F.configMap("traveller", data: ["c": "3"])),
            ("prod-use1", F.quota(namespace: "search", gpus: "16")),
            ("prod-use1", F.secret("keys", data: ["api-key": "b2xk"])),
        ]
        let head: [(cluster: String, manifest: Manifest)] = [
            ("prod-use1", F.deployment("llama", replicas: 3, pool: "h200", args: ["--port=8000", "--enable-prefix-caching"],
                                       env: [["name": "HF_TOKEN", "value": "hf_new"]])),
            ("prod-use1", F.configMap("new-name", data: ["a": "1"])),
            ("prod-use1", F.configMap("wanderer", namespace: "support", data: ["b": "2"])),
            ("prod-usw2", F.configMap("traveller", data: ["c": "3"])),
            ("prod-use1", F.configMap("fresh", data: ["d": "4"])),
            ("prod-use1", F.quota(namespace: "search", gpus: "24")),
            ("prod-use1", F.secret("keys", data: ["api-key": "bmV3"])),
        ]
        let warning = Diagnostic(.warning, "P0101", "image `vllm/vllm-openai:v0.8.0` is not pinned by digest",
                                 at: SourceLocation(file: "platform.yaml", line: 21, column: 5))
        return DiffReport(base: F.snapshot(base, lock: SummaryDeltaTests.baseLock),
                          head: F.snapshot(head, lock: SummaryDeltaTests.headLock),
                          baseLabel: "main@0123456789ab", headLabel: "platform.yaml", headDiagnostics: [warning])
    }

    @Test func markdownGolden() {
        let markdown = DiffMarkdownRenderer.render(Self.everyKind)
        Golden.check(markdown, against: Golden.casesDir.appendingPathComponent("diff/every-kind/expected.md"))
        #expect(markdown.hasPrefix("<!-- platformc-diff -->\n"))
        #expect(!markdown.contains("hf_new") && !markdown.contains("bmV3"))
    }

    @Test func textGolden() {
        Golden
            .check(DiffTextRenderer.render(Self.everyKind), against: Golden.casesDir.appendingPathComponent("diff/every-kind/expected.txt"))
    }

    @Test func jsonGolden() {
        Golden
            .check(DiffJSONRenderer.render(Self.everyKind),
                against: Golden.casesDir.appendingPathComponent("diff/every-kind/expected.json"))
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!DiffTextRenderer.render(Self.everyKind).contains("\u{1B}["))
        #expect(DiffTextRenderer.render(Self.everyKind, colour: true).contains("\u{1B}[32m+ ConfigMap search/fresh"))
    }

    @Test func hugeDiffStaysUnderGitHubsLimit() {
        // 3 clusters × 250 deployments, each with 30 changed arguments: several megabytes in full.
        var base: [(cluster: String, manifest: Manifest)] = [], head: [(cluster: String, manifest: Manifest)] = []
        for cluster in ["a", "b", "c"] {
            for i in 0..<250 {
                base.append((cluster, F.deployment("m\(i)", args: (0..<30).map { "--old-\($0)=\(i)" })))
                head.append((cluster, F.deployment("m\(i)", args: (0..<30).map { "--new-\($0)=\(i)" })))
            }
        }
        let report = F.report(base, head)
        #expect(DiffTextRenderer.render(report).utf8.count > 500_000)
        let markdown = DiffMarkdownRenderer.render(report)
        #expect(markdown.utf8.count <= DiffMarkdownRenderer.gitHubLimit)
        #expect(markdown.utf8.count > 30_000)  // it keeps what fits rather than dropping everything
        #expect(markdown.contains("This diff was shortened to stay under GitHub's comment limit"))
        #expect(markdown.contains("| GPUs: total | 6000 | 6000 | 0 |"))
    }

    @Test func truncationDropsTheLargestSectionsFirst() {
        let small = F.configMap("small", data: ["x": "1"]), smallHead = F.configMap("small", data: ["x": "2"])
        let big = F.configMap("big", data: ManifestMap((0..<300).map { ("k\($0)", ManifestValue.string("v\($0)")) }))
        let bigHead = F.configMap("big", data: ManifestMap((0..<300).map { ("k\($0)", ManifestValue.string("w\($0)")) }))
        let report = F.report([("p", small), ("p", big)], [("p", smallHead), ("p", bigHead)])
        let full = DiffMarkdownRenderer.render(report)
        let cut = DiffMarkdownRenderer.render(report, limit: full.utf8.count - 1000)
        #expect(cut.utf8.count <= full.utf8.count - 1000)
        #expect(cut.contains(#"+ data.x: "2""#))
        #expect(!cut.contains(#"+ data.k1: "w1""#))
        #expect(cut.contains("Details omitted to fit GitHub's comment limit"))
    }
}
