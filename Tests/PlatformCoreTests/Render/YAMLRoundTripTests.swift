import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// `parse(render(x)) == x` and `render(parse(render(x))) == render(x)`, over a corpus of tricky
/// values and seeded random ones; and PyYAML (YAML 1.1) reads our output to the same values.
@Suite struct YAMLRoundTripTests {
    static var trickyStrings: [String] {
        YAMLQuotingTests.quoted.map(\.0) + YAMLQuotingTests.plain + YAMLLiteralBlockTests.cases.map(\.0)
    }

    /// Each tricky string as a value, a key and a list item, next to numbers of every size.
    static var corpus: [ManifestValue] {
        var documents: [ManifestValue] = trickyStrings.map { string in
            ["value": .string(string), "list": [.string(string), ["name": .string(string)]], "nested": [string: [string: .string(string)]]]
        }
        documents.append([
            "ints": [.int(0), .int(-1), .int(.max), .int(.min)],
            "doubles": [0.5, -0.0, 1.0, 1e20, 1e-5, .double(.leastNonzeroMagnitude), .double(.greatestFiniteMagnitude), .double(.infinity),
                .double(-.infinity)],
            "other": [true, false, .null, .emptyMap, .list([])],
        ])
        return documents
    }

    static func randomValues(count: Int) -> [ManifestValue] {
        var random = RandomManifestValues(generator: SeededGenerator(seed: 0x5EED))
        return (0..<count).map { _ in random.value() }
    }

    @Test func corpusRoundTrips() throws {
        for value in Self.corpus {
            let yaml = YAMLRenderer.render(value)
            let parsed = try ManifestValue.parse(yaml: yaml)
            #expect(parsed == value, "\(yaml)")
            #expect(YAMLRenderer.render(parsed) == yaml)
        }
    }

    @Test func randomValuesRoundTrip() throws {
        for value in Self.randomValues(count: 2000) {
            let yaml = YAMLRenderer.render(value)
            let parsed: ManifestValue
            do { parsed = try ManifestValue.parse(yaml: yaml) } catch {
                Issue.record("unparsable output \(error):\n\(yaml)")
                continue
            }
            #expect(parsed == value, "\(yaml)")
            #expect(YAMLRenderer.render(parsed) == yaml)
        }
    }

    @Test func nanRendersAndParsesBack() throws {
        let parsed = try ManifestValue.parse(yaml: YAMLRenderer.render(["x": .double(.nan)]))
        guard case .double(let double)? = parsed["x"] else { Issue.record("not a double: \(parsed)"); return }
        #expect(double.isNaN)
    }

    @Test(.needsPython(["yaml", "json"])) func pyYAMLReadsTheSameValues() throws {
        guard SharedTools.requirePython(modules: ["yaml", "json"]) else { return }
        let documents = Self.corpus + Self.randomValues(count: 2000)
        let dir = try SharedTools.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SharedTools.write([
            "stream.yaml": YAMLRenderer.renderStream(documents),
            "expected.jsonl": documents.map(\.jsonText).joined(separator: "\n") + "\n",
        ], under: dir)
        let result = SharedTools.run(["python3", "-c", Self.compareScript,
                                      dir.appendingPathComponent("stream.yaml").path,
                                      dir.appendingPathComponent("expected.jsonl").path])
        #expect(result.exitCode == 0, "\(result.output)")
        #expect(result.output == "mismatches 0 of \(documents.count)\n")
    }

    /// Compares PyYAML's reading of each document with our JSON of it, keeping bool, int, float
    /// and string apart (Python's `1 == 1.0 == True` would hide misreads).
    static let compareScript = #"""
        import json, sys, yaml
        docs = list(yaml.safe_load_all(open(sys.argv[1], encoding="utf-8").read()))
        expected = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8").read().split("\n") if l]
        def norm(v):
            if isinstance(v, bool): return ["b", v]
            if isinstance(v, int): return ["i", v]
            if isinstance(v, float): return ["f", repr(v)]
            if isinstance(v, str): return ["s", v]
            if v is None: return ["n"]
            if isinstance(v, list): return ["l", [norm(x) for x in v]]
            if isinstance(v, dict): return ["m", sorted([norm(k), norm(x)] for k, x in v.items())]
            return ["?", repr(v)]
        if len(docs) != len(expected):
            print("documents", len(docs), "expected", len(expected)); sys.exit(1)
        bad = 0
        for i, (d, e) in enumerate(zip(docs, expected)):
            if norm(d) != norm(e):
                bad += 1
                if bad <= 5: print("document", i, "pyyaml:", repr(d), "expected:", repr(e))
        print("mismatches", bad, "of", len(docs))
        sys.exit(1 if bad else 0)
        """#
}

/// Hand-written YAML (flow style, comments, anchors, odd quoting) comes out canonical.
@Suite struct YAMLNormalizationTests {
    @Test func handWrittenTemplateRendersCanonically() throws {
        let handWritten = """
            # base Deployment for vLLM
            kind: Deployment
            apiVersion: "apps/v1"
            metadata: {labels: &labels {app: vllm, tier: "serving"}, name: base}
            spec:
              selector: {matchLabels: *labels}
              template:
                spec:
                  containers:
                    - image: 'vllm/vllm-openai:v0.6.0'
                      name: vllm
                      env: [{name: ENABLED, value: "yes"}, {name: MODE, value: !!str 0755}]
                      command: >-
                        python3 -m vllm.entrypoints.openai.api_server
            """
        let value = try ManifestValue.parse(yaml: handWritten)
        let canonical = YAMLRenderer.render(value)
        #expect(canonical == """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: base
              labels:
                app: vllm
                tier: serving
            spec:
              selector:
                matchLabels:
                  app: vllm
                  tier: serving
              template:
                spec:
                  containers:
                  - name: vllm
                    command: python3 -m vllm.entrypoints.openai.api_server
                    env:
                    - name: ENABLED
                      value: 'yes'
                    - name: MODE
                      value: '0755'
                    image: vllm/vllm-openai:v0.6.0

            """)
        #expect(YAMLRenderer.render(try ManifestValue.parse(yaml: canonical)) == canonical)
    }

    @Test func plainScalarsResolveByTheCoreSchema() throws {
        let value = try ManifestValue.parse(yaml: """
            a: yes
            b: 0755
            c: 0o17
            d: 0x1F
            e: 1.5
            f: ~
            g: True
            h: 2024-01-01
            i: 99999999999999999999
            j: -.inf
            k: '1'
            """)
        #expect(value == [
            "a": "yes", "b": 755, "c": 15, "d": 31, "e": 1.5, "f": .null, "g": true, "h": "2024-01-01",
            "i": "99999999999999999999", "j": .double(-.infinity), "k": "1",
        ])
    }
}
