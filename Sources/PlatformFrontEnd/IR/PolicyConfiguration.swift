import PlatformDiagnostics

/// The spec's `policy:` section, lowered: global severities, overrides and the GPU allow-list,
/// each with the location it was set at.
package struct PolicyConfiguration: Sendable {
    package struct Setting: Sendable {
        package var severity: PolicySeverity
        package var location: SourceLocation
    }
    package struct Override: Sendable {
        package var cluster: String?
        package var team: String?
        package var rules: [String: Setting]
        package var location: SourceLocation
    }

    /// Rule id → severity for the whole platform.
    package var rules: [String: Setting] = [:]
    package var overrides: [Override] = []
    /// nil when the spec sets no allow-list (then `gpu-allow-list` has nothing to check).
    package var allowedGPUs: [String]?
    package var allowedGPUsLocation: SourceLocation?

    package init() {}

    /// Reads a checked `policy:` object; malformed values were reported by the checker and are skipped.
    package init(_ o: SpecObject) {
        rules = Self.settings(o).merging(Self.settings(o.object("rules"))) { _, nested in nested }
        overrides = o.objects("overrides").map {
            Override(cluster: $0.string("cluster"), team: $0.string("team"), rules: Self.settings($0.object("rules")),
                location: $0.location)
        }
        if o.has("allowedGPUs") {
            allowedGPUs = o.strings("allowedGPUs")
            allowedGPUsLocation = o.loc("allowedGPUs")
        }
    }

    private static func settings(_ o: SpecObject) -> [String: Setting] {
        var out: [String: Setting] = [:]
        for rule in PolicyRuleCatalog.all {
            if let text = o.string(rule.id), let severity = PolicySeverity(rawValue: text) {
                out[rule.id] = Setting(severity: severity, location: o.loc(rule.id))
            }
        }
        return out
    }

    /// The severity of `rule` for a violation in `cluster` and `team`, and where it was set (nil:
    /// the default). Specificity: global, then cluster, then team, then cluster and team together.
    package func severity(of rule: String, cluster: String?, team: String?) -> Setting? {
        var chosen = rules[rule]
        let applicable = overrides.filter { o in
            (o.cluster == nil || o.cluster == cluster) && (o.team == nil || o.team == team) && (o.cluster != nil || o.team != nil)
        }
        func rank(_ o: Override) -> Int { (o.team != nil ? 2 : 0) + (o.cluster != nil ? 1 : 0) }
        // Equal ranks keep spec order (the later override wins), whatever the sort's stability.
        let ordered = applicable.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
        for (_, o) in ordered {
            if let s = o.rules[rule] { chosen = s }
        }
        return chosen
    }
}
