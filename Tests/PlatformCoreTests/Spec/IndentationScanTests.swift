@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import PlatformDiagnostics
import Testing

/// `YAMLLimits.Indentation` finds the indentation tab and the too-deep line in one pass over the
/// bytes; it must report what the two line-by-line checks it replaced reported (the tab check on
/// Unicode scalars, the depth check on Characters), CR LF and combining marks included.
@Suite struct IndentationScanTests {
    /// The loader's tab check before the single pass: each line's scalars, spaces then a tab.
    static func tabByLines(_ text: String) -> YAMLLimits.Position? {
        var lineNumber = 0
        for line in YAMLLimits.lines(of: text) {
            lineNumber += 1
            var column = 0
            for ch in line.unicodeScalars {
                column += 1
                if ch == " " { continue }
                if ch == "\t" { return YAMLLimits.Position(line: lineNumber, column: column) }
                break
            }
        }
        return nil
    }

    /// The depth check before the single pass: each line's leading space Characters.
    static func tooDeepByLines(_ text: String) -> YAMLLimits.Position? {
        var lineNumber = 0
        for line in YAMLLimits.lines(of: text) {
            lineNumber += 1
            let indent = line.prefix { $0 == " " }.count
            if indent > YAMLLimits.maxDepth * 4 { return YAMLLimits.Position(line: lineNumber, column: indent + 1) }
        }
        return nil
    }

    @Test func sameFindingsAsTheLineByLineChecks() {
        let deep = String(repeating: " ", count: YAMLLimits.maxDepth * 4)
        let fragments = ["a", " ", "  ", "\t", "#", "\n", "\r", "\r\n", "\u{301}", "é", "🔑", "\n\u{301}", ": ", "- ", deep, deep + " "]
        var random = SeededGenerator(seed: 18)
        var cases = ["", "\n", "\t", " \t", "a\n\tb", "a:\r\n\tb: 1\r\n", deep + " x", deep + "x", deep + " \u{301}x",
                     "a\n" + deep + "  \u{301}\n", "a\r\n" + deep + "  x", "\n" + deep + " \t"]
        for _ in 0..<3_000 {
            cases.append((0..<Int.random(in: 0...10, using: &random)).map { _ in fragments.randomElement(using: &random)! }.joined())
        }
        for text in cases {
            let scan = YAMLLimits.Indentation(text)
            #expect(scan.tab == Self.tabByLines(text), "\(Array(text.unicodeScalars.prefix(40)))")
            #expect(scan.tooDeep == Self.tooDeepByLines(text), "\(Array(text.unicodeScalars.prefix(40)))")
        }
    }

    @Test func loaderReportsTabAndDepthWhereTheyAre() {
        var tab = DiagnosticBag()
        _ = YAMLLoader(file: "t.yaml").load(Array("a:\n  b: 1\n  \tc: 2\n".utf8), into: &tab)
        #expect(tab.all.map { "\($0.code) \($0.location.map { "\($0.line):\($0.column)" } ?? "")" } == ["\(SpecCodes.tabIndentation) 3:3"])
        var deep = DiagnosticBag()
        let indent = YAMLLimits.maxDepth * 4 + 2
        _ = YAMLLoader(file: "t.yaml").load(Array("a:\n\(String(repeating: " ", count: indent))b: 1\n".utf8), into: &deep)
        #expect(deep.all.map(\.code) == [SpecCodes.tooDeep])
        #expect(deep.all.first?.message == "the spec nests deeper than \(YAMLLimits.maxDepth) levels (indentation of \(indent) spaces)")
        #expect(deep.all.first?.location?.line == 2 && deep.all.first?.location?.column == indent + 1)
    }
}
