import Foundation
import Testing
import PlatformCore

/// The placement benchmark (issue 4). Off unless PLATFORMC_BENCH=1, so `make test` never pays for
/// it; run it in release mode:
///     PLATFORMC_BENCH=1 swift test -c release --filter PlacementBenchmark
/// It prints one row per generated fleet; Benchmarks/placement/RESULTS.md records the figures.
@Suite struct PlacementBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["PLATFORMC_BENCH"] == "1"

    /// Peak resident memory of this process so far, in MiB (VmHWM).
    static func peakRSSMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
        return kib / 1024
    }

    static func ms(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    static func f(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

    @Test(.enabled(if: PlacementBenchmark.enabled))
    func generatedFleets() {
        let cases: [(String, Int, Int, Bool)] = [
            ("mixed-10", 10, 30, false), ("frag-10", 10, 30, true),
            ("mixed-30", 30, 48, false), ("frag-30", 30, 48, true),
            ("mixed-100", 100, 400, false), ("frag-100", 100, 400, true),
            ("mixed-1000", 1000, 4000, false), ("frag-1000", 1000, 4000, true),
            ("mixed-5000", 5000, 20000, false), ("frag-5000", 5000, 20000, true),
        ]
        print("| fleet | nodes | groups | placed/unplaced | solve ms | peak RSS MiB | cost/h | lower bound/h | gap % | running nodes | "
            + "stranded | proved | FFD ms | FFD cost/h | FFD running | FFD stranded |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for (name, nodes, groups, fragmented) in cases {
            let problem = PlacementLargeFleet.make(seed: 42, nodes: nodes, groups: groups, fragmented: fragmented)
            let fleetNodes = problem.pools.reduce(0) { $0 + $1.nodeCount }
            let fleetGroups = problem.demands.reduce(0) { $0 + $1.groups }
            let clock = ContinuousClock()
            var placement: Placement?
            let solveTime = clock.measure { placement = PlacementSolver.solve(problem) }
            let rss = Self.peakRSSMiB()
            var baseline: Placement?
            let ffdTime = clock.measure {
                baseline = PlacementSolver.solve(problem, options: PlacementOptions(heuristic: .firstFitDecreasing))
            }
            guard let p = placement, let b = baseline else { continue }
            #expect(PlacementValidity.violations(problem, p).isEmpty)
            let running = p.pools.reduce(0) { $0 + $1.runningNodes }, ffdRunning = b.pools.reduce(0) { $0 + $1.runningNodes }
            print("| \(name) | \(fleetNodes) | \(fleetGroups) | \(p.assignments.count)/\(p.unplaced.count) | \(Self.f(Self.ms(solveTime))) "
                + "| \(Self.f(rss)) | "
                + "\(Self.f(Double(p.costPerHourMicros) / 1e6, 0)) | \(Self.f(Double(p.lowerBoundMicros) / 1e6, 0)) | "
                + "\(Self.f(p.gap * 100, 2)) | "
                + "\(running) | \(p.strandedGPUs) | \(p.provedOptimal) | \(Self.f(Self.ms(ffdTime))) | "
                + "\(Self.f(Double(b.costPerHourMicros) / 1e6, 0)) | "
                + "\(ffdRunning) | \(b.strandedGPUs) |")
        }
    }
}
