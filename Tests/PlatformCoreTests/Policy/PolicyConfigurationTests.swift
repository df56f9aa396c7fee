import PlatformCore
import PlatformDiagnostics
import Testing

/// The `policy:` section: flat and `rules:` forms, overrides by cluster and team, and its errors.
@Suite struct PolicyConfigurationTests {
    @Test func flatFormRaisesAndTurnsOff() {
        #expect(PolicyFixture.lines([PolicyFixture.policy("  route-rate-limit: error\n")]) ==
                ["25:11: error[P7004]: route `chat` has no rate limit (policy `route-rate-limit`)"])
        #expect(PolicyFixture.lines([PolicyFixture.policy("  route-rate-limit: off\n")]) == [])
    }

    @Test func rulesFormIsTheSameMapAndWinsOverFlat() {
        #expect(PolicyFixture.lines([PolicyFixture.policy("  route-rate-limit: off\n  rules: { route-rate-limit: error }\n")]) ==
                ["25:11: error[P7004]: route `chat` has no rate limit (policy `route-rate-limit`)"])
    }

    @Test func teamOverrideBeatsClusterOverride() {
        let one = ("    replicas: { min: 2, max: 4 }", "    replicas: { min: 1, max: 4 }")
        let section = PolicyFixture.quietRoutes + """
              overrides:
                - { team: search, rules: { production-min-replicas: warning } }
                - { cluster: prod, rules: { production-min-replicas: off } }

            """
        #expect(PolicyFixture.lines([one, PolicyFixture.policy(section)]) == [
            """
                23:22: warning[P7003]: model `llama-3-70b` has 1 minimum replica in production cluster `prod`; at least 2 are required \
                (policy `production-min-replicas`)
                """])
        let clusterOnly = PolicyFixture.quietRoutes + "  overrides: [{ cluster: prod, rules: { production-min-replicas: off } }]\n"
        #expect(PolicyFixture.lines([one, PolicyFixture.policy(clusterOnly)]) == [])
    }

    @Test func overrideNotes() {
        var bag = DiagnosticBag()
        let spec = Fixture.spec([PolicyFixture.policy("  route-rate-limit: error\n")])
        let platform = FrontEnd(file: "platform.yaml").run(Array(spec.utf8), into: &bag)
        let found = platform.map { PolicyPass.run($0) } ?? []
        #expect(found.first?.notes.map { "\($0.message) \($0.location.map { "\($0.line):\($0.column)" } ?? "")" } ==
                ["policy `route-rate-limit` set to `error` here 52:21"])
    }

    @Test func overrideErrors() {
        let section = "  overrides:\n    - { rules: { route-rate-limit: off } }\n"
            + "    - { cluster: prd, team: serch, rules: { route-rate-limit: off } }\n"
        #expect(PolicyFixture.lines([PolicyFixture.policy(section)]).filter { $0.contains("E7000") } == [
            "53:9: error[E7000]: a policy override names neither a cluster nor a team",
            "54:9: error[E7000]: policy override names unknown cluster `prd`",
            "54:9: error[E7000]: policy override names unknown team `serch`",
        ])
    }

    @Test func misspeltRuleIdIsAnUnknownKey() {
        #expect(PolicyFixture.lines([PolicyFixture.policy("  route-rate-limt: off\n")]) == [
            "52:3: error[E1010]: unknown key `route-rate-limt` in `policy` of the platform"])
    }

    @Test func bundledFlatFormStillParses() {
        var bag = DiagnosticBag()
        let spec = Fixture.spec([PolicyFixture.policy("  image-digest-pinned: warning\n  critical-models-on-demand: error\n")])
        let platform = FrontEnd(file: "p.yaml").run(Array(spec.utf8), into: &bag)
        #expect(bag.all.isEmpty)
        #expect(platform?.policyConfiguration.rules.keys.sorted() == ["critical-models-on-demand", "image-digest-pinned"])
    }
}
