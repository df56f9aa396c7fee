import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct TemplateMergeTests {
    @Test func mapsMergeRecursivelyAndComputedAddsKeys() {
        let template: ManifestValue = ["metadata": ["labels": ["tier": "serving"]], "spec": ["revisionHistoryLimit": 3]]
        let computed: ManifestValue = ["metadata": ["labels": ["team": "search"], "name": "llama"], "spec": ["replicas": 2]]
        let (merged, conflicts) = TemplateMerge.merge(template: template, computed: computed)
        #expect(merged == [
            "metadata": ["labels": ["tier": "serving", "team": "search"], "name": "llama"],
            "spec": ["revisionHistoryLimit": 3, "replicas": 2],
        ])
        #expect(conflicts.isEmpty)
    }

    @Test func namedListsMergeByNameTemplateOrderFirst() {
        let template: ManifestValue = ["containers": [
            ["name": "sidecar", "image": "envoy:1"],
            ["name": "vllm", "image": "vllm:template", "securityContext": ["runAsNonRoot": true]],
        ]]
        let computed: ManifestValue = ["containers": [
            ["name": "init-weights", "image": "loader:2"],
            ["name": "vllm", "image": "vllm:0.6", "args": ["--tp", "4"]],
        ]]
        let (merged, conflicts) = TemplateMerge.merge(template: template, computed: computed, path: "spec.template.spec")
        #expect(merged == ["containers": [
            ["name": "sidecar", "image": "envoy:1"],
            ["name": "vllm", "image": "vllm:0.6", "securityContext": ["runAsNonRoot": true], "args": ["--tp", "4"]],
            ["name": "init-weights", "image": "loader:2"],
        ]])
        #expect(conflicts == [MergeConflict(path: "spec.template.spec.containers[vllm].image",
                                            templateValue: "vllm:template", computedValue: "vllm:0.6")])
    }

    @Test func otherListsAreReplacedWholeWithAConflict() {
        let (merged, conflicts) = TemplateMerge.merge(template: ["args": ["--a"], "same": ["x"]],
                                                      computed: ["args": ["--b", "--c"], "same": ["x"]])
        #expect(merged == ["args": ["--b", "--c"], "same": ["x"]])
        #expect(conflicts == [MergeConflict(path: "args", templateValue: ["--a"], computedValue: ["--b", "--c"])])
    }

    @Test func repeatedNamesFallBackToComputedWhole() {
        let template: ManifestValue = ["env": [["name": "A", "value": "1"], ["name": "A", "value": "2"]]]
        let computed: ManifestValue = ["env": [["name": "A", "value": "3"]]]
        let (merged, conflicts) = TemplateMerge.merge(template: template, computed: computed)
        #expect(merged == computed)
        #expect(conflicts.map(\.path) == ["env"])
    }

    @Test func typeMismatchAndScalarsConflictAndComputedWins() {
        let (merged, conflicts) = TemplateMerge.merge(
            template: ["replicas": 1, "resources": "none", "ok": true],
            computed: ["replicas": 3, "resources": ["limits": ["cpu": "1"]], "ok": true])
        #expect(merged == ["replicas": 3, "resources": ["limits": ["cpu": "1"]], "ok": true])
        #expect(conflicts.map(\.path) == ["replicas", "resources"])
        #expect(conflicts[0].description == "replicas: template has 1, computed 3")
    }

    @Test func pathsQuoteKeysThatAreNotWords() {
        let (_, conflicts) = TemplateMerge.merge(
            template: ["metadata": ["annotations": ["prometheus.io/scrape": "false"]]],
            computed: ["metadata": ["annotations": ["prometheus.io/scrape": "true"]]])
        #expect(conflicts.map(\.path) == [#"metadata.annotations["prometheus.io/scrape"]"#])
    }

    @Test func templateSetLoadsByPathWithoutExtension() {
        let (set, errors) = TemplateSet.load(files: [
            "vllm/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nspec:\n  revisionHistoryLimit: 3\n",
            "./keda/scaledobject.yml": "spec: {pollingInterval: 15}\n",
            "README.md": "# not a template",
        ])
        #expect(errors.isEmpty)
        #expect(set.keys == ["keda/scaledobject", "vllm/deployment"])
        #expect(set["keda/scaledobject"] == ["spec": ["pollingInterval": 15]])
        let (applied, conflicts) = set.apply("vllm/deployment", to: ["spec": ["replicas": 2]])
        #expect(applied == ["apiVersion": "apps/v1", "kind": "Deployment", "spec": ["revisionHistoryLimit": 3, "replicas": 2]])
        #expect(conflicts.isEmpty)
        #expect(set.apply("missing/kind", to: ["a": 1]).0 == ["a": 1])
    }

    @Test func templateSetReportsBadFilesAndKeepsTheRest() {
        let (set, errors) = TemplateSet.load(files: [
            "a.yaml": "x: 1\nx: 2\n",
            "b.yaml": "- just\n- a list\n",
            "c.yaml": "key: [unclosed\n",
            "d.yaml": "fine: true\n",
            "d.yml": "fine: false\n",
        ])
        #expect(set.keys == ["d"])
        #expect(set["d"] == ["fine": true])
        #expect(errors.map(\.path) == ["a.yaml", "b.yaml", "c.yaml", "d.yml"])
        #expect(errors[0].description == "a.yaml:2:1: duplicate key in mapping")
        #expect(errors[1].message == "a template must be one YAML mapping")
        #expect(errors[3].message == "template `d` is already defined by d.yaml")
    }
}

/// Properties over seeded random values.
@Suite struct TemplateMergePropertyTests {
    @Test func mergingAValueWithItselfChangesNothing() {
        var random = RandomManifestValues(generator: SeededGenerator(seed: 42))
        for _ in 0..<1000 {
            let value = random.value()
            let (merged, conflicts) = TemplateMerge.merge(template: value, computed: value)
            #expect(merged == value)
            #expect(conflicts.isEmpty)
        }
    }

    @Test func anEmptyTemplateYieldsTheComputedValue() {
        var random = RandomManifestValues(generator: SeededGenerator(seed: 7))
        for _ in 0..<1000 {
            guard case .map = random.value() else { continue }
            let computed = random.value()
            guard case .map = computed else { continue }
            let (merged, conflicts) = TemplateMerge.merge(template: .emptyMap, computed: computed)
            #expect(merged == computed)
            #expect(conflicts.isEmpty)
        }
    }
}
