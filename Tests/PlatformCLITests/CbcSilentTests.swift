import Foundation
import Testing

/// COIN-OR Cbc writes nothing to standard output (issue 18). Cbc 2.10's `Cbc_solve` prints any
/// `CoinError` it catches with `printf` whatever the log level (coin-or/Cbc releases/2.10.8,
/// Cbc/src/Cbc_C_Interface.cpp, `Cbc_solve`); with a MIP start our solves printed "ClpModel::getColumnName,
/// Illegal index" there, which broke the JSON output. A generated 100-node fleet runs the
/// large-neighbourhood search, which solves its pools with Cbc: stdout must be the JSON document
/// alone (`explain placement`), or empty (`check`, whose diagnostics go to stderr).
@Suite struct CbcSilentTests {
    static let fleet = ["generate", "--clusters", "1", "--nodes", "100", "--models", "12", "--teams", "3", "-o", "platform.yaml"]

    @Test func standardOutputHoldsOnlyTheJSON() throws {
        let dir = try CLIRunner.workspace(spec: "")
        defer { try? FileManager.default.removeItem(at: dir) }
        let generated = try CLIRunner.run(Self.fleet, in: dir)
        try #require(generated.status == 0, "\(generated.stderr)")

        // `explain placement --format json`: stdout is the document alone, nothing before or after it.
        // `provedOptimal` on 100 nodes (beyond the exact search's 30 and the MILP's 60) means the
        // large-neighbourhood search solved every pool whole with Cbc.
        let explained = try CLIRunner.run(["explain", "placement", "--format", "json"], in: dir)
        try #require(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.hasPrefix("{") && explained.stdout.hasSuffix("}\n"), "\(explained.stdout.prefix(300))")
        let placement = try #require(try JSONSerialization.jsonObject(with: Data(explained.stdout.utf8)) as? [String: Any])
        #expect(placement["provedOptimal"] as? Bool == true)

        // `check` prints its diagnostics (JSON here) to stderr: stdout stays empty.
        let checked = try CLIRunner.run(["check", "--diagnostics", "json"], in: dir)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout == "")
        #expect(throws: Never.self, "\(checked.stderr.prefix(300))") { try JSONSerialization.jsonObject(with: Data(checked.stderr.utf8)) }
    }
}
