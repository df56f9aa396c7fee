import Foundation
import Testing

/// `platformc lsp` driven by a scripted client over pipes, as an editor drives it (issue 19).
@Suite struct LSPServerTests {
    static let specURI = "file://" + CLIRunner.repoRoot.appendingPathComponent("platform.yaml").path
    static let broken = CLIRunner.bundledSpec.replacingOccurrences(
        of: "    replicas: { min: 2, max: 4 }\n    autoscaling: { metric: queueDepth, target: 8 }",
        with: "    replica: { min: 2, max: 4 }\n    autoscaling: { metric: queueDepth, target: 8 }")

    /// A server with the bundled spec open and its first diagnostics read.
    static func session() throws -> (LSPClient, [String: Any]) {
        let client = try LSPClient()
        try client.initialize()
        try client.open(specURI, text: CLIRunner.bundledSpec)
        return (client, try client.diagnostics(for: specURI))
    }

    /// The bundled platform's two W2401 warnings (its us-west-2 p4de pools have no sourced regional
    /// price) are published like any other; the tests below look past them.
    static func withoutPriceWarnings(_ diagnostics: [[String: Any]]) -> [[String: Any]] {
        diagnostics.filter { $0["code"] as? String != "W2401" }
    }

    static func diagnostics(_ published: [String: Any]) -> [[String: Any]] {
        withoutPriceWarnings(published["diagnostics"] as? [[String: Any]] ?? [])
    }

    @Test func initializeAnnouncesTheCapabilities() throws {
        let client = try LSPClient()
        let reply = try client.initialize()
        let capabilities = value(reply, "result", "capabilities")
        #expect(value(capabilities, "positionEncoding") as? String == "utf-16")
        #expect(value(capabilities, "textDocumentSync", "change") as? Int == 1)
        #expect(value(capabilities, "textDocumentSync", "openClose") as? Bool == true)
        #expect(value(capabilities, "hoverProvider") as? Bool == true)
        #expect(value(capabilities, "definitionProvider") as? Bool == true)
        #expect(value(capabilities, "referencesProvider") as? Bool == true)
        #expect(value(capabilities, "codeActionProvider", "codeActionKinds") as? [String] == ["quickfix"])
        #expect(value(capabilities, "completionProvider") != nil)
        #expect(value(reply, "result", "serverInfo", "name") as? String == "platformc")
    }

    @Test func positionEncodingFollowsTheClientsPreference() throws {
        let client = try LSPClient()
        let reply = try client.initialize(capabilities: ["general": ["positionEncodings": ["utf-32", "utf-16"]]])
        #expect(value(reply, "result", "capabilities", "positionEncoding") as? String == "utf-32")
    }

    @Test func bundledSpecOpensWithOnlyItsPriceWarnings() throws {
        let (_, published) = try Self.session()
        #expect(published["version"] as? Int == 1)
        let all = published["diagnostics"] as? [[String: Any]] ?? []
        #expect(all.map { $0["code"] as? String } == ["W2401", "W2401"])
        #expect(all.map { $0["severity"] as? Int } == [2, 2])
    }

    @Test func editIntroducingAnErrorPublishesChecksDiagnostic() throws {
        let (client, _) = try Self.session()
        try client.change(Self.specURI, text: Self.broken, version: 2)
        let published = try client.diagnostics(for: Self.specURI)
        #expect(published["version"] as? Int == 2)
        let diagnostics = Self.diagnostics(published)
        try #require(diagnostics.count == 1)
        // `check` prints the same at platform.yaml:79:5 (CheckCommandTests); LSP lines and characters count from 0.
        #expect(diagnostics[0]["code"] as? String == "E1010")
        #expect(diagnostics[0]["severity"] as? Int == 1)
        #expect(diagnostics[0]["source"] as? String == "platformc")
        #expect(diagnostics[0]["message"] as? String == "unknown key `replica` in model `llama-3-70b`\nhelp: did you mean `replicas`?")
        #expect(rangeArray(diagnostics[0]["range"]) == [78, 4, 78, 11])

        // Fixed again: the diagnostics are cleared.
        try client.change(Self.specURI, text: CLIRunner.bundledSpec, version: 3)
        #expect(Self.diagnostics(try client.diagnostics(for: Self.specURI)).isEmpty)
    }

    @Test func notesBecomeRelatedInformation() throws {
        let (client, _) = try Self.session()
        try client
            .change(Self.specURI, text: CLIRunner.bundledSpec.replacingOccurrences(of: "  - name: research\n", with: "  - name: search\n"),
                version: 2)
        let diagnostics = try client.diagnostics(for: Self.specURI)["diagnostics"] as? [[String: Any]] ?? []
        let duplicate = try #require(diagnostics.first { $0["code"] as? String == "E1020" })
        #expect(duplicate["message"] as? String == "duplicate team name `search`\nhelp: names within `teams` must be unique")
        #expect(rangeArray(duplicate["range"]) == [46, 10, 46, 16])
        let related = duplicate["relatedInformation"] as? [[String: Any]] ?? []
        try #require(related.count == 1)
        #expect(related[0]["message"] as? String == "first defined here")
        #expect(value(related[0], "location", "uri") as? String == Self.specURI)
        #expect(rangeArray(value(related[0], "location", "range")) == [42, 10, 42, 16])
    }

    @Test func quickFixAppliesTheHelpsSuggestion() throws {
        let (client, _) = try Self.session()
        try client.change(Self.specURI, text: Self.broken, version: 2)
        _ = try client.diagnostics(for: Self.specURI)
        let reply = try client.request("textDocument/codeAction", [
            "textDocument": ["uri": Self.specURI],
            "range": ["start": ["line": 78, "character": 6], "end": ["line": 78, "character": 6]],
            "context": ["diagnostics": [Any]()],
        ])
        let actions = reply["result"] as? [[String: Any]] ?? []
        try #require(actions.count == 1)
        #expect(actions[0]["title"] as? String == "replace with `replicas`")
        #expect(actions[0]["kind"] as? String == "quickfix")
        let edits = value(actions[0], "edit", "changes", Self.specURI) as? [[String: Any]] ?? []
        try #require(edits.count == 1)
        #expect(edits[0]["newText"] as? String == "replicas")
        #expect(rangeArray(edits[0]["range"]) == [78, 4, 78, 11])
        #expect(value(actions[0], "diagnostics", 0, "code") as? String == "E1010")
    }

    @Test func quickFixRenamesAMisspeltReference() throws {
        let (client, _) = try Self.session()
        try client
            .change(Self.specURI,
                text: CLIRunner.bundledSpec
                    .replacingOccurrences(of: "      - { model: llama-3-8b }", with: "      - { model: llama-3-8c }"),
                version: 2)
        let diagnostics = Self.diagnostics(try client.diagnostics(for: Self.specURI))
        try #require(diagnostics.count == 1)
        // `check`: platform.yaml:168:18: error[E1030]: route `support-chat` refers to unknown model `llama-3-8c`.
        #expect(diagnostics[0]["code"] as? String == "E1030")
        #expect(diagnostics[0]["message"] as? String == """
            route `support-chat` refers to unknown model `llama-3-8c`\nhelp: did you mean `llama-3-8b`?
            """)
        #expect(rangeArray(diagnostics[0]["range"]) == [167, 17, 167, 27])
        let reply = try client.request("textDocument/codeAction", [
            "textDocument": ["uri": Self.specURI],
            "range": ["start": ["line": 167, "character": 20], "end": ["line": 167, "character": 20]],
            "context": ["diagnostics": diagnostics],
        ])
        let edits = value(reply, "result", 0, "edit", "changes", Self.specURI) as? [[String: Any]] ?? []
        try #require(edits.count == 1)
        #expect(edits[0]["newText"] as? String == "llama-3-8b")
        #expect(rangeArray(edits[0]["range"]) == [167, 17, 167, 27])
    }

    @Test func hoverOnAKeyShowsItsDocumentation() throws {
        let (client, _) = try Self.session()
        // Line 76 of platform.yaml: `    contextLength: 32768` (model llama-3-70b).
        let reply = try client.request("textDocument/hover", LSPClient.position(Self.specURI, line: 75, character: 8))
        #expect(value(reply, "result", "contents", "kind") as? String == "markdown")
        #expect(value(reply, "result", "contents", "value") as? String
                == "**`contextLength`**: maximum context length (`--max-model-len`)\n\n*type*: integer ≥ 1 · *default*: `8192`")
        #expect(rangeArray(value(reply, "result", "range")) == [75, 4, 75, 17])
    }

    @Test func hoverOnAModelShowsTheCompilersFacts() throws {
        let (client, _) = try Self.session()
        // Line 69: `  - name: llama-3-70b`.
        let reply = try client.request("textDocument/hover", LSPClient.position(Self.specURI, line: 68, character: 14))
        let text = value(reply, "result", "contents", "value") as? String ?? ""
        #expect(text == """
            **model `llama-3-70b`**

            - **memory**: needs 234.5 GB per replica (weights 140.0 GB + KV cache 85.9 GB + overhead 8.6 GB); 4× H100-SXM-80GB at 90% hold \
            307.9 GB: fits
            - **islands**: tensor-parallel 4 in islands of [8] (nvswitch)
            - **placement**: 2 replicas on `prod-use1/h100` (prod-use1/h100/node-0, prod-use1/h100/node-1)
            - **cost**: $40179.20/month for 8 H100-SXM-80GB GPUs in `prod-use1/h100`; $80358.40 at `replicas.max` (16 GPUs)
            """)
        #expect(rangeArray(value(reply, "result", "range")) == [68, 10, 68, 21])
    }

    @Test func hoverOnAPoolShowsItsHardwareAndPrice() throws {
        let (client, _) = try Self.session()
        // Line 20: `      - name: h100`.
        let reply = try client.request("textDocument/hover", LSPClient.position(Self.specURI, line: 19, character: 16))
        let text = value(reply, "result", "contents", "value") as? String ?? ""
        #expect(text.contains("- **GPUs**: 8× H100-SXM-80GB (85.5 GB each) per node, nvswitch, NVLink islands [8]"))
        #expect(text.contains("""
            - **price**: $55.04/h per node (karpenter zz_generated.pricing_aws.go (Linux on-demand), us-east-1 on-demand, 2026-07-20)
            """))
    }

    @Test func completionOffersTheKeysOfTheMappingAtTheCursor() throws {
        let (client, _) = try Self.session()
        var lines = CLIRunner.bundledSpec.components(separatedBy: "\n")
        lines.insert("    cont", at: 70)   // inside model llama-3-70b, below `team: search`; the YAML does not parse
        try client.change(Self.specURI, text: lines.joined(separator: "\n"), version: 2)
        _ = try client.diagnostics(for: Self.specURI)
        let reply = try client.request("textDocument/completion", LSPClient.position(Self.specURI, line: 70, character: 8))
        let items = value(reply, "result", "items") as? [[String: Any]] ?? []
        #expect(items.map { $0["label"] as? String } == ["contextLength"])
        #expect(value(items.first, "textEdit", "newText") as? String == "contextLength: ")
        #expect(rangeArray(value(items.first, "textEdit", "range")) == [70, 4, 70, 8])
    }

    @Test func completionOffersTheTeamsForATeamValue() throws {
        let (client, _) = try Self.session()
        let edited = CLIRunner.bundledSpec
            .replacingOccurrences(of: "  - name: llama-3-70b\n    team: search\n", with: "  - name: llama-3-70b\n    team: \n")
        try client.change(Self.specURI, text: edited, version: 2)
        _ = try client.diagnostics(for: Self.specURI)
        let reply = try client.request("textDocument/completion", LSPClient.position(Self.specURI, line: 69, character: 10))
        let items = value(reply, "result", "items") as? [[String: Any]] ?? []
        #expect(items.map { $0["label"] as? String } == ["platform", "research", "search", "support"])
        #expect(items.allSatisfy { $0["kind"] as? Int == 18 })
    }

    @Test func definitionOfARoutesModelIsTheModelsName() throws {
        let (client, _) = try Self.session()
        // Line 146: `      - { model: llama-3-70b, weight: 90 }`.
        let reply = try client.request("textDocument/definition", LSPClient.position(Self.specURI, line: 145, character: 20))
        let locations = reply["result"] as? [[String: Any]] ?? []
        try #require(locations.count == 1)
        #expect(locations[0]["uri"] as? String == Self.specURI)
        #expect(rangeArray(locations[0]["range"]) == [68, 10, 68, 21])
    }

    @Test func referencesOfAModelAreEveryPlaceThatNamesIt() throws {
        let (client, _) = try Self.session()
        var params = LSPClient.position(Self.specURI, line: 68, character: 12)
        params["context"] = ["includeDeclaration": false]
        let reply = try client.request("textDocument/references", params)
        let ranges = (reply["result"] as? [[String: Any]] ?? []).map { rangeArray($0["range"]) }
        // canaryOf (line 95), the chat route's backend (146), the ops-assistant agent (194).
        #expect(ranges == [[94, 14, 94, 25], [145, 17, 145, 28], [193, 11, 193, 22]])
        params["context"] = ["includeDeclaration": true]
        let withDeclaration = try client.request("textDocument/references", params)
        #expect((withDeclaration["result"] as? [Any])?.count == 4)
    }

    @Test func protocolErrorsAreAnsweredAndShutdownExitsZero() throws {
        let client = try LSPClient()
        let early = try client.request("textDocument/hover", LSPClient.position(Self.specURI, line: 0, character: 0))
        #expect(value(early, "error", "code") as? Int == -32002)
        try client.initialize()
        let unknown = try client.request("textDocument/frobnicate", [String: Any]())
        #expect(value(unknown, "error", "code") as? Int == -32601)
        #expect(value(unknown, "error", "message") as? String == "unknown method `textDocument/frobnicate`")
        // A header without Content-Length, then a body that is not JSON: each gets a ParseError, the session goes on.
        client.sendRaw(Data("Content-Lenght: 2\r\n\r\n".utf8))
        let malformed = try client.next { $0["error"] != nil && $0["id"] is NSNull }
        #expect(value(malformed, "error", "code") as? Int == -32700)
        #expect(value(malformed, "error", "message") as? String == "malformed message frame: header block has no `Content-Length`")
        client.sendRaw(Data("Content-Length: 5\r\n\r\n{nope".utf8))
        let notJSON = try client.next { $0["error"] != nil && $0["id"] is NSNull }
        #expect(value(notJSON, "error", "message") as? String == "the message is not valid JSON")
        let shutdown = try client.request("shutdown")
        #expect(shutdown["result"] is NSNull)
        #expect(shutdown["error"] == nil)
        let late = try client.request("textDocument/hover", LSPClient.position(Self.specURI, line: 0, character: 0))
        #expect(value(late, "error", "code") as? Int == -32600)
        try client.notify("exit")
        #expect(try client.waitForExit() == 0)
    }

    @Test func exitWithoutShutdownExitsOne() throws {
        let client = try LSPClient()
        try client.initialize()
        try client.notify("exit")
        #expect(try client.waitForExit() == 1)
    }

    /// Files a spec names are read as `check` reads them: inside the spec's folder or repository only.
    @Test func aTopologyFileOutsideTheSpecsFolderIsRefusedAsCheckRefusesIt() throws {
        let spec = CLIRunner.bundledSpec.replacingOccurrences(
            of: "        instanceType: p5.48xlarge       # 8x H100-SXM-80GB on NVSwitch, 32 EFA NICs\n",
            with: "        instanceType: p5.48xlarge\n        topologyFile: ../outside.xml\n")
        let dir = try CLIRunner.workspace(spec: spec)
        try "<system/>".write(to: dir.deletingLastPathComponent().appendingPathComponent("outside.xml"), atomically: true, encoding: .utf8)
        let check = try CLIRunner.run(["check", "--diagnostics", "json"], in: dir)
        let expected = Self.withoutPriceWarnings(try JSONSerialization.jsonObject(with: Data(check.stderr.utf8)) as? [[String: Any]] ?? [])
        try #require(expected.count == 1)

        let client = try LSPClient()
        try client.initialize()
        let uri = "file://" + dir.appendingPathComponent("platform.yaml").path
        try client.open(uri, text: spec)
        let diagnostics = Self.diagnostics(try client.diagnostics(for: uri))
        try #require(diagnostics.count == 1)
        #expect(diagnostics[0]["code"] as? String == "E8020")
        #expect(diagnostics[0]["code"] as? String == expected[0]["code"] as? String)
        #expect(diagnostics[0]["message"] as? String == """
            \(expected[0]["message"] as? String ?? "")\nhelp: \(expected[0]["help"] as? String ?? "")
            """)
        #expect(value(diagnostics[0], "range", "start", "line") as? Int == (expected[0]["line"] as? Int ?? 0) - 1)
        #expect(value(diagnostics[0], "range", "start", "character") as? Int == (expected[0]["column"] as? Int ?? 0) - 1)
        #expect(rangeArray(diagnostics[0]["range"]) == [21, 22, 21, 36])
    }
}
