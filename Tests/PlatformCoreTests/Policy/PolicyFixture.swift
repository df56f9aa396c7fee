import PlatformCore
import PlatformDiagnostics

/// The minimal spec through the front end, then only the policy pass: its findings as
/// `line:col: severity[CODE]: message` lines.
enum PolicyFixture {
    /// Appends a `policy:` section (YAML text, indented as top-level) to the minimal spec.
    static func policy(_ section: String) -> (String, String) {
        ("    cluster: prod", "    cluster: prod\npolicy:\n" + section)
    }

    static func lines(_ replacements: [(String, String)], cost: (any TeamCostSource)? = nil) -> [String] {
        var bag = DiagnosticBag()
        guard let platform = FrontEnd(file: "platform.yaml").run(Array(Fixture.spec(replacements).utf8), into: &bag) else {
            return bag.sorted.map(render)
        }
        let plan = Passes.run(platform, into: &bag)
        return PolicyPass.run(platform, plan: plan, cost: cost).sorted(by: Diagnostic.ordered).map(render)
    }

    static func render(_ d: Diagnostic) -> String {
        let loc = d.location.map { "\($0.line):\($0.column): " } ?? ""
        return "\(loc)\(d.severity.rawValue)[\(d.code)]: \(d.message)"
    }

    /// The minimal spec's route has no rate limit; most rule tests turn that rule off to stay focused.
    static let quietRoutes = "  route-rate-limit: off\n"
}
