import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// The docs that are generated or promised stay in step with the code.
@Suite struct DocumentationTests {
    static let root = Golden.repoRoot

    @Test func everyDiagnosticCodeIsDocumented() throws {
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        var missing: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: Self.root.appendingPathComponent("Sources").path)
        let pattern = try NSRegularExpression(pattern: #"DiagnosticCode = "([EWPN][0-9]{4})""#)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: Self.root.appendingPathComponent("Sources/\(path)"), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let code = String(text[Range(match.range(at: 1), in: text)!])
                if !docs.contains(code) { missing.append("\(code) (\(path))") }
            }
        }
        #expect(missing == [])
    }

    @Test func readmeSpecReferenceIsCurrent() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- spec-reference:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- spec-reference:end -->"))
        let section = String(readme[begin.upperBound..<end.lowerBound])
        let bytes = [UInt8](try Data(contentsOf: Self.root.appendingPathComponent("platform.yaml")))
        var bag = PlatformDiagnostics.DiagnosticBag()
        let example = FrontEnd(file: "platform.yaml").effectiveDocument(bytes, into: &bag)
        let generated = SpecReference.markdown(example: example)
        if section != generated {
            Issue.record("""
                README spec reference is stale; regenerate with `platformc schema --markdown`:\n\(Golden.unifiedDiff(section, generated))
                """)
        }
    }

    @Test func publishedSchemaIsCurrent() throws {
        let published = try String(contentsOf: Self.root.appendingPathComponent("docs/platform.schema.json"), encoding: .utf8)
        #expect(published == JSONSchemaGenerator.schema(), "docs/platform.schema.json is stale; regenerate with `platformc schema`")
    }
}
