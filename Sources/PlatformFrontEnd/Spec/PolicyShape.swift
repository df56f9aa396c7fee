/// The grammar of the spec's `policy:` section. The flat form (`image-digest-pinned: warning`)
/// and `rules:` both map rule ids to severities; `overrides:` changes severities for one cluster,
/// one team, or a team in a cluster; `allowedGPUs:` turns on `gpu-allow-list`. Rule ids are fields,
/// so a misspelt id gets a "did you mean".
package enum PolicyShape {
    static let severity = SpecType.enumeration(PolicySeverity.allCases.map(\.rawValue))

    /// One field per rule id.
    static let ruleFields: [FieldShape] = PolicyRuleCatalog.all.map {
        FieldShape($0.id, severity, "severity of `\($0.id)` (default `\($0.defaultSeverity.rawValue)`): \($0.rationale)")
    }

    static let rules = ObjectShape("PolicyRules", "Policy rule id → severity.", ruleFields)

    static let override = ObjectShape("PolicyOverride", "Severities for one cluster, one team, or a team in a cluster.", [
        FieldShape("cluster", .string(), "cluster the override applies to"),
        FieldShape("team", .string(), "team the override applies to"),
        FieldShape("rules", .object(rules), required: true, "rule id → severity"),
    ])

    /// The `policy:` section.
    package static let policy = ObjectShape("Policy",
        "Policy rules: rule id → severity (flat or under `rules`), overrides and the GPU allow-list.",
        ruleFields + [
            FieldShape("rules", .object(rules), "rule id → severity (same as the flat form)"),
            FieldShape("overrides", .list(.object(override)), "per-cluster or per-team severities; a team override beats a cluster one"),
            FieldShape("allowedGPUs", .list(.string()),
                "GPU models node pools, models and training jobs may use (turns on `gpu-allow-list`)"),
        ])
}
