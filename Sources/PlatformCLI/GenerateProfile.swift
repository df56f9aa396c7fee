import Foundation
import PlatformCore
import PlatformDiagnostics

/// `platformc generate --profile SPEC` (hidden, for Benchmarks/): compiles SPEC in memory and prints
/// one JSON line of stage timings in seconds, plus the rendered bytes and object count, so the
/// benchmarks can compare the render stage with a direct libyaml emit of the same objects.
enum GenerateProfile {
    static func run(specPath: String, templatesFolder: String?) throws {
        let input = try CompileInput.load(options: try SpecOptions.parse([specPath]), templatesFolder: templatesFolder)
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

        var bag = DiagnosticBag()
        var platform: Platform?
        let frontEnd = clock.measure { platform = input.frontEnd.run(input.spec, into: &bag) }
        guard let platform else { throw IOFailure("`\(specPath)` does not compile; run `platformc check` on it") }
        let passes = clock.measure { _ = Passes.run(platform, into: &bag) }
        var output: Compiler.Output?
        let compile = clock.measure { output = input.compile(warningsAsErrors: false) }
        guard let manifests = output?.manifests, let tree = output?.tree else { throw IOFailure("`\(specPath)` does not compile") }
        var rendered = RenderedTree()
        let render = clock.measure { rendered = GitOpsLayout.render(manifests, root: platform.gitops.path) }
        let objects = manifests.clusters.map(\.manifests.count).reduce(0, +)
        let bytes = rendered.files.values.map(\.utf8.count).reduce(0, +)
        let fields: [(String, String)] = [
            ("frontEndSeconds", String(format: "%.3f", seconds(frontEnd))),
            ("passesSeconds", String(format: "%.3f", seconds(passes))),
            ("compileSeconds", String(format: "%.3f", seconds(compile))),
            ("renderSeconds", String(format: "%.3f", seconds(render))),
            ("objects", String(objects)),
            ("files", String(tree.files.count)),
            ("renderedBytes", String(bytes)),
        ]
        print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }
}
