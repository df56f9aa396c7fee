import Foundation
import Testing

@Suite struct InventoryCommandTests {
    static let shared = CLIRunner.repoRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// `inventory import` on the real GFD label dump prints a `nodePools` section `check` accepts.
    @Test func importOfRealLabelsPastesIntoACheckedSpec() throws {
        let labels = Self.shared.appendingPathComponent("realworld/inventory/gfd-node-labels-h100-mig-single.json")
        guard FileManager.default.fileExists(atPath: labels.path) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("../shared/realworld is missing in CI") }
            print("InventoryCommandTests: skipped (../shared/realworld not present)")
            return
        }
        let r = try CLIRunner.run(["inventory", "import", labels.path])
        #expect(r.status == 0)
        #expect(r.stdout == "nodePools:\n- name: h100-sxm-80gb\n  gpu: H100-SXM-80GB\n  gpusPerNode: 1\n  nodes:\n    max: 1\n    min: 1\n")
        let indented = r.stdout.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        let spec = """
            apiVersion: platformc/v1alpha1
            kind: Platform
            metadata:
              name: imported
            clusters:
              - name: lab
                provider: onprem

            """ + indented + "\nteams:\n  - name: lab\n"
        let dir = try CLIRunner.workspace(spec: spec)
        let check = try CLIRunner.run(["check"], in: dir)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func notJSONIsAnIOError() throws {
        let dir = try CLIRunner.workspace(spec: "not json")
        let r = try CLIRunner.run(["inventory", "import", "platform.yaml"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("platformc: error: cannot import `platform.yaml`: "))
    }

    @Test func explainInventoryJSON() throws {
        let r = try CLIRunner.run(["explain", "inventory", "--format", "json"], in: CLIRunner.repoRoot)
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let pools = object?["pools"] as? [[String: Any]]
        #expect(pools?.map { "\($0["cluster"]!)/\($0["pool"]!)" } == ["prod-use1/h100", "prod-usw2/a100", "prod-usw2/a100-mig",
            "prod-usw2/l40s"])
        #expect(pools?.first?["pricePerHour"] as? String == "55.04")
        #expect(pools?.first?["islands"] as? [Int] == [8])
    }

    /// The real GFD labels of one H100 node, as nodes of two GKE node pools (Spot and standard) and one
    /// AKS Spot pool: the import used to merge all three into one on-demand pool named after the GPU.
    /// Now each pool keeps the cloud's name and its capacity type, and the spec it prints says so
    /// after `check` (`explain inventory --format json`).
    @Test func importOfRealGFDLabelsKeepsSpotAndCloudPoolNames() throws {
        let path = Self.shared.appendingPathComponent("realworld/inventory/gfd-node-labels-h100-mig-single.json")
        guard let data = FileManager.default.contents(atPath: path.path) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("../shared/realworld is missing in CI") }
            print("InventoryCommandTests: skipped (../shared/realworld not present)")
            return
        }
        let gfd = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        func node(_ name: String, _ cloud: [String: String]) -> [String: Any] {
            ["apiVersion": "v1", "kind": "Node", "metadata": ["name": name, "labels": gfd.merging(cloud) { _, new in new }],
             "status": ["capacity": ["nvidia.com/gpu": "1"]]]
        }
        let list: [String: Any] = ["apiVersion": "v1", "kind": "List", "items": [
            node("gke-a-spot-1", ["cloud.google.com/gke-nodepool": "h100-spot", "cloud.google.com/gke-spot": "true"]),
            node("gke-a-spot-2", ["cloud.google.com/gke-nodepool": "h100-spot", "cloud.google.com/gke-spot": "true"]),
            node("gke-a-std-1", ["cloud.google.com/gke-nodepool": "h100-standard"]),
            node("aks-gpuspot-1", ["kubernetes.azure.com/agentpool": "gpuspot", "kubernetes.azure.com/scalesetpriority": "spot"]),
        ]]
        let dir = try CLIRunner.workspace(spec: "")
        try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys]).write(to: dir.appendingPathComponent("nodes.json"))
        let r = try CLIRunner.run(["inventory", "import", "nodes.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            nodePools:
            - name: gpuspot
              capacityType: spot
              gpu: H100-SXM-80GB
              gpusPerNode: 1
              nodes:
                max: 1
                min: 1
            - name: h100-spot
              capacityType: spot
              gpu: H100-SXM-80GB
              gpusPerNode: 1
              nodes:
                max: 2
                min: 2
            - name: h100-standard
              gpu: H100-SXM-80GB
              gpusPerNode: 1
              nodes:
                max: 1
                min: 1

            """)

        let indented = r.stdout.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        let spec = """
            apiVersion: platformc/v1alpha1
            kind: Platform
            metadata:
              name: imported
            clusters:
              - name: lab
                provider: onprem

            """ + indented + "\nteams:\n  - name: lab\n"
        try spec.write(to: dir.appendingPathComponent("platform.yaml"), atomically: true, encoding: .utf8)
        let inventory = try CLIRunner.run(["explain", "inventory", "--format", "json"], in: dir)
        #expect(inventory.status == 0, "\(inventory.stderr)")
        let pools = try #require((try JSONSerialization
            .jsonObject(with: Data(inventory.stdout.utf8)) as? [String: Any])?["pools"] as? [[String: Any]])
        #expect(pools.map { "\($0["pool"]!) \($0["capacityType"]!)" } == ["gpuspot spot", "h100-spot spot", "h100-standard on-demand"])
    }

    /// `kubectl get nodes -o yaml` gives the same pools as `-o json`.
    @Test func yamlNodeListIsAccepted() throws {
        let yaml = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Node
              metadata:
                labels:
                  karpenter.sh/capacity-type: spot
                  karpenter.sh/nodepool: gpu
                  node.kubernetes.io/instance-type: p5.48xlarge
                  nvidia.com/gpu.count: "8"
                  nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3
                name: ip-10-0-1-5
              status:
                capacity:
                  nvidia.com/gpu: "8"
            - apiVersion: v1
              kind: Node
              metadata:
                labels:
                  karpenter.sh/capacity-type: on-demand
                  karpenter.sh/nodepool: gpu
                  node.kubernetes.io/instance-type: p5.48xlarge
                  nvidia.com/gpu.count: "8"
                  nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3
                name: ip-10-0-1-6
              status:
                capacity:
                  nvidia.com/gpu: "8"

            """
        let dir = try CLIRunner.workspace(spec: "")
        try yaml.write(to: dir.appendingPathComponent("nodes.yaml"), atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["inventory", "import", "nodes.yaml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        // One Karpenter NodePool allows both capacity types: two pools, the Spot one says so.
        #expect(r.stdout == """
            nodePools:
            - name: gpu
              capacityType: on-demand
              instanceType: p5.48xlarge
              nodes:
                max: 1
                min: 1
            - name: gpu-spot
              capacityType: spot
              instanceType: p5.48xlarge
              nodes:
                max: 1
                min: 1

            """)
    }

    /// A malformed nodes file is located (line:column); a bad `--resourceslices` file is named as such.
    @Test func malformedInputsAreLocatedInTheRightFile() throws {
        let dir = try CLIRunner.workspace(spec: "")
        try "{\n  \"items\": [\n    {\"metadata\": {\"name\": \"a\"},}\n  ]\n}\n".write(to: dir.appendingPathComponent("nodes.json"),
            atomically: true, encoding: .utf8)
        let nodes = try CLIRunner.run(["inventory", "import", "nodes.json"], in: dir)
        #expect(nodes.status == 2)
        #expect(nodes.stderr.hasPrefix("nodes.json:3:32: error[E2311]: node list is not valid JSON: expected a key in double quotes\n"),
            "\(nodes.stderr)")
        #expect(nodes.stdout.isEmpty)

        try "{\"items\": []}".write(to: dir.appendingPathComponent("nodes.json"), atomically: true, encoding: .utf8)
        try "{\"items\": [\n  {\"spec\": tru}\n]}".write(to: dir.appendingPathComponent("slices.json"), atomically: true, encoding: .utf8)
        let slices = try CLIRunner.run(["inventory", "import", "nodes.json", "--resourceslices", "slices.json"], in: dir)
        #expect(slices.status == 2)
        #expect(slices.stderr.hasPrefix("slices.json:2:15: error[E2311]: ResourceSlice list is not valid JSON: expected `true`\n"),
            "\(slices.stderr)")
        #expect(slices.stderr.contains("kubectl get resourceslices -o json"))
    }

    /// A node with `nvidia.com/gpu` capacity and no GFD labels is a GPU node of unknown model, not
    /// one "without GPUs".
    @Test func gpuCapacityWithoutGFDLabelsIsAGPUNode() throws {
        let dir = try CLIRunner.workspace(spec: "")
        try """
            {"kind": "Node", "metadata": {"name": "gke-l4-1", "labels": {"cloud.google.com/gke-nodepool": "l4"}},
             "status": {"capacity": {"nvidia.com/gpu": "2"}}}
            """.write(to: dir.appendingPathComponent("node.json"), atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["inventory", "import", "node.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "nodePools:\n- name: l4\n  gpu: unknown\n  gpusPerNode: 2\n  nodes:\n    max: 1\n    min: 1\n")
        #expect(r.stderr.contains("""
            warning[W2310]: node `gke-l4-1` has 2 `nvidia.com/gpu` but no GPU Feature Discovery labels; its GPU model is unknown
            """))
        #expect(!r.stderr.contains("without GPUs"))
    }
}
