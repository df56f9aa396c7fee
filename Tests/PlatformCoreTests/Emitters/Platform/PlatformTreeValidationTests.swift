import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// The whole compiled tree, for both engines, passes strict schema validation per cluster folder
/// and per engine folder, and every cluster folder builds with `kubectl kustomize`.
@Suite struct PlatformTreeValidationTests {
    @Test(.needsPython(["kubernetes_validate", "jsonschema", "yaml"]), .needsKubectl, .needsShared, arguments: ["argocd", "flux"])
    func treeValidatesAndBuilds(engine: String) throws {
        guard let shared = SharedTools.requireShared(), SharedTools.requireKubectl(),
              SharedTools.requirePython(modules: ["kubernetes_validate", "jsonschema", "yaml"]) else { return }
        let out = PlatformCompile.compile(PlatformCompile.edit(PlatformCompile.bundledSpec, [("  engine: argocd", "  engine: \(engine)")]))
        let tree = try #require(out.tree)
        let dir = try SharedTools.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SharedTools.write(tree.files, under: dir)
        var folders = ["clusters/prod-use1", "clusters/prod-usw2"]
        folders += engine == "argocd" ? ["argocd"] : ["flux/prod-use1", "flux/prod-usw2"]
        for folder in folders {
            let result = SharedTools.validateManifests(directory: dir.appendingPathComponent(folder), shared: shared)
            #expect(result.exitCode == 0, "\(folder): \(result.output)")
            #expect(result.output.contains(" 0 errors"), "\(folder): \(result.output)")
            let build = SharedTools.kustomizeBuild(dir.appendingPathComponent(folder))
            #expect(build.exitCode == 0, "\(folder): \(build.output)")
        }
    }
}
