import Foundation
import PlatformDiagnostics
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// #17 finding 6: spot capacity and the cloud's node-pool names survive an import, and malformed
/// JSON is located.
@Suite struct CloudNodeLabelsTests {
    @Test func capacityTypeOfEachCloud() {
        #expect(CloudNodeLabels.capacityType(["karpenter.sh/capacity-type": "spot"]) == .spot)
        #expect(CloudNodeLabels.capacityType(["karpenter.sh/capacity-type": "reserved"]) == .reserved)
        #expect(CloudNodeLabels.capacityType(["karpenter.sh/capacity-type": "on-demand"]) == .onDemand)
        #expect(CloudNodeLabels.capacityType(["eks.amazonaws.com/capacityType": "SPOT"]) == .spot)
        #expect(CloudNodeLabels.capacityType(["eks.amazonaws.com/capacityType": "ON_DEMAND"]) == .onDemand)
        #expect(CloudNodeLabels.capacityType(["eks.amazonaws.com/capacityType": "CAPACITY_BLOCK"]) == .reserved)
        #expect(CloudNodeLabels.capacityType(["cloud.google.com/gke-spot": "true"]) == .spot)
        #expect(CloudNodeLabels.capacityType(["cloud.google.com/gke-preemptible": "true"]) == .spot)
        #expect(CloudNodeLabels.capacityType(["kubernetes.azure.com/scalesetpriority": "spot"]) == .spot)
        #expect(CloudNodeLabels.capacityType(["kubernetes.azure.com/scalesetpriority": "regular"]) == .onDemand)
        #expect(CloudNodeLabels.capacityType(["cloud.google.com/gke-nodepool": "default-pool"]) == nil)
    }

    @Test func poolNameOfEachCloud() {
        #expect(CloudNodeLabels.poolName(["cloud.google.com/gke-nodepool": "a3"]) == "a3")
        #expect(CloudNodeLabels.poolName(["kubernetes.azure.com/agentpool": "ndv5"]) == "ndv5")
        #expect(CloudNodeLabels.poolName(["eks.amazonaws.com/nodegroup": "p5"]) == "p5")
        #expect(CloudNodeLabels.poolName(["karpenter.sh/nodepool": "gpu", "eks.amazonaws.com/nodegroup": "p5"]) == "gpu")
        #expect(CloudNodeLabels.poolName([:]) == nil)
    }

    /// Two p5 nodes of one EKS node group, one Spot: two pools, and the Spot one is priced as such.
    @Test func spotAndOnDemandNodesNeverShareAPool() throws {
        let labels = InventoryFixtures.h100Labels.merging(["eks.amazonaws.com/nodegroup": "p5"]) { a, _ in a }
        let nodes = InventoryFixtures.json(["apiVersion": "v1", "kind": "List", "items": [
            InventoryFixtures.node("a", instanceType: "p5.48xlarge", zone: "us-east-1a",
                                   labels: labels.merging(["eks.amazonaws.com/capacityType": "SPOT"]) { _, b in b }),
            InventoryFixtures.node("b", instanceType: "p5.48xlarge", zone: "us-east-1a",
                                   labels: labels.merging(["eks.amazonaws.com/capacityType": "ON_DEMAND"]) { _, b in b }),
        ]])
        let (pools, _) = try InventoryImporter.importNodes(json: nodes)
        #expect(pools
            .map { "\($0.name) \($0.capacityType?.rawValue ?? "-") \($0.nodeNames)" } == ["p5 on-demand [\"b\"]", "p5-spot spot [\"a\"]"])
    }

    @Test func jsonProblemsHaveAPosition() {
        func at(_ text: String) -> String? {
            JSONSyntaxCheck.firstProblem(Array(text.utf8)).map { "\($0.line):\($0.column) \($0.message)" }
        }
        #expect(at("{\"a\": [1, 2,]}") == "1:13 expected a value (an object, array, string, number, `true`, `false` or `null`)")
        #expect(at("{\n  \"a\": 1,\n}") == "3:1 expected a key in double quotes")
        #expect(at("{\"a\": tru}") == "1:10 expected `true`")
        #expect(at("{\"a\": 1") == "1:8 the text ends before the closing `}`")
        #expect(at("{\"é\": \"x\" \"b\"}") == "1:11 expected `,` or `}` after a member")
        #expect(at("{\"a\": 1} x") == "1:10 unexpected text after the JSON value")
        #expect(at("{\"a\": 01}") == "1:8 expected `,` or `}` after a member")
        #expect(at(" {\"items\": [{\"a\": -1.5e3, \"b\": \"\\u00e9\\n\", \"c\": [true, false, null]}]}\n") == nil)
    }

    @Test func badResourceSlicesAreNamedAsSuch() {
        #expect(throws: InventoryImportError("ResourceSlice list is not valid JSON: expected `true`", line: 1, column: 21,
            input: .resourceSlices)) {
            try InventoryImporter
                .importNodes(json: Array("{\"items\": []}".utf8), resourceSlices: Array("{\"items\": [{\"a\": tru}]}".utf8))
        }
    }
}
