import Foundation
import PlatformCore
import PlatformDiagnostics

/// Small specs for rule tests: the minimal good spec with text replaced, compiled through the front end.
enum Fixture {
    static let minimal = try! String(contentsOf: Golden.casesDir.appendingPathComponent("good-specs/minimal/platform.yaml"),
        encoding: .utf8)

    static func spec(_ replacements: [(String, String)]) -> String {
        var text = minimal
        for (old, new) in replacements {
            precondition(text.contains(old), "fixture has no `\(old)`")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    static func diagnostics(_ replacements: [(String, String)]) -> [Diagnostic] {
        var bag = DiagnosticBag()
        _ = FrontEnd(file: "platform.yaml").run(Array(spec(replacements).utf8), into: &bag)
        return bag.sorted
    }

    /// `line:col: severity[CODE]: message` for each diagnostic, the form tests compare.
    static func lines(_ replacements: [(String, String)]) -> [String] {
        diagnostics(replacements).map { d in
            let loc = d.location.map { "\($0.line):\($0.column): " } ?? ""
            return "\(loc)\(d.severity.rawValue)[\(d.code)]: \(d.message)" + (d.help.map { " | help: \($0)" } ?? "")
        }
    }
}
