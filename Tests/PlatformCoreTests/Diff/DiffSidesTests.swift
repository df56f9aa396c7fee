import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
@testable import PlatformDiff

/// `DiffSides` takes the objects of unchanged files from the head compile's memory instead of
/// parsing them: the facts and the report must be exactly those of parsing every file.
@Suite struct DiffSidesTests {
    typealias F = DiffFixtures

    /// Compiled platforms covering every kind the facts read that the emitters produce:
    /// Deployments, a LeaderWorkerSet and ResourceQuotas.
    static func platforms() throws -> [(name: String, output: Compiler.Output)] {
        let templates = try BundledPlatformServingTests.repositoryTemplates()
        let generated = PlatformGenerator.generate(GeneratorParameters(seed: 7, clusters: 3, nodes: 60, models: 30, teams: 5))
        let multiNode = Fixture.servingSpec(ServingVariantsValidationTests.variants["multi-node"] ?? [])
        return [
            ("bundled platform.yaml", try BundledPlatformServingTests.compile()),
            ("generated", Compiler(templates: templates).compile(spec: Array(generated.utf8), file: "gen.yaml")),
            ("multi-node (LeaderWorkerSet)", Compiler(templates: templates).compile(spec: Array(multiNode.utf8), file: "platform.yaml")),
        ]
    }

    @Test func factsFromMemoryAreTheFactsOfTheParsedFiles() throws {
        for (name, output) in try Self.platforms() {
            let tree = try #require(output.tree, "\(name)")
            let manifests = try #require(output.manifests, "\(name)")
            let root = try #require(output.platform?.gitops.path, "\(name)")
            let objects = GitOpsLayout.objectPaths(manifests, root: root)
            // Every object file is taken from memory, so the comparison below is not parsing against parsing.
            #expect(objects.count == manifests.count, "\(name)")
            #expect(objects.allSatisfy { DiffSides.renderedFrom($0.value, text: tree.files[$0.key] ?? "") != nil }, "\(name)")

            let parsed = PlatformFacts(PlatformSnapshot(files: tree.files, root: root))
            let sides = DiffSides(base: tree.files, head: tree.files, root: root, headObjects: objects)
            #expect(sides.headFacts == parsed, "\(name)")
            #expect(sides.baseFacts == parsed, "\(name)")
            #expect(!parsed.placements.isEmpty && !parsed.quotas.isEmpty, "\(name)")
            if name.hasPrefix("multi-node") {
                #expect(manifests.clusters.flatMap(\.manifests).contains { $0.kind == "LeaderWorkerSet" })
                #expect(parsed.placements.contains { $0.gpusPerReplica == 16 }, "a group of two pods of 8 GPUs")
            }
        }
    }

    @Test func reportWithMemoryIsTheReportOfParsing() throws {
        let output = try BundledPlatformServingTests.compile()
        let tree = try #require(output.tree), manifests = try #require(output.manifests)
        let root = try #require(output.platform?.gitops.path)
        // A base where one serving workload has another replica count and one quota another limit.
        var base = tree.files
        let deployment = try #require(base.keys.sorted().first { $0.contains("/deployment-") && base[$0]!.contains("nvidia.com/gpu") })
        let quota = try #require(base.keys.sorted().first { $0.contains("/resourcequota-") })
        base[deployment] = base[deployment]!.replacingOccurrences(of: "\n  replicas: ", with: "\n  replicas: 1")
        base[quota] = base[quota]!.replacingOccurrences(of: "nvidia.com/gpu: '", with: "nvidia.com/gpu: '1")
        #expect(base[deployment] != tree.files[deployment] && base[quota] != tree.files[quota])
        // Without its lock, the base's replicas and GPUs are read from the manifests: the path compared here.
        base[LockFile.path] = nil

        let fast = DiffSides(base: base, head: tree.files, root: root, headObjects: GitOpsLayout.objectPaths(manifests, root: root))
        let report = DiffReport(fast, baseLabel: "base", headLabel: "head", headDiagnostics: [])
        let whole = DiffReport(base: PlatformSnapshot(files: base, root: root), head: PlatformSnapshot(files: tree.files, root: root),
                               baseLabel: "base", headLabel: "head", headDiagnostics: [])
        #expect(report == whole)
        #expect(report.resources.count == 2 && !report.summary.replicas.isEmpty && !report.summary.quotas.isEmpty)
    }

    @Test func addedRemovedAndChangedFilesReportAsWholeSnapshotsDo() {
        let base = F
            .files([("prod", F.deployment("llama", replicas: 2)), ("prod", F.configMap("old")),
                ("prod", F.quota(namespace: "search", gpus: "8")),
                            ("prod", F.deployment("stay", replicas: 1))])
        let heads = [
            F
                .files([("prod", F.deployment("llama", replicas: 3)), ("prod", F.configMap("new")),
                    ("prod", F.quota(namespace: "search", gpus: "8")),
                     ("prod", F.deployment("stay", replicas: 1)), ("edge", F.deployment("fresh", replicas: 4))]),
            F
                .files([("prod", F.deployment("llama", replicas: 3)), ("prod", F.quota(namespace: "search", gpus: "12")),
                    ("prod", F.deployment("stay", replicas: 1))]),
            F
                .files([("prod", F.deployment("llama", replicas: 3)), ("prod", F.configMap("old")),
                    ("prod", F.quota(namespace: "search", gpus: "8")),
                     ("prod", F.deployment("stay", replicas: 1))]),
        ]
        for head in heads {
            let fast = DiffReport(DiffSides(base: base, head: head), baseLabel: "a", headLabel: "b", headDiagnostics: [])
            let whole = DiffReport(base: PlatformSnapshot(files: base), head: PlatformSnapshot(files: head), baseLabel: "a", headLabel: "b",
                headDiagnostics: [])
            #expect(fast == whole)
            #expect(fast.hasChanges && !fast.summary.isEmpty)
        }
    }

    @Test func aFileNotRenderedFromItsObjectIsParsed() {
        // Another emitter wrote over the object's file: its text, not the object in memory, counts.
        let files = F.files([("prod", F.deployment("llama", replicas: 2, gpus: 4))])
        let path = "clusters/prod/search/deployment-llama.yaml"
        #expect(files[path] != nil)
        let stale = [path: F.deployment("llama", replicas: 5, gpus: 8)]
        #expect(DiffSides.renderedFrom(stale[path], text: files[path]!) == nil)
        let sides = DiffSides(base: files, head: files, headObjects: stale)
        #expect(sides.headFacts.placements.map(\.replicas) == [2])
        #expect(sides.headFacts.gpusByTeam == ["search": 8])
    }

    @Test func anObjectInAChangedAndAnUnchangedFileCountsOnceInPathOrder() {
        // Hand-written trees may hold one object twice; the copy first in path order counts,
        // whether it is in the unchanged file or in the changed one.
        let text = { (replicas: Int64) in YAMLRenderer.render(F.deployment("llama", replicas: replicas)) }
        for changedPath in ["clusters/prod/search/0-first.yaml", "clusters/prod/search/z-last.yaml"] {
            let unchanged = ["clusters/prod/search/m-copy.yaml": text(2),
                "clusters/prod/search/quota.yaml": YAMLRenderer.render(F.quota(namespace: "search", gpus: "8"))]
            let base = unchanged.merging([changedPath: text(5)]) { $1 }, head = unchanged.merging([changedPath: text(7)]) { $1 }
            let sides = DiffSides(base: base, head: head)
            #expect(sides.baseFacts == PlatformFacts(PlatformSnapshot(files: base)), "\(changedPath)")
            #expect(sides.headFacts == PlatformFacts(PlatformSnapshot(files: head)), "\(changedPath)")
            #expect(sides.headFacts.placements.map(\.replicas) == [changedPath.contains("first") ? 7 : 2])
        }
    }

    @Test func byteComparisonIsStricterThanStringEquality() {
        // "é" precomposed and decomposed are equal Strings but different files.
        #expect("\u{E9}" == "e\u{301}")
        #expect(!DiffSides.sameBytes("\u{E9}", "e\u{301}"))
        #expect(DiffSides.sameBytes("", ""))
        #expect(DiffSides.sameBytes("kind: Deployment\n", "kind: Deployment\n"))
    }
}
