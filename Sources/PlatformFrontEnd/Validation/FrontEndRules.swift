/// The front end's hardware rules, for `PlatformValidator` (PlatformCore), which runs them in its
/// documented order among the rules that need the emitters' conventions.
package enum FrontEndRules {
    package static let gpuInCluster: any PlatformRule = GPUInClusterRule()
    package static let memoryFit: any PlatformRule = MemoryFitRule()
    package static let tensorParallelIsland: any PlatformRule = TensorParallelIslandRule()
    package static let dtypeSupport: any PlatformRule = DTypeSupportRule()
    package static let migProfile: any PlatformRule = MIGProfileRule()
    package static let trainingGang: any PlatformRule = TrainingGangRule()
    package static let quotaInventory: any PlatformRule = QuotaInventoryRule()
    package static let modelShape: any PlatformRule = ModelShapeRule()
    package static let nodePoolProvisioning: any PlatformRule = NodePoolProvisioningRule()
    package static let quotaSpan: any PlatformRule = QuotaSpanRule()
}
