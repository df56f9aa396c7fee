import PlatformCore
import PlatformDiagnostics
import Testing

/// The spec loader and `ManifestValue.parse` (templates from pull requests) share `YAMLLimits`.
@Suite struct YAMLLimitsTests {
    func parseError(_ yaml: String) -> ManifestParseError? {
        do { _ = try ManifestValue.parse(yaml: yaml); return nil } catch { return error as? ManifestParseError }
    }

    func load(_ yaml: String) -> [String] {
        var bag = DiagnosticBag()
        _ = YAMLLoader(file: "p.yaml").load(Array(yaml.utf8), into: &bag)
        return bag.sorted.map { "\($0.code): \($0.message)" }
    }

    /// Ten levels of ten aliases: 10^6 nodes from a few lines.
    static let laughs: String = {
        var text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...6 { text += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        return text
    }()

    static let aliasedMegabyte: String = {
        "a: &a " + String(repeating: "x", count: 1 << 20) + "\n" + (1..<10).map { "b\($0): *a\n" }.joined()
    }()

    @Test func templateAliasBombIsRefusedByNodes() {
        #expect(parseError(Self.laughs)?.message == "expanding aliases produces more than 200000 nodes")
    }

    @Test func templateAliasedTextIsRefusedByBytes() {
        #expect(parseError(Self.aliasedMegabyte)?.message == "expanding aliases produces more than 4 MiB of text beyond the file's own")
    }

    @Test func templateDepthAndEntriesAreBounded() {
        #expect(parseError(String(repeating: "[", count: 1_000))?.message == "nests deeper than 200 levels")
        #expect(parseError((0..<200_001).map { "k\($0): 1\n" }.joined())?.message == "more than 200000 entries (lines and flow items)")
    }

    /// Yams puts the whole text in its errors; a template error carries libyaml's problem only.
    @Test func templateSyntaxErrorsCarryNoText() {
        let error = parseError("metadata:\n  token: ghp_0123456789abcdefghij: x\n")
        #expect(error?.description == "2:34: invalid YAML: mapping values are not allowed in this context")
        #expect(parseError("a: 1\na: ghp_secret\n")?.message == "duplicate key in mapping")
    }

    @Test func specAliasBombsAndLargeDocumentsHaveTheirOwnWords() {
        #expect(load(Self.laughs) == ["E1006: expanding aliases produces more than 200000 nodes"])
        #expect(load(Self.aliasedMegabyte) == ["E1006: expanding aliases produces more than 4 MiB of text beyond the file's own"])
        #expect(load((0..<150_000)
            .map { "k\($0): 1\n" }.joined()) == ["E1090: the spec has more than 200000 nodes (keys, values and list items)"])
    }

    @Test func anchorsAreRecognisedOnlyWhereYAMLAllowsThem() {
        #expect(YAMLLimits.mayHaveAnchors("a: &x 1\nb: *x\n"))
        #expect(YAMLLimits.mayHaveAnchors("- &x [1]\n"))
        #expect(!YAMLLimits.mayHaveAnchors("team: R & D\nurl: a?b=1&c=2\n"))
    }
}
