import PlatformDiagnostics

/// `platformc generate` never prints a spec the compiler's own limits refuse: each candidate is
/// loaded by the spec loader itself, so every limit it holds a pull request to (size and entries
/// E1009, nodes E1090, aliases E1006, depth E1008) holds for generated specs too.
package enum GeneratorLimits {
    static let limitCodes: Set<DiagnosticCode> = [SpecCodes.tooLarge, SpecCodes.tooManyNodes, SpecCodes.aliasBomb, SpecCodes.tooDeep]

    package static func fits(_ spec: String) -> Bool {
        var bag = DiagnosticBag()
        _ = YAMLLoader(file: "generated.yaml").load(Array(spec.utf8), into: &bag)
        return !bag.all.contains { limitCodes.contains($0.code) }
    }

    package static func fits(_ parameters: GeneratorParameters) -> Bool { fits(PlatformGenerator.generate(parameters)) }

    /// The largest number of models that fits with the other parameters unchanged (at most
    /// `parameters.models`), or nil when not even one does. Bisection keeps "lo fits, hi does not",
    /// so the answer fits and one more model would not.
    package static func largestModels(fitting parameters: GeneratorParameters) -> Int? {
        func fits(_ models: Int) -> Bool {
            var p = parameters
            p.models = models
            return Self.fits(p)
        }
        guard fits(1) else { return nil }
        if fits(parameters.models) { return parameters.models }
        var lo = 1, hi = parameters.models
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if fits(mid) { lo = mid } else { hi = mid }
        }
        return lo
    }
}
