import Foundation
import Testing
@testable import PlatformCLI
import PlatformCore

/// The pure parts of `platformc lsp`: framing, positions, the cursor's YAML path.
@Suite struct LSPUnitTests {
    @Test func framesSplitAcrossReadsAndBackToBack() {
        var reader = FrameReader()
        let one = FrameReader.frame(Array(#"{"a":1}"#.utf8)), two = FrameReader.frame(Array(#"{"b":2}"#.utf8))
        let bytes = one + two
        reader.append(bytes[0..<10])
        #expect(reader.next() == nil)
        reader.append(bytes[10...])
        #expect(reader.next() == .message(Array(#"{"a":1}"#.utf8)))
        #expect(reader.next() == .message(Array(#"{"b":2}"#.utf8)))
        #expect(reader.next() == nil)
    }

    @Test func malformedHeadersAreReportedAndSkipped() {
        var reader = FrameReader()
        reader.append(Array("Content-Length: x\r\n\r\n".utf8) + FrameReader.frame(Array("{}".utf8)))
        #expect(reader.next() == .malformed("`Content-Length` is not a number: `x`"))
        #expect(reader.next() == .message(Array("{}".utf8)))
        reader
            .append(Array("Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n{}".utf8)
                + FrameReader.frame(Array("[]".utf8)))
        #expect(reader.next() == .malformed("unsupported charset `latin1`: only utf-8 is supported"))
        #expect(reader.next() == .message(Array("[]".utf8)))
        reader.append(Array("Content-Length: \(FrameReader.maxContentBytes + 1)\r\n\r\n".utf8))
        #expect(reader.next() == .malformed("`Content-Length` 67108865 is over the 64 MiB limit"))
    }

    @Test func positionsCountTheNegotiatedUnits() {
        // `é` is 2 UTF-8 bytes and 1 UTF-16 unit; `𐐀` is 4 bytes and 2 UTF-16 units (LSP 3.17 `types/position.md`).
        let text = "a: é𐐀 x\n"
        // The `x` is scalar 6 (0-based): before it 6 scalars, 7 UTF-16 units, 10 UTF-8 bytes.
        #expect(DocumentText(text, encoding: .utf16).position(line: 0, scalarColumn: 6) == TextPosition(line: 0, character: 7))
        #expect(DocumentText(text, encoding: .utf8).position(line: 0, scalarColumn: 6) == TextPosition(line: 0, character: 10))
        #expect(DocumentText(text, encoding: .utf32).position(line: 0, scalarColumn: 6) == TextPosition(line: 0, character: 6))
        #expect(DocumentText(text, encoding: .utf16).scalarColumn(TextPosition(line: 0, character: 7)) == 6)
        // A position inside the surrogate pair of `𐐀` rounds up to the next scalar.
        #expect(DocumentText(text, encoding: .utf16).scalarColumn(TextPosition(line: 0, character: 5)) == 5)
    }

    @Test func tokenRangesEndAtTheKeyOrValue() {
        let text = DocumentText("  replica: { min: 2 }\n  - { model: \"llama\", weight: 9 } # c\n", encoding: .utf16)
        #expect(text.tokenRange(line: 1, column: 3) == TextRange(start: .init(line: 0, character: 2), end: .init(line: 0, character: 9)))
        #expect(text.tokenRange(line: 2, column: 14) == TextRange(start: .init(line: 1, character: 13), end: .init(line: 1, character: 20)))
        #expect(text.tokenRange(line: 2, column: 31) == TextRange(start: .init(line: 1, character: 30), end: .init(line: 1, character: 31)))
    }

    @Test func cursorPathsInBlockAndFlowStyle() {
        let text = DocumentText("""
            models:
              - name: a
                gpu: { model: H100, co
                placement:
                  pool: 
            routes:
            - name: r
              backends:
                - { model: a }
                -\u{20}
            """, encoding: .utf16)
        #expect(YAMLCursor(text: text, line: 2, column: 26) == YAMLCursor(path: [.key("models"), .item, .key("gpu")], role: .key,
            prefix: "co", prefixStart: 24))
        #expect(YAMLCursor(text: text, line: 4, column: 12) == YAMLCursor(path: [.key("models"), .item, .key("placement")],
            role: .value(key: "pool"), prefix: "", prefixStart: 12))
        #expect(YAMLCursor(text: text, line: 1, column: 6) == YAMLCursor(path: [.key("models"), .item], role: .item, prefix: "na",
            prefixStart: 4))
        #expect(YAMLCursor(text: text, line: 8, column: 17).path == [.key("routes"), .item, .key("backends"), .item])
        #expect(YAMLCursor(text: text, line: 9, column: 6) == YAMLCursor(path: [.key("routes"), .item, .key("backends"), .item],
            role: .item, prefix: "", prefixStart: 6))
    }

    /// An unsaved buffer has no folder: nothing beside it is read, and it is still checked.
    @Test func aDocumentThatIsNoFileReadsNoFiles() {
        var server = LanguageServer { path, _ in
            Issue.record("read the files of \(path)")
            return CompileInput(specPath: path, spec: [], templates: TemplateSet(), templateProblems: [])
        }
        func message(_ object: JSONValue) -> [UInt8] { object.bytes }
        _ = server.handle(message(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]]))
        let out = server.handle(message(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": [
            "textDocument": ["uri": "untitled:Untitled-1", "languageId": "yaml", "version": 1,
                "text": "apiVersion: platformc/v1alpha1\nkind: Platform\n"],
        ]]))
        #expect(out.count == 1)
        #expect(out.first?["method"]?.string == "textDocument/publishDiagnostics")
        let codes = out.first?["params"]?["diagnostics"]?.array?.compactMap { $0["code"]?.string } ?? []
        #expect(codes == ["E1012", "E1012", "E1012"])  // metadata, clusters, teams, as `check` says
    }
}
