import PlatformDiagnostics

/// How a flag of `vllm serve` takes its value, as argparse defines it.
enum VLLMFlagKind: Sendable {
    /// `BooleanOptionalAction`: `--flag` or `--no-flag`, no value.
    case boolean
    /// `store_true` (and the `--no-` half of a boolean): no value.
    case `switch`
    /// Takes a value: one item `--flag=value`.
    case value
    /// `nargs="?"`: `--flag` alone or `--flag=value` (a field typed `bool | str | None`, 0.34.0).
    case optional

    var takesValue: Bool { self == .value }
}

/// `engineArgs` against vLLM's own flags (`VLLMFlagTable`, read from the pinned version's parser)
/// and against the flags `VLLMArguments` sets from other spec keys.
package enum VLLMFlags {
    /// A flag as vLLM's `FlexibleArgumentParser.parse_args` (vllm/utils/argparse_utils.py, 0.34.0)
    /// reads it: the part before `=` and before a `.` (`--compilation-config.mode`), underscores as
    /// dashes; `-O3` and `-O=3` are `-O` (rewritten to `--optimization-level 3`).
    static func name(of argument: String) -> String {
        var key = String(argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        if let dot = key.firstIndex(of: "."), dot > key.startIndex { key = String(key[..<dot]) }
        if key.hasPrefix("--") { return "--" + key.dropFirst(2).replacingOccurrences(of: "_", with: "-") }
        if key.hasPrefix("-O") { return "-O" }
        return key
    }

    /// Flags the compiler passes, each with the spec key that decides it (the order of
    /// `VLLMArguments.arguments`); short aliases from the flag table map to the same key.
    static let setBySpec: [String: String] = [
        "--model": "source", "--served-model-name": "name", "--port": "the compiler (the Service's `http` port)",
        "--tensor-parallel-size": "gpu.count", "-tp": "gpu.count",
        "--pipeline-parallel-size": "gpu.nodes", "-pp": "gpu.nodes", "--distributed-executor-backend": "gpu.nodes",
        "--nnodes": "gpu.nodes", "-n": "gpu.nodes", "--node-rank": "gpu.nodes", "-r": "gpu.nodes",
        "--master-addr": "gpu.nodes", "--headless": "gpu.nodes",
        "--max-model-len": "contextLength", "--max-num-seqs": "maxSequences",
        "--dtype": "dtype", "--quantization": "dtype", "-q": "dtype",
        "--kv-cache-dtype": "kvCacheDtype", "--gpu-memory-utilization": "gpuMemoryUtilization",
        "--device-memory-utilization": "gpuMemoryUtilization",
        "--enable-prefix-caching": "routing.prefixCacheAware", "--no-enable-prefix-caching": "routing.prefixCacheAware",
        "--enable-auto-tool-choice": "agents (an agent that uses the model)",
        "--no-enable-auto-tool-choice": "agents (an agent that uses the model)",
        "--tool-call-parser": "architecture", "--chat-template": "architecture",
        "--load-format": "source", "--runner": "task", "--convert": "task",
    ]

    /// Errors for each item of `engineArgs`, at the item.
    package static func check(_ model: Model, into diagnostics: inout DiagnosticBag) {
        for arg in model.engineArgs {
            let text = arg.text
            guard text.hasPrefix("-"), text.count > 1 else {
                diagnostics.error(EngineCodes.malformedArgument,
                                  "engine argument `\(text)` of model `\(model.name)` is not a flag",
                                  at: arg.location, help: "write a flag and its value as one item: `--flag=value`")
                continue
            }
            let flag = name(of: text)
            if let key = setBySpec[flag] {
                let by = key.hasPrefix("the ") || key.hasPrefix("agents") ? key : "`\(key)`"
                diagnostics.error(EngineCodes.compilerFlag,
                                  "`\(flag)` is set by the compiler from \(by) of model `\(model.name)`",
                                  at: arg.location,
                                  help: key.hasPrefix("the ") ? "remove it from `engineArgs`" : "set \(by) instead of passing the flag")
                continue
            }
            guard let kind = VLLMFlagTable.flags[flag] else {
                let suggestion = flag.hasPrefix("--")
                    ? Suggestion.closest(to: flag, in: Array(VLLMFlagTable.flags.keys.filter { $0.hasPrefix("--") })) : nil
                diagnostics.error(EngineCodes.unknownFlag,
                                  "`\(flag)` is not a flag of `vllm serve` in vLLM \(VLLMFlagTable.version)",
                                  at: arg.location,
                                  help: suggestion.map { "did you mean `\($0)`?" }
                                      ?? "see `vllm serve --help` of vLLM \(VLLMFlagTable.version)")
                continue
            }
            // A dotted key (`--compilation-config.level=3`) sets part of a JSON value.
            let hasValue = text.contains("=") || (flag == "-O" && text.count > 2)
            if kind.takesValue, !hasValue {
                diagnostics.error(EngineCodes.malformedArgument, "`\(flag)` needs a value", at: arg.location,
                                  help: "write the flag and its value as one item: `\(flag)=<value>`")
            } else if !kind.takesValue, kind != .optional, text.contains("=") {
                diagnostics.error(EngineCodes.malformedArgument, "`\(flag)` takes no value", at: arg.location,
                                  help: kind == .boolean ? "write `\(flag)` to turn it on, or `--no-\(flag.dropFirst(2))` to turn it off"
                                      : "write `\(flag)` alone")
            }
        }
    }
}
