import PlatformDiagnostics

/// Codes of a model's engine settings: `task`, `engineArgs`, `cache` (E7500–E7549).
package enum EngineCodes {
    /// An `engineArgs` item names no flag of `vllm serve` in the pinned vLLM version.
    package static let unknownFlag: DiagnosticCode = "E7500"
    /// An `engineArgs` item passes a flag the compiler sets from another spec key.
    package static let compilerFlag: DiagnosticCode = "E7501"
    /// An `engineArgs` item is not `--flag` or `--flag=value` as that flag needs.
    package static let malformedArgument: DiagnosticCode = "E7502"
    /// A route sends requests to a model whose `task` serves no such endpoint.
    package static let routeTask: DiagnosticCode = "E7503"
    /// An agent chats with a pooling model (`task: embed` …), which serves no chat endpoint.
    package static let agentTask: DiagnosticCode = "E7504"
    /// `cache:` keys that do not fit its `volume`.
    package static let cacheKeys: DiagnosticCode = "E7505"
    /// `cache.volume: instanceStore` where the pool has no local NVMe Karpenter can mount.
    package static let noInstanceStore: DiagnosticCode = "E7506"
    /// The cache does not fit on one node of the pool the model was placed on.
    package static let cacheTooLarge: DiagnosticCode = "E7507"
    /// `cache.size` is smaller than the checkpoint it must hold.
    package static let cacheTooSmall: DiagnosticCode = "E7508"
}
