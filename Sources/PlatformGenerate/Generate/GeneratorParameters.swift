/// The size of a synthetic platform (`platformc generate`), and the seed that makes it reproducible.
package struct GeneratorParameters: Sendable, Equatable {
    package var seed: UInt64
    package var clusters: Int
    package var nodes: Int
    package var models: Int
    package var teams: Int

    /// The largest platform the benchmarks use: about 30,000 emitted objects.
    package static let largest = GeneratorParameters(seed: 1, clusters: 50, nodes: 5_000, models: 2_000, teams: 300)

    package init(seed: UInt64, clusters: Int, nodes: Int, models: Int, teams: Int) {
        self.seed = seed
        self.clusters = max(1, clusters)
        self.nodes = max(nodes, self.clusters * 3)
        self.models = max(1, models)
        self.teams = max(1, teams)
    }
}

/// SplitMix64: a tiny deterministic generator, so a seed gives the same spec on every platform.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
