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
        #expect(pools?.map { "\($0["cluster"]!)/\($0["pool"]!)" } == ["prod-use1/h100", "prod-usw2/a100", "prod-usw2/a100-mig", "prod-usw2/l40s"])
        #expect(pools?.first?["pricePerHour"] as? String == "55.04")
        #expect(pools?.first?["islands"] as? [Int] == [8])
    }
}
