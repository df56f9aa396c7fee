import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// #17 finding 8: a topology ConfigMap only from a real file (the pool's `topologyFile` or the
/// provider's published one), `NCCL_TOPO_FILE` only where it is mounted, never on EFA, and every
/// ConfigMap mounted by the pods that use its pool.
@Suite struct NCCLTopologySourceTests {
    static let minimalCluster =
        "    provider: aws\n    zones: [us-east-1a, us-east-1b]\n    nodePools:\n      - name: h100\n        instanceType: p5.48xlarge\n"

    /// The minimal spec (a TP=4 model and a 2-node gang on one pool) on another cloud.
    static func minimal(provider: String, zones: String, pool: String, withTraining: Bool = true) -> String {
        var spec = Fixture
            .spec([(minimalCluster, "    provider: \(provider)\n    zones: [\(zones)]\n    nodePools:\n      - name: h100\n\(pool)")])
        if !withTraining, let range = spec.range(of: "training:\n") { spec = String(spec[..<range.lowerBound]) }
        return spec
    }

    static let azure = minimal(provider: "azure", zones: "eastus-1, eastus-2", pool: "        instanceType: Standard_ND96isr_H100_v5\n")

    /// ConfigMaps named `nccl-topology-*`, as `cluster/namespace/name`.
    static func topologyMaps(_ out: Compiler.Output) -> [String] {
        (out.manifests?.clusters ?? []).flatMap { cluster in
            cluster.manifests.filter { $0.kind == "ConfigMap" && $0.name.hasPrefix("nccl-topology-") }
                .map { "\(cluster.name)/\($0.namespace ?? "")/\($0.name)" }
        }.sorted()
    }

    /// Every value of `NCCL_TOPO_FILE` in any container of any object.
    static func topoFileVariables(_ out: Compiler.Output) -> [String] {
        var found: [String] = []
        func walk(_ value: ManifestValue, _ id: String) {
            switch value {
            case .map(let map):
                if map["name"] == "NCCL_TOPO_FILE" { found.append(id) }
                for entry in map.entries { walk(entry.value, id) }
            case .list(let items): items.forEach { walk($0, id) }
            default: break
            }
        }
        for cluster in out.manifests?.clusters ?? [] {
            for m in cluster.manifests { walk(m.value, "\(cluster.name)/\(m.kind)/\(m.name)") }
        }
        return found
    }

    /// Bundled platform (AWS, EFA, no `topologyFile`): main emitted three ConfigMaps of made-up bus IDs
    /// (`0000:01:00.0`…) and set `NCCL_TOPO_FILE` in the TrainJob.
    @Test func noPlaceholderTopologyWithoutAFile() throws {
        let out = PlatformCompile.compile()
        #expect(PlatformCompile.errors(out) == [])
        #expect(Self.topologyMaps(out) == [])
        #expect(Self.topoFileVariables(out) == [])
        #expect(!(out.tree?.files.values.contains { $0.contains("0000:01:00.0") } ?? true))
        let job = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "TrainJob", name: "llama-sft", namespace: "research"))
        #expect(job.value.at("spec.runtimePatches.0.trainingRuntimeSpec.template.spec.replicatedJobs.0.template.spec.template.spec.volumes")
                == [["name": "dshm", "emptyDir": ["medium": "Memory", "sizeLimit": "64Gi"]]])
    }

    /// GKE A3 (GPUDirect-TCPX, no published file) without `topologyFile`: nothing, as on AWS.
    @Test func noTopologyOnAPoolWithoutAFileOnGKE() {
        let out = PlatformCompile.compile(Self.minimal(provider: "gcp", zones: "us-central1-a, us-central1-b",
                                                       pool: "        instanceType: a3-highgpu-8g\n", withTraining: false))
        #expect(PlatformCompile.errors(out) == [])
        #expect(out.tree != nil)
        #expect(Self.topologyMaps(out) == [])
        #expect(Self.topoFileVariables(out) == [])
    }

    /// p5.48xlarge (EFA) with its own dump: the file still decides the islands, but is not given to
    /// NCCL, so aws-ofi-nccl keeps its own topology; no ConfigMap, no mount, no variable.
    @Test func efaPoolGetsNoTopoFileEvenWithADump() throws {
        let spec = PlatformCompile
            .edit(PlatformCompile.bundledSpec, [("        instanceType: p5.48xlarge       # 8x H100-SXM-80GB on NVSwitch, 32 EFA NICs\n",
                                                                     """
                                                                                 instanceType: p5.48xlarge\n\
                                                                                 topologyFile: topo/p5.xml\n
                                                                         """)])
        let out = PlatformCompile.compile(spec, topologyFiles: ["topo/p5.xml": Self.dump(gpus: 8)])
        #expect(PlatformCompile.errors(out) == [])
        #expect(Self.topologyMaps(out) == [])
        #expect(Self.topoFileVariables(out) == [])
        let job = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "TrainJob", name: "llama-sft", namespace: "research"))
        #expect(job.value.at("spec.trainer.env")?.listValue?.map { $0["name"]?.stringValue ?? "" }
                == ["FI_EFA_FORK_SAFE", "FI_EFA_USE_DEVICE_RDMA", "FI_PROVIDER", "NCCL_DEBUG"])
    }

    /// ND H100 v5: Azure's `ndv5-topo.xml`, byte for byte, in the team's namespace, mounted by the
    /// TP=4 model's servers and by the TrainJob, each with `NCCL_TOPO_FILE`.
    @Test func publishedFileIsEmittedAndMounted() throws {
        let out = PlatformCompile.compile(Self.azure)
        #expect(PlatformCompile.errors(out) == [])
        #expect(Self.topologyMaps(out) == ["prod/search/nccl-topology-h100"])
        let map = try #require(PlatformCompile
            .object(out, cluster: "prod", kind: "ConfigMap", name: "nccl-topology-h100", namespace: "search"))
        let file = try String(contentsOf: PublishedTopologyTests.folder.appendingPathComponent("azure/ndv5-topo.xml"), encoding: .utf8)
        #expect(map.value.at("data")?["topology.xml"] == .string(file))

        let server = try #require(PlatformCompile
            .object(out, cluster: "prod", kind: "Deployment", name: "llama-3-70b", namespace: "search"))
        let pod = try #require(server.value.at("spec.template.spec"))
        #expect(pod["volumes"]?.listValue?.contains(["name": "nccl-topology", "configMap": ["name": "nccl-topology-h100"]]) == true)
        #expect(pod
            .at("containers.0.volumeMounts")?.listValue?.contains(["name": "nccl-topology", "mountPath": "/etc/nccl",
                "readOnly": true]) == true)
        #expect(pod.at("containers.0.env")?.listValue?.contains(["name": "NCCL_TOPO_FILE", "value": "/etc/nccl/topology.xml"]) == true)

        let job = try #require(PlatformCompile.object(out, cluster: "prod", kind: "TrainJob", name: "sft", namespace: "search"))
        let jobPod = try #require(job.value
            .at("spec.runtimePatches.0.trainingRuntimeSpec.template.spec.replicatedJobs.0.template.spec.template.spec"))
        #expect(jobPod["volumes"]?.listValue?.contains(["name": "nccl-topology", "configMap": ["name": "nccl-topology-h100"]]) == true)
        #expect(jobPod
            .at("containers.0.volumeMounts")?.listValue?.contains(["name": "nccl-topology", "mountPath": "/etc/nccl",
                "readOnly": true]) == true)
        #expect(job.value
            .at("spec.trainer.env")?.listValue?.contains(["name": "NCCL_TOPO_FILE", "value": "/etc/nccl/topology.xml"]) == true)
        #expect(Self.topoFileVariables(out) == ["prod/Deployment/llama-3-70b", "prod/TrainJob/sft"])
    }

    /// GKE with a `topologyFile`: main emitted the ConfigMap and no pod mounted it. The model's
    /// servers now mount it.
    @Test func dumpOnGKEIsMountedByTheModelServers() throws {
        let spec = Self.minimal(provider: "gcp", zones: "us-central1-a, us-central1-b",
                                pool: "        instanceType: a3-highgpu-8g\n        topologyFile: topo/a3.xml\n", withTraining: false)
        let out = PlatformCompile.compile(spec, topologyFiles: ["topo/a3.xml": Self.dump(gpus: 8)])
        #expect(PlatformCompile.errors(out) == [])
        #expect(Self.topologyMaps(out) == ["prod/search/nccl-topology-h100"])
        #expect(Self.topoFileVariables(out) == ["prod/Deployment/llama-3-70b"])
        let server = try #require(PlatformCompile
            .object(out, cluster: "prod", kind: "Deployment", name: "llama-3-70b", namespace: "search"))
        #expect(server.value
            .at("spec.template.spec.volumes")?.listValue?.contains(["name": "nccl-topology",
                "configMap": ["name": "nccl-topology-h100"]]) == true)
    }

    /// No orphans: every topology ConfigMap is a volume of a pod template in its own namespace, and
    /// every such volume names a ConfigMap that exists.
    @Test func everyTopologyConfigMapIsMountedAndEveryMountExists() throws {
        let gke = Self.minimal(provider: "gcp", zones: "us-central1-a, us-central1-b",
                               pool: "        instanceType: a3-highgpu-8g\n        topologyFile: topo/a3.xml\n", withTraining: false)
        for out in [PlatformCompile.compile(Self.azure), PlatformCompile.compile(gke, topologyFiles: ["topo/a3.xml": Self.dump(gpus: 8)])] {
            var maps = Set<String>(), mounted = Set<String>()
            for cluster in out.manifests?.clusters ?? [] {
                for m in cluster.manifests {
                    if m.kind == "ConfigMap" && m.name.hasPrefix("nccl-topology-") { maps.insert("\(m.namespace ?? "")/\(m.name)") }
                    for name in Self.configMapVolumes(m.value) where name.hasPrefix("nccl-topology-") {
                        mounted.insert("\(m.namespace ?? "")/\(name)")
                    }
                }
            }
            #expect(!maps.isEmpty)
            #expect(maps == mounted)
        }
    }

    /// The emitted tree with mounts and the published file validates against the schemas.
    @Test(.needsPython(["kubernetes_validate", "jsonschema", "yaml"]), .needsShared) func azureTreeValidates() throws {
        guard let shared = SharedTools.requireShared(),
              SharedTools.requirePython(modules: ["kubernetes_validate", "jsonschema", "yaml"]) else { return }
        let out = PlatformCompile.compile(Self.azure)
        let tree = try #require(out.tree)
        let dir = try SharedTools.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SharedTools.write(tree.files, under: dir)
        let result = SharedTools.validateManifests(directory: dir.appendingPathComponent("clusters/prod"), shared: shared)
        #expect(result.exitCode == 0, "\(result.output)")
        #expect(result.output.contains(" 0 errors"), "\(result.output)")
    }

    static func configMapVolumes(_ value: ManifestValue) -> [String] {
        switch value {
        case .map(let map):
            let here = map["configMap"]?["name"]?.stringValue.map { [$0] } ?? []
            return here + map.entries.flatMap { configMapVolumes($0.value) }
        case .list(let items): return items.flatMap(configMapVolumes)
        default: return []
        }
    }

    /// An 8×H100 NVSwitch dump with bus IDs of a real node's shape (not NCCL's defaults).
    static func dump(gpus: Int) -> [UInt8] {
        let h100 = GPUCatalog.builtIn.model(named: "H100-SXM-80GB")!
        let p5 = InstanceCatalog.builtIn.instance(named: "p5.48xlarge")!
        let bus = (0..<gpus).map { "0000:\(String(format: "%02x", 0x18 + 0x10 * $0)):00.0" }
        return Array(NCCLTopologyWriter.write(NodeTopology(instance: p5, gpu: h100), gpu: h100, busIDs: bus, numaNodes: 2).utf8)
    }
}
