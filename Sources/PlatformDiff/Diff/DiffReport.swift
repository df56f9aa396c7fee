import PlatformDiagnostics

/// Everything `platformc diff` reports: object changes, the platform summary, and the head
/// compile's new warnings and errors. The three renderers (text, markdown, json) read only this.
package struct DiffReport: Hashable, Sendable {
    /// How each side is named in output: `main@1a2b3c4d5e6f`, a folder, a spec path.
    package var baseLabel: String
    package var headLabel: String
    package var resources: [ResourceChange]
    package var files: [FileChange]
    package var summary: SummaryDelta
    /// Workloads the head compile placed elsewhere than the base's lock said, each with its cause
    /// (`PlacementMove`); empty when head was placed without the base's placement.
    package var moves: [PlacementMove]
    /// HTTPRoutes whose hops differ (the markdown comment draws them).
    package var routes: [RouteChange]
    /// Warnings and errors of the head compile that the base compile did not have (all of them
    /// when the base was not compiled), sorted as printed.
    package var diagnostics: [Diagnostic]

    package init(base: PlatformSnapshot, head: PlatformSnapshot, baseLabel: String, headLabel: String,
                headDiagnostics: [Diagnostic], baseDiagnostics: [Diagnostic] = [], moves: [PlacementMove] = []) {
        self.init(base: base, head: head, facts: (PlatformFacts(base), PlatformFacts(head)), baseLabel: baseLabel,
                  headLabel: headLabel, headDiagnostics: headDiagnostics, baseDiagnostics: baseDiagnostics, moves: moves)
    }

    /// The report of two sides built by `DiffSides` (the fast path for large trees: only the
    /// files that differ are compared object by object).
    package init(_ sides: DiffSides, baseLabel: String, headLabel: String,
                headDiagnostics: [Diagnostic], baseDiagnostics: [Diagnostic] = [], moves: [PlacementMove] = []) {
        self.init(base: sides.base, head: sides.head, facts: (sides.baseFacts, sides.headFacts), baseLabel: baseLabel,
                  headLabel: headLabel, headDiagnostics: headDiagnostics, baseDiagnostics: baseDiagnostics, moves: moves)
    }

    private init(base: PlatformSnapshot, head: PlatformSnapshot, facts: (base: PlatformFacts, head: PlatformFacts),
                 baseLabel: String, headLabel: String, headDiagnostics: [Diagnostic], baseDiagnostics: [Diagnostic],
                 moves: [PlacementMove]) {
        self.baseLabel = baseLabel
        self.moves = moves.sorted()
        self.headLabel = headLabel
        (resources, files) = ManifestDiff.compare(base, head)
        routes = RouteChange.changes(base, head)
        summary = SummaryDelta(base: facts.base, head: facts.head)
        // A diagnostic is the same finding when code and message match; locations shift with edits.
        let known = Set(baseDiagnostics.map { "\($0.code.rawValue)\u{0}\($0.message)" })
        diagnostics = headDiagnostics.filter { $0.severity >= .warning && !known.contains("\($0.code.rawValue)\u{0}\($0.message)") }
            .sorted(by: Diagnostic.ordered)
    }

    /// True when any object or file differs.
    package var hasChanges: Bool { !resources.isEmpty || !files.isEmpty }

    /// The new diagnostics that are policy or budget violations (exit code 3).
    package var violations: [Diagnostic] { diagnostics.filter(DiffPolicy.isViolation) }

    /// How many objects of each kind of change.
    package func count(_ kind: ResourceChange.Kind) -> Int { resources.filter { $0.kind == kind }.count }

    /// The clusters with changes, in order ("" for global objects).
    package var clusters: [String] {
        var seen: [String] = []
        for change in resources where seen.last != change.key.cluster { seen.append(change.key.cluster) }
        return seen
    }
}

/// Which diagnostics fail a diff with exit code 3.
package enum DiffPolicy {
    /// Errors of the policy rules (`P7xxx`, which include `team-budget`) and of the quota and
    /// budget pass (`E4xxx`). Warnings are shown in the report but do not fail the diff.
    package static func isViolation(_ d: Diagnostic) -> Bool {
        let code = d.code.rawValue
        return d.severity == .error && (code.hasPrefix("P") || code.hasPrefix("E4"))
    }
}
