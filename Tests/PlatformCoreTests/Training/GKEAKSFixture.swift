import Foundation
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// The GKE + AKS platform of issue #16 (`Tests/Cases/good-specs/gke-aks/`), and how tests compile it.
enum GKEAKSFixture {
    static let spec = try! String(contentsOf: Golden.casesDir.appendingPathComponent("good-specs/gke-aks/platform.yaml"), encoding: .utf8)

    static func compile(_ replacements: [(String, String)] = []) -> Compiler.Output {
        PlatformCompile.compile(PlatformCompile.edit(spec, replacements))
    }

    /// `line:col: severity[CODE]: message` of every diagnostic, as editors show them.
    static func lines(_ output: Compiler.Output) -> [String] {
        output.diagnostics.sorted.map { d in
            "\(d.location.map { "\($0.line):\($0.column): " } ?? "")\(d.severity.rawValue)[\(d.code)]: \(d.message)"
        }
    }
}
