import PlatformCore
import PlatformDiagnostics
import Testing

/// The one pre-scan (`YAMLTextScan`) behind the limits of the spec loader and `ManifestValue.parse`:
/// comments, quotes and block scalars are told from structure as YAML does, so neither a `#` nor a
/// quote inside a plain scalar hides the rest of the text from the bounds, and a block scalar's
/// text is not structure.
@Suite struct YAMLTextScanTests {
    func load(_ yaml: String) -> [String] {
        var bag = DiagnosticBag()
        _ = YAMLLoader(file: "p.yaml").load(Array(yaml.utf8), into: &bag)
        return bag.sorted.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.code): \($0.message)" }
    }

    func parseError(_ yaml: String) -> String? {
        do { _ = try ManifestValue.parse(yaml: yaml); return nil } catch { return (error as? ManifestParseError)?.description }
    }

    /// `x#y` is a plain scalar (a comment needs a space before `#`), so the brackets after it count.
    static let deepAfterHash = "a: [x#y, " + String(repeating: "[", count: 250) + String(repeating: "]", count: 251) + "\n"

    @Test func aHashInsideAScalarDoesNotHideFlowDepth() {
        #expect(load(Self.deepAfterHash) == ["1:209 E1008: the spec nests deeper than 200 levels"])
        #expect(parseError(Self.deepAfterHash) == "1:209: nests deeper than 200 levels")
    }

    /// `5"` is a plain scalar (a quote opens a scalar only where one starts): the lines after it count.
    @Test func aQuoteInsideAScalarDoesNotHideEntries() {
        let text = "note: 5\"\n" + (0..<200_001).map { "k\($0): 1\n" }.joined()
        #expect(load(text) == ["200002:1 E1009: the spec has more than 200000 entries (lines and flow items)"])
        #expect(parseError(text) == "200002:1: more than 200000 entries (lines and flow items)")
    }

    /// An apostrophe in a flow scalar (`it's`) opens nothing either.
    @Test func anApostropheInAFlowScalarDoesNotHideDepth() {
        let text = "a: [it's, " + String(repeating: "[", count: 250) + String(repeating: "]", count: 251) + "\n"
        #expect(parseError(text) == "1:210: nests deeper than 200 levels")
    }

    /// Brackets in a block scalar are text: a prompt may hold them.
    @Test func blockScalarTextIsNotStructure() throws {
        let text = "prompt: |\n  " + String(repeating: "[", count: 300) + "\n  # not a comment, \"not a quote\nnext: 1\n"
        let value = try ManifestValue.parse(yaml: text)
        #expect(value["prompt"]?.stringValue == String(repeating: "[", count: 300) + "\n# not a comment, \"not a quote\n")
        #expect(value["next"] == 1)
        #expect(!load(text).contains { $0.contains("E1008") })
    }

    @Test func quotedScalarsEndAsYAMLEndsThem() {
        let scan = YAMLTextScan("a: 'it''s [' \nb: \"x\\\" [\"\nc: [1, 2]\n")
        #expect(scan.flowDepthExceeded == nil)
        let deep = YAMLTextScan("a: 'x'\n" + "b: [" + String(repeating: "[", count: 200) + "\n").flowDepthExceeded
        #expect(deep?.line == 2 && deep?.column == 204)
    }

    @Test func anchorsInsideQuotesOrCommentsAreNotAnchors() {
        #expect(!YAMLLimits.mayHaveAnchors("a: '&x 1'\nb: \"&y\" # &z c\n"))
        #expect(YAMLLimits.mayHaveAnchors("a: 'q'\nb: &x 1\n"))
    }
}
