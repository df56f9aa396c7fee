import PlatformDiagnostics
import PlatformDocument
import Testing

/// Rendering many diagnostics at once finds each snippet through one line index per file: the
/// output must be exactly what rendering them one by one gives, and each snippet the line the
/// diagnostic names (checked against a plain split of the source).
@Suite struct DiagnosticRendererLineIndexTests {
    static let lineCount = 3_000
    static let source = (1...lineCount).map { "  key\($0): value \($0)" }.joined(separator: "\n") // no final newline
    static let other = "first: 1\r\nsecond: 2\r\n"

    static var diagnostics: [Diagnostic] {
        var all: [Diagnostic] = []
        for line in stride(from: 1, through: lineCount, by: 7) + [lineCount, lineCount + 1, 0] {
            all.append(Diagnostic(.warning, "W3002", "warning at line \(line)", at: SourceLocation(file: "a.yaml", line: line, column: 3),
                                  notes: [DiagnosticNote("declared here", at: SourceLocation(file: "a.yaml", line: 1, column: 1))],
                                  help: "fix it"))
        }
        all.append(Diagnostic(.error, "E1001", "in the other file", at: SourceLocation(file: "b.yaml", line: 2, column: 1)))
        all.append(Diagnostic(.error, "E1002", "in a file without source", at: SourceLocation(file: "c.yaml", line: 1, column: 1)))
        all.append(Diagnostic(.error, "E1003", "nowhere", at: nil))
        var secret = Diagnostic(.error, "E1004", "redacted", at: SourceLocation(file: "a.yaml", line: 5, column: 1))
        secret.redactsSource = true
        all.append(secret)
        return all
    }

    var renderer: DiagnosticRenderer { DiagnosticRenderer(sources: ["a.yaml": Self.source, "b.yaml": Self.other]) }

    @Test func batchEqualsOneByOne() {
        let batch = renderer.render(Self.diagnostics, as: .text)
        #expect(batch == Self.diagnostics.map(renderer.text).joined())
    }

    @Test func snippetsShowTheNamedLine() {
        let lines = Self.source.split(separator: "\n", omittingEmptySubsequences: false)
        let batch = renderer.render(Self.diagnostics, as: .text)
        for line in [1, 8, 1_500, Self.lineCount] where (line - 1) % 7 == 0 || line == Self.lineCount {
            let gutter = String(line), pad = String(repeating: " ", count: gutter.count)
            #expect(batch.contains("""
                a.yaml:\(line):3: warning[W3002]: warning at line \(line)\n\(pad) |\n\(gutter) | \(lines[line - 1])\n\(pad) |   ^\n
                """))
        }
        // Past the end or line 0: no snippet; CRLF: the "\r" is not shown.
        #expect(batch.contains("a.yaml:\(Self.lineCount + 1):3: warning[W3002]: warning at line \(Self.lineCount + 1)\n  = note:"))
        #expect(batch.contains("b.yaml:2:1: error[E1001]: in the other file\n  |\n2 | second: 2\n  | ^\n"))
        #expect(batch.contains("c.yaml:1:1: error[E1002]: in a file without source\n")
            && !batch.contains("E1002]: in a file without source\n  |"))
        #expect(batch.contains("a.yaml:5:1: error[E1004]: redacted\n") && !batch.contains("E1004]: redacted\n  |"))
    }
}
