import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// Issue 17, finding 7: placement keeps the previous placement (the lock of the last compile)
/// and moves only what a change requires, naming each move's cause.
@Suite struct StickyPlacementTests {
    /// Two AWS clusters with one H100 pool each (us-east-1 the cheaper), four 2-GPU models that
    /// fit one node, and an agent on `m2`: `Tests/Cases/good-specs/sticky`, shared with the CLI's tests.
    static let spec = try! String(contentsOf: Golden.casesDir.appendingPathComponent("good-specs/sticky/platform.yaml"), encoding: .utf8)

    static func model(_ name: String) -> String {
        """
          - name: \(name)
            team: search
            source: hf://meta-llama/Llama-3.1-8B-Instruct
            parameters: 8B
            architecture: llama-3-8b
            gpu: { model: H100-SXM-80GB, count: 2 }
            replicas: { min: 1, max: 1 }

        """
    }

    static func compile(_ spec: String, previous: LockPlacement? = nil) throws -> (plan: PlannedPlatform, lock: LockPlacement) {
        var compiler = Compiler()
        compiler.previousPlacement = previous
        let output = compiler.compile(spec: Array(spec.utf8), file: "platform.yaml")
        #expect(!output.diagnostics.hasErrors, "\(output.diagnostics.sorted.map(\.message))")
        let plan = try #require(output.plan)
        let text = try #require(output.tree?.files[LockFile.path])
        return (plan, try #require(LockPlacement(lockText: text)))
    }

    static func clusters(_ plan: PlannedPlatform) -> [String: String] {
        plan.modelAssignments.mapValues { $0.map(\.cluster).joined(separator: ",") }
    }

    static let pinned = spec.replacingOccurrences(of: "    replicas: { min: 1, max: 1 }\n  - name: m2",
                                                  with: "    replicas: { min: 1, max: 1 }\n    placement: { cluster: usw2 }\n  - name: m2")

    @Test func pinningOneModelMovesOnlyThatModel() throws {
        let first = try Self.compile(Self.spec)
        #expect(Self.clusters(first.plan) == ["m1": "use1", "m2": "use1", "m3": "use1", "m4": "use1"])
        #expect(first.lock.agents == ["ops": "use1"] && first.plan.moves.isEmpty)

        // Placed afresh, the pin drags the three others and the agent to us-west-2 (one node
        // there is cheaper than a node in each cluster): what the issue saw.
        let fresh = try Self.compile(Self.pinned)
        #expect(Self.clusters(fresh.plan) == ["m1": "usw2", "m2": "usw2", "m3": "usw2", "m4": "usw2"])

        let kept = try Self.compile(Self.pinned, previous: first.lock)
        #expect(Self.clusters(kept.plan) == ["m1": "usw2", "m2": "use1", "m3": "use1", "m4": "use1"])
        #expect(kept.lock.agents == ["ops": "use1"])
        let pinLine = Self.pinned.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("cluster: usw2") }! + 1
        #expect(kept.plan.moves.map(\.description) == ["moved model `m1` use1/h100 → usw2/h100: pinned by platform.yaml:\(pinLine):27"])
    }

    @Test func aModelWithoutRoomMovesAndNamesWhatTookIt() throws {
        let small = Self.spec.replacingOccurrences(of: "nodes: { min: 0, max: 2 }\n        pricePerHour: 90",
                                                   with: "nodes: { min: 0, max: 1 }\n        pricePerHour: 90")
        let first = try Self.compile(small)
        // A fifth model pinned to the full pool: exactly one of the four must leave.
        let grown = small
            .replacingOccurrences(of: "agents:", with: Self.model("m5") + "    placement: { cluster: use1, pool: h100 }\nagents:")
        let kept = try Self.compile(grown, previous: first.lock)
        #expect(kept.plan.moves.count == 1)
        let move = try #require(kept.plan.moves.first)
        #expect(move.from == "use1/h100" && move.to == "usw2/h100" && move.cause == .noRoom(for: ["m5"]))
        #expect(move.because == "no room left on use1/h100 after `m5`")
        #expect(Self.clusters(kept.plan).values.filter { $0 == "use1" }.count == 4)
    }

    @Test func aRemovedPoolAndAnAgentFollowingItsModel() throws {
        let first = try Self.compile(Self.pinned)   // everything in usw2
        let gone = Self.pinned.replacingOccurrences(of: "    placement: { cluster: usw2 }\n", with: "")
            .replacingOccurrences(of: """
                      - name: h100\n        instanceType: p5.48xlarge\n        nodes: { min: 0, max: 2 }\n        pricePerHour: 100
                """,
                                  with: """
                                            - name: h100x\n        instanceType: p5.48xlarge\n        nodes: { min: 0, max: 2 }\n\
                                              pricePerHour: 100
                                      """)
        #expect(gone.contains("name: h100x"))
        let kept = try Self.compile(gone, previous: first.lock)
        let moves = kept.plan.moves.map(\.description)
        #expect(moves.contains("""
            moved model `m2` usw2/h100 → \(kept.plan.modelAssignments["m2"]![0].cluster)/\(kept.plan.modelAssignments["m2"]![0].pool): \
            usw2/h100 is no longer in the spec
            """))
        let agentMove = kept.plan.moves.first { $0.kind == .agent }
        #expect(agentMove == nil || agentMove?.cause == .followsModel("m2"))
        #expect(kept.lock.agents["ops"] == kept.plan.modelAssignments["m2"]![0].cluster)
    }

    @Test func aVersionOneLockStillReads() throws {
        let lock = #"{"lockVersion": 1, "placement": {"models": {"m1": [{"cluster": "use1", "pool": "h100", "replicas": 1, "nodes": "#
            + #"["use1/h100/node-0"]}]}, "training": {}}}"#
        let placement = try #require(LockPlacement(lockText: lock))
        #expect(placement.models["m1"] == [.init(cluster: "use1", pool: "h100", replicas: 1, nodes: ["use1/h100/node-0"])])
        #expect(placement.agents.isEmpty)
        #expect(LockPlacement(lockText: #"{"lockVersion": 1}"#) == nil)
    }
}
