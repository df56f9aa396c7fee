import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// Each directory of Tests/Cases/bad-specs holds a spec and the exact diagnostics `platformc check`
/// prints for it (`expected.txt`): code, line, column, message, snippet, notes and help.
@Suite struct BadSpecTests {
    static let names = Golden.cases("bad-specs")

    @Test func catalogueIsLarge() {
        #expect(Self.names.count >= 40)
    }

    @Test(arguments: names) func diagnostics(_ name: String) throws {
        let dir = Golden.casesDir.appendingPathComponent("bad-specs/\(name)")
        let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent("platform.yaml")))
        var bag = DiagnosticBag()
        let platform = FrontEnd(file: "platform.yaml").run(bytes, into: &bag)
        #expect(platform == nil, "a bad spec must not produce a platform")
        #expect(bag.hasErrors)
        let text = DiagnosticRenderer(sources: ["platform.yaml": String(decoding: bytes, as: UTF8.self)]).render(bag.sorted, as: .text)
        Golden.check(text, against: dir.appendingPathComponent("expected.txt"))
    }
}

@Suite struct GoodSpecTests {
    @Test(arguments: Golden.cases("good-specs")) func compilesCleanly(_ name: String) throws {
        let url = Golden.casesDir.appendingPathComponent("good-specs/\(name)/platform.yaml")
        var bag = DiagnosticBag()
        let platform = FrontEnd(file: "platform.yaml").run([UInt8](try Data(contentsOf: url)), into: &bag)
        #expect(platform != nil)
        #expect(bag.sorted.map { DiagnosticRenderer(snippets: false).text($0) } == [])
    }
}
