import CCbc
import Foundation

/// A mixed-integer linear program in plain arrays (columns with bounds, cost and integrality; rows as
/// sparse entries with bounds), solved by COIN-OR Cbc through its C API. Kept apart from placement so
/// the model is built, inspected and tested without the solver.
struct LinearModel {
    var lower: [Double] = []
    var upper: [Double] = []
    var cost: [Double] = []
    var integer: [Bool] = []
    var rows: [(entries: [(Int, Double)], lower: Double, upper: Double)] = []

    var columnCount: Int { lower.count }

    mutating func column(lower lo: Double = 0, upper up: Double, cost c: Double = 0, integer isInteger: Bool = true) -> Int {
        lower.append(lo)
        upper.append(up)
        cost.append(c)
        integer.append(isInteger)
        return lower.count - 1
    }

    mutating func row(_ entries: [(Int, Double)], lower lo: Double = -.infinity, upper up: Double = .infinity) {
        rows.append((entries.filter { $0.1 != 0 }, lo, up))
    }
}

/// What Cbc returned: the best integer solution found (nil when none), its objective, the best bound
/// on the optimum, and whether the search finished (optimal, or proved infeasible).
struct LinearSolution {
    var values: [Double]?
    var objective: Double
    var bound: Double
    var provedOptimal: Bool
    var provedInfeasible: Bool
    var nodes: Int
}

enum CbcRunner {
    /// Cbc 2.10's `Cbc_solve` runs `CbcMain1`, whose parameter tables are process-wide: one solve at a time.
    private static let lock = NSLock()

    /// Solves `model` single-threaded with a fixed seed and a branch-and-bound node limit (never a
    /// time limit), so the same model gives the same bytes on every run.
    /// `preprocess: false` skips Cbc's preprocessing (CglPreProcess and its probing), which was
    /// ≈ 85 % of a 1,000-node `check` in the large-neighbourhood search: there, with it off, the same
    /// placement was found and proved in a fifth of the time (Benchmarks/placement/RESULTS.md).
    static func solve(_ model: LinearModel, nodeLimit: Int, preprocess: Bool = true) -> LinearSolution {
        let n = model.columnCount
        // Column-major (CSC) matrix, as `Cbc_loadProblem` takes it.
        var perColumn = Array(repeating: [(Int32, Double)](), count: n)
        for (r, row) in model.rows.enumerated() {
            for (c, v) in row.entries { perColumn[c].append((Int32(r), v)) }
        }
        var starts: [Int32] = [0]
        var index: [Int32] = []
        var value: [Double] = []
        for entries in perColumn {
            for (r, v) in entries { index.append(r); value.append(v) }
            starts.append(Int32(index.count))
        }
        let big = Double.greatestFiniteMagnitude
        func finite(_ x: Double) -> Double { x == .infinity ? big : x == -.infinity ? -big : x }
        var colLower = model.lower.map(finite), colUpper = model.upper.map(finite), obj = model.cost
        var rowLower = model.rows.map { finite($0.lower) }, rowUpper = model.rows.map { finite($0.upper) }

        lock.lock()
        defer { lock.unlock() }
        guard let cbc = Cbc_newModel() else {
            return LinearSolution(values: nil, objective: .infinity, bound: -.infinity, provedOptimal: false, provedInfeasible: false,
                nodes: 0)
        }
        defer { Cbc_deleteModel(cbc) }
        Cbc_loadProblem(cbc, Int32(n), Int32(model.rows.count), &starts, &index, &value,
                        &colLower, &colUpper, &obj, &rowLower, &rowUpper)
        for c in 0..<n where model.integer[c] { Cbc_setInteger(cbc, Int32(c)) }
        Cbc_setObjSense(cbc, 1)
        // Silences Cbc's and Clp's message handlers (stdout by default): `CbcModel::setLogLevel` lowers
        // the Clp model's level too, and `CbcMain1` prints nothing when that level is 0 (coin-or/Cbc
        // releases/2.10.8, Cbc/src/CbcModel.cpp `setLogLevel`, CbcSolver.cpp `CbcMain1`). It cannot
        // silence `Cbc_solve` itself, which `printf`s any `CoinError` it catches (Cbc_C_Interface.cpp):
        // give Cbc nothing that throws (`CbcSilentTests` fails on any byte Cbc writes to stdout).
        Cbc_setLogLevel(cbc, 0)
        Cbc_setMaximumNodes(cbc, Int32(nodeLimit))
        // Deterministic: no threads, fixed seeds (Cbc's `threads`, `randomCbcSeed`, `randomSeed`).
        Cbc_setParameter(cbc, "threads", "0")
        Cbc_setParameter(cbc, "randomCbcSeed", "1")
        Cbc_setParameter(cbc, "randomSeed", "1")
        // Costs are integral in the model's unit: a gap below one unit is closed.
        Cbc_setAllowableGap(cbc, 0.999)
        if !preprocess { Cbc_setParameter(cbc, "preprocess", "off") }
        // No MIP start is handed over: with one, Cbc 2.10's `Cbc_solve` (Debian coinor-libcbc 2.10.8)
        // failed on our models with "ClpModel::getColumnName, Illegal index" printed to standard output,
        // leaving them unsolved (seen on 100-, 500- and 1,000-node fleets; `CbcMain1` carries a start
        // through its preprocessing by column name, where `ClpModel::getColumnName` threw).
        _ = Cbc_solve(cbc)
        let infeasible = Cbc_isProvenInfeasible(cbc) != 0
        let optimal = Cbc_isProvenOptimal(cbc) != 0
        var values: [Double]?
        if let best = Cbc_bestSolution(cbc) {
            values = Array(UnsafeBufferPointer(start: best, count: n))
        }
        let objective = values == nil ? Double.infinity : Cbc_getObjValue(cbc)
        let bound = optimal && values != nil ? objective : Cbc_getBestPossibleObjValue(cbc)
        return LinearSolution(values: values, objective: objective, bound: bound, provedOptimal: optimal && values != nil,
                              provedInfeasible: infeasible, nodes: Int(Cbc_getNodeCount(cbc)))
    }
}
