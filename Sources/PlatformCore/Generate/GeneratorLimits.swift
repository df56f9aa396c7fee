/// `platformc generate` never prints a spec the compiler's own limits refuse: the largest limit a
/// synthetic platform reaches is the loader's entry count (E1009, `YAMLLoader.maxEntries`), which
/// grows with models (about 17 entries each with routes and agents) and teams (5 each).
public enum GeneratorLimits {
    /// Entries of the spec these parameters generate, counted as the loader counts them.
    public static func entries(_ parameters: GeneratorParameters) -> Int {
        entries(PlatformGenerator.generate(parameters))
    }

    public static func entries(_ spec: String) -> Int {
        YAMLLoader.countEntries(spec, stoppingAbove: YAMLLoader.maxEntries).entries
    }

    public static func fits(_ spec: String) -> Bool { entries(spec) <= YAMLLoader.maxEntries }

    /// The largest number of models that fits with the other parameters unchanged (at most
    /// `parameters.models`), or nil when not even one does. Bisection keeps "lo fits, hi does not",
    /// so the answer fits and one more model would not.
    public static func largestModels(fitting parameters: GeneratorParameters) -> Int? {
        func fits(_ models: Int) -> Bool {
            var p = parameters
            p.models = models
            return entries(p) <= YAMLLoader.maxEntries
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
