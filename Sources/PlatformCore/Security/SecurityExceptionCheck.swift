import Foundation

import PlatformDiagnostics

/// Rationale: a spec exception is the one way past the audit of the merged objects, so it must
/// name a real workload and say why. Runs with the reference checks of the front end.
package struct SecurityExceptionCheck {
    package init() {}

    package func check(_ platform: Platform, into diagnostics: inout DiagnosticBag) {
        let workloads = Set(platform.models.map(\.name) + platform.training.map(\.name) + platform.agents.map(\.name))
        for exception in platform.securityExceptions {
            if !workloads.contains(exception.workload) {
                let names = workloads.sorted()
                let suggestion = Suggestion.closest(to: exception.workload, in: names).map { "did you mean `\($0)`?" }
                diagnostics.error(SecurityCodes.unknownExceptionWorkload,
                                  "security exception names `\(exception.workload)`, which is no model, training job or agent",
                                  at: exception.location,
                                  help: suggestion ?? "name the model, training job or agent whose pods need the exception")
            }
            if exception.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                diagnostics.error(SecurityCodes.exceptionWithoutReason,
                                  "security exception for `\(exception.workload)` states no reason", at: exception.location,
                                  help: "say in `reason` why the workload needs "
                                      + "\(exception.allow.map { "`\($0.rawValue)`" }.joined(separator: ", "))")
            }
        }
    }
}
