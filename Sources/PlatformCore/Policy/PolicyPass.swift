import PlatformDiagnostics

/// Runs every policy rule and resolves each violation's severity against the spec's `policy:`
/// section (rule default, then global, cluster, team settings); `off` drops it. Also reports
/// overrides that name no cluster or team, or ones the platform does not have.
package enum PolicyPass {
    /// E7000 for the `policy:` section itself; each rule reports under its own `P70xx` code, whatever severity it resolves to.
    package static let configurationCode: DiagnosticCode = "E7000"

    /// `cost` defaults to the plan's cost report (the cost pass), which `team-budget` reads.
    package static func run(_ platform: Platform, plan: PlannedPlatform? = nil, cost: (any TeamCostSource)? = nil) -> [Diagnostic] {
        let input = PolicyInput(platform: platform, plan: plan, cost: cost ?? plan?.cost)
        let config = platform.policyConfiguration
        var found = configurationProblems(platform)
        for rule in PolicyRules.all {
            for violation in rule.check(input) {
                let setting = config.severity(of: rule.id, cluster: violation.cluster, team: violation.team)
                let severity = setting?.severity ?? violation.defaultSeverity ?? rule.defaultSeverity
                guard severity != .off else { continue }
                let notes = violation.notes
                    + (setting.map { [DiagnosticNote("policy `\(rule.id)` set to `\($0.severity.rawValue)` here", at: $0.location)] } ?? [])
                found.append(Diagnostic(severity == .error ? .error : .warning, rule.code, "\(violation.message) (policy `\(rule.id)`)",
                                        at: violation.location, notes: notes, help: violation.help))
            }
        }
        return found
    }

    static func configurationProblems(_ p: Platform) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for o in p.policyConfiguration.overrides {
            if o.cluster == nil && o.team == nil {
                found.append(Diagnostic(.error, configurationCode, "a policy override names neither a cluster nor a team", at: o.location,
                                        help: "add `cluster:` or `team:` (or move its rules to the top of `policy:`)"))
            }
            if let c = o.cluster, p.cluster(c) == nil {
                found.append(Diagnostic(.error, configurationCode, "policy override names unknown cluster `\(c)`", at: o.location,
                                        help: Suggestion.help(for: c, in: p.clusters.map(\.name))))
            }
            if let t = o.team, p.team(t) == nil {
                found.append(Diagnostic(.error, configurationCode, "policy override names unknown team `\(t)`", at: o.location,
                                        help: Suggestion.help(for: t, in: p.teams.map(\.name))))
            }
        }
        return found
    }
}
