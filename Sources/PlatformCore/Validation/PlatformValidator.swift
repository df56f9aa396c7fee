import PlatformDiagnostics
import PlatformFrontEnd

/// Runs every hardware rule against the lowered platform; each reports with its numbers.
package struct PlatformValidator {
    package static let rules: [any PlatformRule] = [
        FrontEndRules.gpuInCluster, FrontEndRules.memoryFit, FrontEndRules.tensorParallelIsland, FrontEndRules.dtypeSupport,
        FrontEndRules.migProfile, FrontEndRules.trainingGang, FrontEndRules.quotaInventory, FrontEndRules.modelShape,
        AgentToolCallingRule(),
        ProviderModelRule(), GitOpsURLRule(), AgentWiringRule(), FrontEndRules.nodePoolProvisioning, FrontEndRules.quotaSpan,
        EngineSettingsRule(),
    ]

    package init() {}

    package func check(_ platform: Platform, into diagnostics: inout DiagnosticBag) {
        for rule in Self.rules { rule.check(platform, into: &diagnostics) }
    }
}
