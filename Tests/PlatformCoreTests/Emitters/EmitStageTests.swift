import PlatformCore
import PlatformDiagnostics
import Testing

/// The emitters run at once, each into its own context; the merge must give what one shared
/// context would have given running them in order: the first of two objects with one id kept,
/// and template conflicts, duplicates and the emitters' own diagnostics in that order.
@Suite struct EmitStageTests {
    /// An emitter that follows a script.
    struct Scripted: Emitter {
        enum Step {
            case add(name: String, value: String, cluster: String, template: String?)
            case report(String)
        }
        var steps: [Step]
        /// The stage starts the costliest first; the merge must not care.
        var cost = 1
        var relativeCost: Int { cost }
        func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
            for step in steps {
                switch step {
                case let .add(name, value, cluster, template):
                    context
                        .add(Manifest(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: "ns",
                            body: ["data": ["k": .string(value)]]),
                                to: cluster, template: template)
                case let .report(message):
                    context.diagnostics.warning("W9999", message, at: nil)
                }
            }
        }
    }

    static let templates = TemplateSet.load(files: ["t/cm.yaml": "data:\n  k: from-template\n  extra: kept\n"]).0

    @Test func mergeKeepsTheOrderOfOneSharedContext() throws {
        let plan = try #require(Compiler().compile(spec: Array(Fixture.minimal.utf8), file: "platform.yaml").plan)
        let emitters: [any Emitter] = [
            Scripted(steps: [.add(name: "x", value: "a", cluster: "east", template: "t/cm"), .report("A done")]),
            Scripted(steps: [.report("B starts"),
                             .add(name: "x", value: "b", cluster: "east", template: nil),
                             .add(name: "y", value: "y", cluster: "east", template: "t/cm"),
                             .add(name: "x", value: "b", cluster: "west", template: nil)], cost: 5),
            Scripted(steps: []),
            Scripted(steps: [.add(name: "y", value: "c", cluster: "east", template: "t/cm"), .report("C done")], cost: 9),
        ]
        for _ in 0..<10 {  // the emitters race each other; the answer must not
            let (manifests, diagnostics) = EmitStage.run(emitters, plan: plan, templates: Self.templates, clusters: ["north", "east"])
            #expect(diagnostics.all.map { "\($0.code) \($0.message)" } == [
                "W5001 template `t/cm` sets `data.k` for ConfigMap `x`; the compiler's value wins",
                "W9999 A done",
                "W9999 B starts",
                "E5002 two emitted objects share the id ConfigMap ns/x in cluster `east`",
                "W5001 template `t/cm` sets `data.k` for ConfigMap `y`; the compiler's value wins",
                "W5001 template `t/cm` sets `data.k` for ConfigMap `y`; the compiler's value wins",
                "E5002 two emitted objects share the id ConfigMap ns/y in cluster `east`",
                "W9999 C done",
            ])
            #expect(manifests.clusters.map(\.name) == ["east", "north", "west"])
            let east = manifests.manifests(in: "east")
            #expect(east.map(\.name) == ["x", "y"])
            #expect(east.map { $0.object["data"]?["k"]?.stringValue } == ["a", "y"])  // the first of each id
            #expect(east.first?.object["data"]?["extra"] == "kept")  // merged onto its template
            #expect(manifests.manifests(in: "west").map { $0.object["data"]?["k"]?.stringValue } == ["b"])
        }
    }
}
