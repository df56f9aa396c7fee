import Foundation
import PlatformDiagnostics
import PlatformDocument
import Testing

/// A large batch of diagnostics is redacted and rendered in runs on all cores: the result must be
/// the one-at-a-time result, in the same order, byte for byte, on both sides of the batch size
/// from which runs are used.
@Suite struct DiagnosticBatchTests {
    static let secret = "sk_proj_AbCdEfGhIjKlMnOpQrStUv0123"
    static let lineCount = 400
    /// Every 10th line shows the secret, every 13th a control character, every 17th a `tok_` shape.
    static let source = (1...lineCount).map { line -> String in
        line % 10 == 0 ? "  key\(line): \(secret)" : line % 13 == 0 ? "  key\(line): a\u{1B}b" : line % 17 == 0
            ? "  key\(line): tok_abc\(line)"
            : "  key\(line): value \(line)"
    }.joined(separator: "\n")

    static var redaction: DiagnosticRedaction {
        var redaction = DiagnosticRedaction(detector: CredentialDetector(
            ranges: { text in
                var found: [Range<String.Index>] = []
                var start = text.startIndex
                while let range = text.range(of: #"tok_[A-Za-z0-9]+"#, options: .regularExpression, range: start..<text.endIndex) {
                    found.append(range)
                    start = range.upperBound
                }
                return found
            },
            showsCredential: { $0.contains("tok_") }))
        redaction.hide(secret, at: SourceLocation(file: "a.yaml", line: 10, column: 10))
        return redaction
    }

    /// `count` diagnostics, some naming the secret or a shape, some duplicates once redacted, in no order.
    static func diagnostics(_ count: Int) -> [Diagnostic] {
        (0..<count).map { i in
            let line = (i * 37) % (lineCount + 2)
            let message = i % 5 == 0 ? "value `\(secret)` is wrong" : i % 7 == 0 ? "shape tok_x\(i) seen" : "finding \(i % 50)"
            return Diagnostic(i % 3 == 0 ? .error : .warning, i % 2 == 0 ? "W2401" : "E1001", message,
                              at: i % 11 == 0 ? nil
                                  : SourceLocation(file: i % 9 == 0 ? "b.yaml" : "a.yaml", line: line, column: 1 + i % 30),
                              notes: [DiagnosticNote("note \(i % 4) \(i % 6 == 0 ? secret.uppercased() : "")",
                                                     at: SourceLocation(file: "a.yaml", line: 1 + i % 5, column: 1))],
                              help: i % 4 == 0 ? "use `\(secret.lowercased().replacingOccurrences(of: "_", with: "-"))`" : nil)
        }
    }

    static let sizes = [0, 1, 2, DiagnosticRedaction.concurrentBatch - 1, DiagnosticRedaction.concurrentBatch,
                        DiagnosticRedaction.concurrentBatch + 1, 1_000]

    @Test(arguments: sizes)
    func batchRedactionIsTheSerialMap(count: Int) {
        let all = Self.diagnostics(count), redaction = Self.redaction
        #expect(redaction.apply(all) == all.map(redaction.apply))
        #expect(DiagnosticRedaction().apply(all) == all)
    }

    @Test(arguments: sizes)
    func sortedIsRedactedDeduplicatedAndOrdered(count: Int) {
        var bag = DiagnosticBag()
        bag.redaction = Self.redaction
        for d in Self.diagnostics(count) { bag.report(d) }
        var seen = Set<Diagnostic>()
        let expected = bag.all.map(bag.redaction.apply).filter { seen.insert($0).inserted }.sorted(by: Diagnostic.ordered)
        #expect(bag.sorted == expected)
        #expect(bag.sorted.allSatisfy { !$0.message.contains(Self.secret) })
    }

    @Test(arguments: sizes)
    func batchTextIsOneByOneJoined(count: Int) {
        let renderer = DiagnosticRenderer(sources: ["a.yaml": Self.source, "b.yaml": "x: 1\r\n"], redaction: Self.redaction)
        let all = Self.diagnostics(count)
        let text = renderer.text(all)
        #expect(text == all.map(renderer.text).joined())
        #expect(!text.contains(Self.secret) && !text.contains("tok_"))
    }

    /// A control character still shows as U+FFFD, a line without one as it is; the line of a
    /// known secret never shows, with or without surrounding spaces.
    @Test func snippetLinesAsBefore() {
        let renderer = DiagnosticRenderer(sources: ["a.yaml": Self.source], redaction: Self.redaction)
        let at13 = renderer.text(Diagnostic(.warning, "W1", "m", at: SourceLocation(file: "a.yaml", line: 13, column: 3)))
        #expect(at13.contains("13 |   key13: a\u{FFFD}b\n"))
        let at1 = renderer.text(Diagnostic(.warning, "W1", "m", at: SourceLocation(file: "a.yaml", line: 1, column: 3)))
        #expect(at1.contains("1 |   key1: value 1\n"))
        var redaction = DiagnosticRedaction()
        redaction.hide(Self.secret, at: nil)
        #expect(redaction.hidesLine("   \(Self.secret)  ", line: 1, file: "a.yaml"))
        #expect(redaction.hidesLine("  sk_proj_AbC  ", line: 1, file: "a.yaml"))
        #expect(!redaction.hidesLine("  key: value  ", line: 1, file: "a.yaml"))
        #expect(!DiagnosticRedaction().hidesLine("  \(Self.secret)  ", line: 1, file: "a.yaml"))
    }
}
