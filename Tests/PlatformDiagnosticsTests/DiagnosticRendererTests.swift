import Foundation
import PlatformDiagnostics
import PlatformDocument
import Testing

/// The three formats byte for byte: located line, snippet with caret, notes, help; JSON keys
/// sorted; GitHub workflow commands escaped.
@Suite struct DiagnosticRendererTests {
    static let source = "apiVersion: platformc/v1alpha1\nteams:\n  - name: Search\n"
    static let located = Diagnostic(.error, "E1021", "team name `Search` is not a DNS-1123 label",
                                    at: PlatformDiagnostics.SourceLocation(file: "platform.yaml", line: 3, column: 11),
                                    notes: [DiagnosticNote("first defined here",
                                        at: PlatformDiagnostics.SourceLocation(file: "platform.yaml", line: 2, column: 1))],
                                    help: "use lower-case letters, e.g. `search`")

    @Test func textShowsTheLineWithACaretThenNotesAndHelp() {
        let text = DiagnosticRenderer(sources: ["platform.yaml": Self.source]).render([Self.located], as: .text)
        #expect(text == """
            platform.yaml:3:11: error[E1021]: team name `Search` is not a DNS-1123 label
              |
            3 |   - name: Search
              |           ^
              = note: first defined here (platform.yaml:2:1)
              = help: use lower-case letters, e.g. `search`

            """)
    }

    @Test func noSnippetWithoutSourceOrWhenAsked() {
        let expected = "platform.yaml:3:11: error[E1021]: team name `Search` is not a DNS-1123 label\n"
            + "  = note: first defined here (platform.yaml:2:1)\n  = help: use lower-case letters, e.g. `search`\n"
        #expect(DiagnosticRenderer().render([Self.located], as: .text) == expected)
        #expect(DiagnosticRenderer(sources: ["platform.yaml": Self.source], snippets: false).render([Self.located], as: .text) == expected)
        var hidden = Self.located
        hidden.redactsSource = true
        #expect(DiagnosticRenderer(sources: ["platform.yaml": Self.source]).render([hidden], as: .text) == expected)
        let unlocated = Diagnostic(.warning, "W6004", "pod template lacks `runAsNonRoot: true`", at: nil)
        #expect(DiagnosticRenderer().text(unlocated) == "warning[W6004]: pod template lacks `runAsNonRoot: true`\n")
    }

    @Test func controlCharactersInTheSnippetAreReplaced() {
        let d = Diagnostic(.error, "E1001", "invalid YAML", at: PlatformDiagnostics.SourceLocation(file: "p.yaml", line: 1, column: 3))
        let text = DiagnosticRenderer(sources: ["p.yaml": "a:\u{1B}[31m x\n"]).text(d)
        #expect(text.contains("1 | a:\u{FFFD}[31m x\n"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test func jsonHasSortedKeysAndEveryField() throws {
        let json = DiagnosticRenderer().render([Self.located], as: .json)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(objects.count == 1)
        #expect(objects[0]["code"] as? String == "E1021")
        #expect(objects[0]["line"] as? Int == 3 && objects[0]["column"] as? Int == 11)
        #expect(objects[0]["help"] as? String == "use lower-case letters, e.g. `search`")
        #expect((objects[0]["notes"] as? [[String: Any]])?.first?["line"] as? Int == 2)
        let keys = json.split(separator: "\n").filter { $0.hasPrefix("    \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == ["code", "column", "file", "help", "line", "message", "notes", "severity"])
    }

    @Test func githubEscapesDataAndProperties() {
        let d = Diagnostic(.warning, "P7001", "image `a:latest` is 100% unpinned\nsecond line",
                           at: PlatformDiagnostics.SourceLocation(file: "dir,x/p:1.yaml", line: 4, column: 2), help: "pin a digest")
        #expect(DiagnosticRenderer().github(d)
                == """
                    ::warning file=dir%2Cx/p%3A1.yaml,line=4,col=2,title=P7001::image `a:latest` is 100%25 unpinned%0Asecond line%0Ahelp: \
                    pin a digest\n
                    """)
    }
}
