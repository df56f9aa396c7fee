import PlatformDiagnostics

/// One feasibility rule: an identifier, a one-line rationale, and the check.
public protocol PlatformRule: Sendable {
    var id: String { get }
    func check(_ platform: Platform, into diagnostics: inout DiagnosticBag)
}

/// Runs every hardware rule against the lowered platform; each reports with its numbers.
public struct PlatformValidator {
    public static let rules: [any PlatformRule] = [
        GPUInClusterRule(), MemoryFitRule(), TensorParallelIslandRule(), DTypeSupportRule(),
        MIGProfileRule(), TrainingGangRule(), QuotaInventoryRule(), ModelShapeRule(), AgentToolCallingRule(),
        ProviderModelRule(), GitOpsURLRule(), AgentWiringRule(), NodePoolProvisioningRule(), QuotaSpanRule(), EngineSettingsRule(),
    ]

    public init() {}

    public func check(_ platform: Platform, into diagnostics: inout DiagnosticBag) {
        for rule in Self.rules { rule.check(platform, into: &diagnostics) }
    }
}
