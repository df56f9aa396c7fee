import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// The GitOps engine's objects take the one emission path (issue 20): they are in the
/// `ManifestSet` (its fleet folders), merged onto templates, audited, and read by the diff from
/// the compile, as every other object is.
@Suite struct FleetEmissionPathTests {
    static func compile(_ spec: String = PlatformCompile.bundledSpec, templates extra: [String: String]) -> Compiler.Output {
        let (set, errors) = TemplateSet.load(files: PlatformCompile.templateFiles().merging(extra) { _, new in new })
        precondition(errors.isEmpty, "\(errors)")
        return Compiler(templates: set).compile(spec: Array(spec.utf8), file: "platform.yaml")
    }

    static let fluxSpec = PlatformCompile.edit(PlatformCompile.bundledSpec, [("  engine: argocd", "  engine: flux")])

    @Test func aTemplatePatchesTheArgoCDApplicationSet() throws {
        let out = Self.compile(templates: ["argocd/applicationset.yaml": """
            spec:
              template:
                spec:
                  syncPolicy:
                    retry:
                      limit: 5
            """])
        #expect(PlatformCompile.errors(out) == [])
        let folder = try #require(out.manifests?.fleet.first)
        #expect(out.manifests?.fleet.map(\.name) == ["argocd"])
        let set = try #require(folder.manifests.first)
        #expect(set.kind == "ApplicationSet" && set.name == "acme-ai" && set.namespace == "argocd")
        #expect(set.value.at("spec.template.spec.syncPolicy.retry.limit") == 5)
        // The compiler's values win over the template's; what it adds is rendered.
        #expect(set.value.at("spec.template.spec.syncPolicy.automated") == ["prune": true, "selfHeal": true])
        let text = try #require(out.tree?.files["argocd/applicationset-acme-ai.yaml"])
        #expect(text == YAMLRenderer.render(set))
        #expect(text.contains("        retry:\n          limit: 5\n"))
        #expect(out.tree?.files["argocd/kustomization.yaml"] == GitOpsLayout.kustomization(["applicationset-acme-ai.yaml"]))
    }

    @Test func anAuditSeesAFleetObject() {
        let out = Self.compile(templates: ["argocd/applicationset.yaml": """
            metadata:
              annotations:
                note: sk-proj-AbCdEfGhIjKlMnOpQrStUv0123456789
            """])
        #expect(PlatformCompile.errors(out) == [
            """
                E6002: `metadata.annotations.note` of ApplicationSet.argoproj.io argocd/acme-ai in fleet folder `argocd` looks like it \
                holds an OpenAI-style API key (`sk-`)
                """,
        ])
        #expect(out.tree == nil)
    }

    @Test func fluxKustomizationsAreInTheSetOnePerFolderAndTemplated() throws {
        let out = Self.compile(Self.fluxSpec, templates: ["flux/kustomization.yaml": "spec:\n  retryInterval: 2m\n"])
        #expect(PlatformCompile.errors(out) == [])
        let manifests = try #require(out.manifests)
        #expect(manifests.fleet.map(\.name) == manifests.clusters.map { "flux/\($0.name)" })
        #expect(manifests.clusters.allSatisfy { !$0.isFleet } && manifests.fleet.allSatisfy(\.isFleet))
        let tree = try #require(out.tree)
        for folder in manifests.fleet {
            #expect(!folder.manifests.isEmpty)
            for object in folder.manifests {
                #expect(object.kind == "Kustomization" && object.namespace == "flux-system")
                #expect(object.value.at("spec.retryInterval") == "2m")
                #expect(object.value.at("spec.prune") == true)
                #expect(tree.files["\(folder.name)/kustomization-\(object.name).yaml"] == YAMLRenderer.render(object))
            }
        }
        // The lock counts the workload clusters' objects only.
        let lockText = try #require(tree.files[LockFile.path])
        let lock = try #require(LockFile(text: lockText))
        #expect(lock.objects.keys.sorted() == manifests.clusters.map(\.name))
        #expect(lock.objects.values.reduce(0, +) == manifests.count - manifests.fleet.map(\.manifests.count).reduce(0, +))
    }

    /// `diff` reads head's unchanged files from the compile's objects: the engine's files too.
    @Test func theDiffFindsFleetObjectsAtTheirPaths() throws {
        let out = PlatformCompile.compile()
        let manifests = try #require(out.manifests)
        let paths = GitOpsLayout.objectPaths(manifests, root: "clusters")
        let set = try #require(paths["argocd/applicationset-acme-ai.yaml"])
        #expect(set.kind == "ApplicationSet")
        #expect(out.tree?.files["argocd/applicationset-acme-ai.yaml"] == YAMLRenderer.render(set))
    }
}
