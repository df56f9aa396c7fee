import PlatformCore
import PlatformDiagnostics

/// The minimal spec with replacements, through the front end and the passes.
enum CostFixture {
    static func plan(_ replacements: [(String, String)]) -> (plan: PlannedPlatform?, lines: [String]) {
        var bag = DiagnosticBag()
        let platform = FrontEnd(file: "platform.yaml").run(Array(Fixture.spec(replacements).utf8), into: &bag)
        let plan = platform.map { Passes.run($0, into: &bag) }
        let lines = bag.sorted.map { d in
            let loc = d.location.map { "\($0.line):\($0.column): " } ?? ""
            return "\(loc)\(d.severity.rawValue)[\(d.code)]: \(d.message)"
        }
        return (plan, lines)
    }

    /// The minimal spec with a quota for everything it places (the fleet's 32 GPUs).
    static let roomy: [(String, String)] = [("quota: { gpus: 24 }", "quota: { gpus: 32 }")]
}
