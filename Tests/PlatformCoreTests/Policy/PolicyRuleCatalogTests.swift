import PlatformCore
import Testing

/// The front end checks `policy:` against `PolicyRuleCatalog`; the rules (PlatformCore) take their
/// rationale, default severity and code from it by id, so each rule needs exactly one entry.
@Suite struct PolicyRuleCatalogTests {
    @Test func everyRuleHasOneEntryInTheDocumentedOrder() {
        #expect(PolicyRules.all.map(\.id) == PolicyRuleCatalog.all.map(\.id))
        #expect(Set(PolicyRuleCatalog.all.map(\.code)).count == PolicyRuleCatalog.all.count)
    }

    @Test func aRuleReadsItsEntry() throws {
        let rule = try #require(PolicyRules.rule("team-budget"))
        #expect(rule.code == "P7005")
        #expect(rule.defaultSeverity == .error)
        #expect(rule.rationale.hasPrefix("a team's expected monthly cost stays under its budget"))
    }
}
