@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import PlatformDiagnostics
import Testing

/// The loader's text checks split lines on bytes; they must see the lines `split` by Character
/// gives, CR LF (one Character) and combining marks after a line feed included.
@Suite struct LoaderLinesTests {
    @Test func sameLinesAsSplittingByCharacter() {
        let fragments = ["a", " ", "\t", "#", "\n", "\r", "\r\n", "\u{301}", "é", "🔑", "\n\u{301}", ":", "- "]
        var random = SeededGenerator(seed: 4)
        var cases = ["", "\n", "\n\n", "a", "a\n", "\r\n", "a\r\nb", "a\rb\nc", "\r\r\n\n", "x\n\u{301}y"]
        for _ in 0..<3_000 {
            cases.append((0..<Int.random(in: 0...12, using: &random)).map { _ in fragments.randomElement(using: &random)! }.joined())
        }
        for text in cases {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            let lines = YAMLLoader.lines(of: text)
            #expect(lines == expected, "\(Array(text.unicodeScalars))")
            #expect(lines.map { $0.startIndex } == expected.map { $0.startIndex })
        }
    }

    @Test func tabAfterCRLFIsFoundWhereSplittingFoundIt() {
        // A CR LF file is one Character-line, so the tab check sees no indentation tab and the
        // parser reports the file instead: the same as before the byte-wise split.
        var bag = DiagnosticBag()
        _ = YAMLLoader(file: "t.yaml").load(Array("a:\r\n\tb: 1\r\n".utf8), into: &bag)
        #expect(!bag.all.contains { $0.code == SpecCodes.tabIndentation })
        var lf = DiagnosticBag()
        _ = YAMLLoader(file: "t.yaml").load(Array("a:\n\tb: 1\n".utf8), into: &lf)
        #expect(lf.all.map(\.code) == [SpecCodes.tabIndentation])
    }
}
