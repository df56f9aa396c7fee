import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// Kueue queues and team quotas of the bundled platform: exact values, and strict validation of
/// the objects alone against the upstream schemas.
@Suite struct KueueEmitterTests {
    static func manifests(_ spec: String = PlatformCompile.bundledSpec) throws -> ManifestSet {
        var compiler = Compiler(templates: TemplateSet(), emitters: [TeamNamespaceEmitter(), KueueEmitter()])
        compiler.networkPolicyEmitter = nil  // the namespaces' and queues' objects only
        return try #require(compiler.compile(spec: Array(spec.utf8), file: "platform.yaml").manifests)
    }

    static func object(_ set: ManifestSet, _ cluster: String, _ kind: String, _ name: String) -> Manifest? {
        set.clusters.first { $0.name == cluster }?.manifests.first { $0.kind == kind && $0.name == name }
    }

    @Test func flavorsArePerDevicePluginPoolWithTheirLabelAndTolerations() throws {
        let set = try Self.manifests()
        let kinds = { (c: String) in (set.clusters.first { $0.name == c }?.manifests ?? [])
            .filter { $0.kind == "ResourceFlavor" }.map(\.name) }
        #expect(kinds("prod-use1") == ["h100"])
        #expect(kinds("prod-usw2") == ["a100", "l40s"])   // a100-mig is DRA: quota'd by device class
        let flavor = try #require(Self.object(set, "prod-usw2", "ResourceFlavor", "l40s"))
        #expect(flavor.body["spec"]?["nodeLabels"] == ["karpenter.sh/nodepool": "l40s"])
        #expect(flavor.body["spec"]?["tolerations"] == [["key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"]])
    }

    @Test func clusterQueuePerTeamWithQuotaCappedByPoolAndCohort() throws {
        let set = try Self.manifests()
        let queue = try #require(Self.object(set, "prod-usw2", "ClusterQueue", "research"))
        let spec = try #require(queue.body["spec"])
        #expect(spec["cohortName"] == "platform")
        #expect(spec["namespaceSelector"] == ["matchLabels": ["kubernetes.io/metadata.name": "research"]])
        let flavors = try #require(spec["resourceGroups"]?[0]?["flavors"])
        // research's 24 GPUs in prod-usw2 (`TeamQuotaSplit`) against a100's 3 × 8 = 24, which platform
        // (4) and support (16) ask for too: 24 split 4:24:16 gives research 13, and it may borrow 11.
        #expect(flavors[0]?["name"] == "a100")
        #expect(flavors[0]?["resources"]?[2] == ["name": "nvidia.com/gpu", "nominalQuota": "13", "borrowingLimit": "11"])
        #expect(flavors[0]?["resources"]?[0] == ["name": "cpu", "nominalQuota": "156", "borrowingLimit": "132"])   // 288 vCPU × 13/24
        #expect(flavors[1]?["resources"]?[2] == ["name": "nvidia.com/gpu", "nominalQuota": "7", "borrowingLimit": "9"])
        let platform = try #require(Self.object(set, "prod-use1", "ClusterQueue", "platform"))
        #expect(platform
            .body["spec"]?["resourceGroups"]?[0]?["flavors"]?[0]?["resources"]?[2] == ["name": "nvidia.com/gpu", "nominalQuota": "4",
                "borrowingLimit": "0"])
    }

    @Test func localQueuesAndPriorityClasses() throws {
        let set = try Self.manifests()
        let local = try #require(Self.object(set, "prod-use1", "LocalQueue", Conventions.localQueueName(team: "search")))
        #expect(local.namespace == "search")
        #expect(local.body["spec"] == ["clusterQueue": "search"])
        let critical = try #require(Self.object(set, "prod-use1", "WorkloadPriorityClass", "priority-critical"))
        #expect(critical.body["value"] == 1000)
        let names = (set.clusters.first { $0.name == "prod-use1" }?.manifests ?? [])
            .filter { $0.kind == "WorkloadPriorityClass" }.map(\.name)
        #expect(names.sorted() == ["priority-critical", "priority-high", "priority-low", "priority-medium"])
    }

    @Test func resourceQuotaUsesTheDeviceClassOnDRAClusters() throws {
        let set = try Self.manifests()
        let use1 = try #require(set.clusters.first { $0.name == "prod-use1" }?.manifests
            .first { $0.kind == "ResourceQuota" && $0.namespace == "search" })
        #expect(use1.body["spec"]?["hard"] == ["requests.nvidia.com/gpu": "24"])
        // support's 16 GPUs all go to prod-usw2, where its models run.
        let usw2 = try #require(set.clusters.first { $0.name == "prod-usw2" }?.manifests
            .first { $0.kind == "ResourceQuota" && $0.namespace == "support" })
        #expect(usw2.body["spec"]?["hard"]?["requests.nvidia.com/gpu"] == "16")
        #expect(usw2.body["spec"]?["hard"]?["gpu.nvidia.com.deviceclass.resource.k8s.io/devices"] == "16")
        // a100-mig splits each GPU into two 3g.40gb slices: 16 GPUs are 32 MIG devices.
        #expect(usw2.body["spec"]?["hard"]?["mig.nvidia.com.deviceclass.resource.k8s.io/devices"] == "32")
    }

    @Test(.needsPython(["kubernetes_validate", "jsonschema", "yaml"]), .needsShared) func quotaAndQueueObjectsValidateStrictly() throws {
        guard let shared = SharedTools.requireShared(),
              SharedTools.requirePython(modules: ["kubernetes_validate", "jsonschema", "yaml"]) else { return }
        let tree = GitOpsLayout.render(try Self.manifests())
        let dir = try SharedTools.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SharedTools.write(tree.files, under: dir)
        // 4 namespaces and quotas, 1 or 2 flavors, 4 priority classes, 4 cluster queues, 4 local queues.
        for cluster in ["prod-use1", "prod-usw2"] {
            let result = SharedTools.validateManifests(directory: dir.appendingPathComponent("clusters/\(cluster)"), shared: shared)
            #expect(result.exitCode == 0, "\(cluster): \(result.output)")
            #expect(result.output.contains(cluster == "prod-use1" ? "21 documents, 0 errors" : "22 documents, 0 errors"),
                "\(result.output)")
        }
    }
}
