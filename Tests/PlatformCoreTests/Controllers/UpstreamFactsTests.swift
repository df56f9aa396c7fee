import Foundation
@testable import PlatformCore
import Testing

/// `docs/upstream-facts.md` lists every upstream fact the controllers model and the will-it-run
/// pass rely on, mechanically: the doc's table is `UpstreamFacts.markdownTable`; every file a
/// citation comment of ours names (a backticked `….go`, `.md`, `.yaml`, `.tpl`) in those sources
/// has an entry citing it from that source; and every entry's source really names its file.
@Suite struct UpstreamFactsTests {
    static let sources = Golden.repoRoot.appendingPathComponent("Sources")
    static let doc = Golden.repoRoot.appendingPathComponent("docs/upstream-facts.md")
    static let begin = "<!-- upstream-facts:begin -->\n", end = "<!-- upstream-facts:end -->"

    /// The model's and the pass's sources: every file of `Controllers/`, and the pass's rules elsewhere.
    static func scannedFiles() throws -> [String] {
        let controllers =
            try FileManager.default.contentsOfDirectory(atPath: sources.appendingPathComponent("PlatformCore/Controllers").path)
            .filter { $0.hasSuffix(".swift") && $0 != "UpstreamFacts.swift" }.map { "PlatformCore/Controllers/" + $0 }
        return controllers.sorted()
            + ["PlatformFrontEnd/IR/NodeProvisioning.swift", "PlatformFrontEnd/Validation/Rules/NodePoolProvisioningRule.swift",
                                       "PlatformCore/Controllers/PodSecurityStandard.swift",
                                       "PlatformCore/Emitters/Security/PodSecurityLevels.swift"]
    }

    static func citations(in text: String) -> Set<String> {
        var found: Set<String> = []
        for line in text.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            let parts = line.split(separator: "`", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() where index % 2 == 1 && !part.contains(" ") {
                if [".go", ".md", ".yaml", ".tpl"].contains(where: { part.hasSuffix($0) }) {
                    found.insert(String(part.split(separator: "/").last ?? part))
                }
            }
        }
        return found
    }

    @Test func everyCitationOfTheModelAndThePassIsListed() throws {
        for file in try Self.scannedFiles() {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            let listed = Set(UpstreamFacts.all.filter { $0.citedIn == file }.map { String($0.file.split(separator: "/").last ?? "") })
            let missing = Self.citations(in: text).subtracting(listed)
            #expect(missing.isEmpty, "\(file) cites \(missing.sorted()) without an entry in UpstreamFacts.all")
        }
    }

    @Test func everyEntryIsCitedWhereItSays() throws {
        for fact in UpstreamFacts.all {
            #expect(!fact.fact.isEmpty && !fact.project.isEmpty && !fact.file.isEmpty && !fact.version.isEmpty)
            let text = try String(contentsOf: Self.sources.appendingPathComponent(fact.citedIn), encoding: .utf8)
            let name = String(fact.file.split(separator: "/").last ?? "")
            #expect(text.contains(name), "\(fact.citedIn) does not cite \(fact.file)")
        }
    }

    /// The doc's table is the registry; `UPDATE_GOLDEN=1` rewrites it.
    @Test func theDocListsThem() throws {
        let text = try String(contentsOf: Self.doc, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin)), stop = try #require(text.range(of: Self.end))
        let table = String(text[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1", table != UpstreamFacts.markdownTable {
            try (String(text[..<start.upperBound]) + UpstreamFacts.markdownTable + String(text[stop.lowerBound...]))
                .write(to: Self.doc, atomically: true, encoding: .utf8)
            return
        }
        #expect(table == UpstreamFacts.markdownTable, "regenerate with UPDATE_GOLDEN=1 swift test --filter UpstreamFactsTests")
    }
}
