import PlatformDiagnostics

/// The quota and cost pass, after placement: prices the placement (`CostModel`), then checks
/// quotas and budgets against it. It reads the placement and never changes it.
package enum CostPass {
    package static func run(_ plan: PlannedPlatform, into diagnostics: inout DiagnosticBag) -> CostReport {
        let report = CostModel.report(plan)
        QuotaChecks.check(plan, report, into: &diagnostics)
        BudgetChecks.check(plan, report, into: &diagnostics)
        return report
    }
}
