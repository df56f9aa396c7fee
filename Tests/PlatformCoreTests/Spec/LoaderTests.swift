import PlatformCore
import PlatformDiagnostics
import Testing

@Suite struct LoaderTests {
    func load(_ text: String) -> (SpecNode?, DiagnosticBag) {
        var bag = DiagnosticBag()
        let node = YAMLLoader(file: "t.yaml").load(Array(text.utf8), into: &bag)
        return (node, bag)
    }

    /// Locations anchor on key scalars and values, 1-based, as editors count them.
    @Test func marksPointAtKeysAndValues() throws {
        let (node, bag) = load("a:\n  b: 1\n  c:\n    - x\n    - { d: y }\n")
        #expect(!bag.hasErrors)
        let root = try #require(node)
        let a = try #require(root.pairs?.first)
        #expect((a.key.location.line, a.key.location.column) == (1, 1))
        let b = try #require(root["a"]?.pairs?.first)
        #expect((b.key.location.line, b.key.location.column) == (2, 3))
        #expect((b.value.location.line, b.value.location.column) == (2, 6))
        let items = try #require(root["a"]?["c"]?.items)
        #expect((items[1]["d"]!.location.line, items[1]["d"]!.location.column) == (5, 12))
        // A block mapping's own mark is its first key, not where the collection ends.
        #expect((root["a"]!.location.line, root["a"]!.location.column) == (2, 3))
    }

    @Test func quotedScalarsStayStrings() throws {
        let (node, _) = load("a: \"1.20\"\nb: 1.20\nc: 'yes'\n")
        let root = try #require(node)
        #expect(root["a"]?.scalar?.quoted == true)
        #expect(root["a"]?.scalar?.double == nil)
        #expect(root["b"]?.scalar?.double == 1.2)
        #expect(root["c"]?.scalar?.bool == nil)
    }

    @Test func smallAliasesExpand() throws {
        let (node, bag) = load("base: &b { min: 1 }\nother: *b\n")
        #expect(!bag.hasErrors)
        #expect(node?["other"]?["min"]?.scalar?.int == 1)
    }

    @Test func duplicateKeysReportBothPlaces() {
        let (_, bag) = load("a: 1\nb: 2\na: 3\n")
        let d = bag.sorted
        #expect(d.count == 1)
        #expect(d.first?.code == SpecCodes.duplicateKey)
        #expect(d.first?.location == SourceLocation(file: "t.yaml", line: 3, column: 1))
        #expect(d.first?.notes.first?.location == SourceLocation(file: "t.yaml", line: 1, column: 1))
    }
}
