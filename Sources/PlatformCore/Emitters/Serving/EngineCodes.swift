import PlatformDiagnostics

/// Codes of a model's engine settings: `task`, `engineArgs`, `cache` (E7500–E7549).
public enum EngineCodes {
    /// An `engineArgs` item names no flag of `vllm serve` in the pinned vLLM version.
    public static let unknownFlag: DiagnosticCode = "E7500"
    /// An `engineArgs` item passes a flag the compiler sets from another spec key.
    public static let compilerFlag: DiagnosticCode = "E7501"
    /// An `engineArgs` item is not `--flag` or `--flag=value` as that flag needs.
    public static let malformedArgument: DiagnosticCode = "E7502"
    /// A route sends requests to a model whose `task` serves no such endpoint.
    public static let routeTask: DiagnosticCode = "E7503"
    /// An agent chats with a pooling model (`task: embed` …), which serves no chat endpoint.
    public static let agentTask: DiagnosticCode = "E7504"
    /// `cache:` keys that do not fit its `volume`.
    public static let cacheKeys: DiagnosticCode = "E7505"
    /// `cache.volume: instanceStore` where the pool has no local NVMe Karpenter can mount.
    public static let noInstanceStore: DiagnosticCode = "E7506"
    /// The cache does not fit on one node of the pool the model was placed on.
    public static let cacheTooLarge: DiagnosticCode = "E7507"
    /// `cache.size` is smaller than the checkpoint it must hold.
    public static let cacheTooSmall: DiagnosticCode = "E7508"
}
