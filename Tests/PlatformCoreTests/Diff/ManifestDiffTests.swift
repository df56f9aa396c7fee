import PlatformCore
import Testing

/// One case per kind of change, compared as exact keys, paths and values.
@Suite struct ManifestDiffTests {
    typealias F = DiffFixtures

    @Test func identicalTreesHaveNoChanges() {
        let objects = [("prod", F.deployment("llama")), ("prod", F.configMap("cfg"))]
        let report = F.report(objects, objects)
        #expect(!report.hasChanges)
        #expect(report.resources.isEmpty && report.files.isEmpty)
        #expect(report.summary.isEmpty)
    }

    @Test func added() {
        let report = F.report([("prod", F.configMap("cfg"))], [("prod", F.configMap("cfg")), ("prod", F.configMap("extra"))])
        #expect(report.resources.map(\.kind) == [.added])
        #expect(report.resources[0].key.description == "prod: ConfigMap search/extra")
        #expect(report.resources[0].object?[path: ["data", "mode"]] == "fast")
        // The namespace kustomization lists the new file: a non-object file change.
        #expect(report.files == [FileChange(path: "clusters/prod/search/kustomization.yaml", kind: .changed)])
    }

    @Test func removed() {
        let report = F.report([("prod", F.configMap("cfg")), ("prod", F.configMap("old"))], [("prod", F.configMap("cfg"))])
        #expect(report.resources.map(\.kind) == [.removed])
        #expect(report.resources[0].key.id.name == "old")
    }

    @Test func changedScalar() {
        let report = F.report([("prod", F.deployment("llama", replicas: 2))], [("prod", F.deployment("llama", replicas: 3))])
        #expect(report.resources.count == 1)
        #expect(report.resources[0].kind == .changed)
        #expect(report.resources[0].fields == [FieldChange(path: FieldPath([.key("spec"), .key("replicas")]), old: 2, new: 3)])
        #expect(report.resources[0].fields[0].path.description == "spec.replicas")
    }

    @Test func changedListOfScalarsIsOneChange() {
        let report = F.report([("prod", F.deployment("llama", args: ["--port=8000"]))],
                              [("prod", F.deployment("llama", args: ["--port=8000", "--enable-prefix-caching"]))])
        let fields = report.resources[0].fields
        #expect(fields.map(\.path.description) == ["spec.template.spec.containers[name=vllm].args"])
        #expect(fields[0].old == ["--port=8000"])
        #expect(fields[0].new == ["--port=8000", "--enable-prefix-caching"])
    }

    @Test func namedListItemsMatchByName() {
        let base = F.deployment("llama", env: [["name": "A", "value": "1"], ["name": "B", "value": "2"]])
        let head = F.deployment("llama", env: [["name": "B", "value": "3"], ["name": "A", "value": "1"]])
        let fields = F.report([("prod", base)], [("prod", head)]).resources[0].fields
        #expect(fields.map(\.path.description) == ["spec.template.spec.containers[name=vllm].env[name=B].value"])
        #expect(fields.map(\.old) == ["2"] && fields.map(\.new) == ["3"])
    }

    @Test func quotedKeysInPaths() {
        let report = F.report([("prod", F.quota(namespace: "search", gpus: "16"))], [("prod", F.quota(namespace: "search", gpus: "24"))])
        #expect(report.resources[0].fields.map(\.path.description) == [#"spec.hard["requests.nvidia.com/gpu"]"#])
    }

    @Test func renamed() {
        let report = F.report([("prod", F.configMap("old-name"))], [("prod", F.configMap("new-name"))])
        #expect(report.resources.count == 1)
        #expect(report.resources[0].kind == .renamed)
        #expect(report.resources[0].key.id.name == "new-name")
        #expect(report.resources[0].from?.id.name == "old-name")
    }

    @Test func movedNamespace() {
        let report = F.report([("prod", F.configMap("cfg", namespace: "search"))], [("prod", F.configMap("cfg", namespace: "support"))])
        #expect(report.resources.map(\.kind) == [.moved])
        #expect(report.resources[0].from?.id.namespace == "search")
        #expect(report.resources[0].key.id.namespace == "support")
    }

    @Test func movedCluster() {
        let report = F.report([("prod-use1", F.configMap("cfg"))], [("prod-usw2", F.configMap("cfg"))])
        #expect(report.resources.map(\.kind) == [.moved])
        #expect(report.resources[0].from?.cluster == "prod-use1")
        #expect(report.resources[0].key.cluster == "prod-usw2")
    }

    @Test func differentContentIsRemoveAndAddNotMove() {
        let report = F.report([("prod", F.configMap("a", data: ["x": "1"]))], [("prod", F.configMap("b", data: ["x": "2"]))])
        #expect(report.resources.map(\.kind) == [.removed, .added])
    }

    @Test func movePrefersSameCluster() {
        let report = F.report([("a", F.configMap("cfg"))], [("a", F.configMap("cfg2")), ("b", F.configMap("cfg"))])
        let renamed = report.resources.first { $0.kind == .renamed }
        #expect(renamed?.key.description == "a: ConfigMap search/cfg2")
        #expect(report.resources.filter { $0.kind == .added }.map(\.key.cluster) == ["b"])
    }
}
