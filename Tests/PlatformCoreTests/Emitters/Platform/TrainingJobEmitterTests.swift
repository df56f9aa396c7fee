import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct TrainingJobEmitterTests {
    @Test func trainJobIsQueuedPinnedAndTunedForEFA() throws {
        let out = PlatformCompile.compile()
        let job = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "TrainJob", name: "llama-sft", namespace: "research"))
        #expect(job.apiVersion == "trainer.kubeflow.org/v1alpha1")
        #expect(job.labels["kueue.x-k8s.io/queue-name"] == "research-queue")
        #expect(job.value
            .at("spec.runtimeRef") == ["apiGroup": "trainer.kubeflow.org", "kind": "ClusterTrainingRuntime", "name": "torch-distributed"])
        #expect(job.value.at("spec.trainer.numNodes") == 2)
        #expect(job.value.at("spec.trainer.numProcPerNode") == 8)
        #expect(job.value.at("spec.trainer.command") == ["torchrun", "/workspace/train.py"])
        #expect(job.value.at("spec.trainer.resourcesPerNode.limits") == ["nvidia.com/gpu": "8", "vpc.amazonaws.com/efa": "32"])
        #expect(job.value.at("spec.trainer.env") == [
            ["name": "FI_EFA_FORK_SAFE", "value": "1"], ["name": "FI_EFA_USE_DEVICE_RDMA", "value": "1"],
            ["name": "FI_PROVIDER", "value": "efa"], ["name": "NCCL_DEBUG", "value": "WARN"],
        ])
        let pod = try #require(job.value.at("spec.runtimePatches.0.trainingRuntimeSpec.template.spec.replicatedJobs.0"))
        #expect(job.value.at("spec.runtimePatches.0.manager") == "platformc.dev/compiler")
        #expect(pod["name"] == "node")
        let spec = try #require(pod.at("template.spec.template.spec"))
        #expect(spec["nodeSelector"] == ["karpenter.sh/nodepool": "h100", "topology.kubernetes.io/zone": "us-east-1a"])
        #expect(spec["tolerations"] == [["key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"]])
        // EFA: no topology file (aws-ofi-nccl provides its own), so only `/dev/shm`.
        #expect(spec["volumes"] == [["name": "dshm", "emptyDir": ["medium": "Memory", "sizeLimit": "64Gi"]]])
        #expect(spec.at("containers.0") == ["name": "node", "volumeMounts": [["name": "dshm", "mountPath": "/dev/shm"]]])
    }

    @Test func pytorchJobOperatorGivesMasterAndWorkers() throws {
        let spec = PlatformCompile.edit(PlatformCompile.bundledSpec, [
            ("    framework: pytorch\n", "    framework: pytorch\n    operator: pytorchjob\n    shmSize: 32Gi\n"),
            ("    nccl: { debug: WARN }", "    nccl: { debug: INFO }"),
        ])
        let out = PlatformCompile.compile(spec)
        #expect(PlatformCompile.errors(out) == [])
        let job = try #require(PlatformCompile
            .object(out, cluster: "prod-use1", kind: "PyTorchJob", name: "llama-sft", namespace: "research"))
        #expect(PlatformCompile.object(out, cluster: "prod-use1", kind: "TrainJob", name: "llama-sft", namespace: "research") == nil)
        #expect(job.labels["kueue.x-k8s.io/queue-name"] == "research-queue")
        #expect(job.value.at("spec.nprocPerNode") == "8")
        #expect(job.value.at("spec.pytorchReplicaSpecs.Master.replicas") == 1)
        #expect(job.value.at("spec.pytorchReplicaSpecs.Worker.replicas") == 1)
        let pod = try #require(job.value.at("spec.pytorchReplicaSpecs.Worker.template.spec"))
        #expect(pod.at("volumes.0.emptyDir.sizeLimit") == "32Gi")
        #expect(pod.at("containers.0.name") == "pytorch")
        #expect(pod.at("containers.0.env")?.listValue?.contains(["name": "NCCL_DEBUG", "value": "INFO"]) == true)
    }

    @Test(arguments: [
        (Fabric.infiniband, ["NCCL_DEBUG=WARN", "NCCL_IB_DISABLE=0", "NCCL_IB_HCA=mlx5", "NCCL_NET_GDR_LEVEL=PIX"]),
        (Fabric.roce, ["NCCL_DEBUG=WARN", "NCCL_IB_DISABLE=0", "NCCL_IB_GID_INDEX=3", "NCCL_IB_HCA=mlx5", "NCCL_IB_TC=106"]),
        (Fabric.tcpx, ["NCCL_CROSS_NIC=0", "NCCL_DEBUG=WARN", "NCCL_GPUDIRECTTCPX_CTRL_DEV=eth0",
                       "NCCL_GPUDIRECTTCPX_SOCKET_IFNAME=eth1,eth2,eth3,eth4", "NCCL_NET_GDR_LEVEL=PIX", "NCCL_P2P_PXN_LEVEL=0",
                       "NCCL_SOCKET_IFNAME=eth0"]),
        (Fabric.ethernet, ["NCCL_DEBUG=WARN", "NCCL_IB_DISABLE=1", "NCCL_SOCKET_IFNAME=^lo,docker"]),
    ])
    func ncclEnvironmentPerFabric(fabric: Fabric, expected: [String]) {
        let vars = NCCLEnvironment.variables(fabric: fabric, debug: "WARN", topologyFile: false)
        #expect(vars.map { "\($0.name)=\($0.value)" } == expected)
    }

    @Test func quantitiesAreExactUnits() {
        #expect(PoolScheduling.quantity(.gib(64)) == "64Gi")
        #expect(PoolScheduling.quantity(ByteCount(bytes: 512 << 20)) == "512Mi")
        #expect(PoolScheduling.quantity(ByteCount(bytes: 1000)) == "1000")
    }
}
