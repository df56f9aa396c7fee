import PlatformCore
import Testing

/// Each hardware rule fires with its numbers on a spec that breaks it, and stays silent on one that does not.
@Suite struct HardwareRuleTests {
    @Test func minimalSpecIsSilent() {
        #expect(Fixture.lines([]) == [])
    }

    @Test func memoryFit() {
        #expect(Fixture.lines([("parameters: 70B", "parameters: 405B"), ("architecture: llama-3-70b", "architecture: llama-3-405b")]) == [
            """
                22:10: error[E2101]: model `llama-3-70b` needs 835.5 GB per replica (weights 810.0 GB + KV cache 16.9 GB + overhead 8.6 \
                GB), but 4× H100-SXM-80GB at 90% hold 307.9 GB | help: use `dtype: fp8` (needs 424.1 GB and fits 8 H100-SXM-80GB), or \
                fewer `maxSequences` or a shorter `contextLength`
                """,
        ])
    }

    @Test func memoryFitOnMIGSlice() {
        let lines = Fixture.lines([
            ("        nodes: { min: 2, max: 6 }\n",
                """
                            nodes: { min: 2, max: 6 }\n      - name: mig\n        instanceType: p5.48xlarge\n        nodes: { min: 1 }\n\
                            mig: { profiles: { \"1g.10gb\": 7 } }\n
                    """),
            ("gpu: { model: H100-SXM-80GB, count: 4 }", "gpu: { model: H100-SXM-80GB, migProfile: 1g.10gb }"),
        ])
        #expect(lines == ["""
            26:10: error[E2101]: model `llama-3-70b` needs 152.9 GB per replica (weights 140.0 GB + KV cache 10.7 GB + overhead 2.1 GB), \
            but one 1g.10gb slice of H100-SXM-80GB at 90% hold 9.4 GB | help: use `count: 4` (needs 159.3 GB, fits 4 H100-SXM-80GB), or \
            `dtype: fp8` (needs 82.9 GB and fits 2 H100-SXM-80GB), or fewer `maxSequences` or a shorter `contextLength`
            """])
    }

    @Test func tensorParallelAcrossPCIe() {
        let pcie = [("        instanceType: p5.48xlarge\n",
            "        gpu: H100-SXM-80GB\n        gpusPerNode: 8\n        interconnect: pcie\n        pricePerHour: 50\n")]
        #expect(Fixture.lines(pcie) == [
            """
                25:41: error[E2102]: model `llama-3-70b`: tensor-parallel group of 4 GPUs is larger than the largest NVLink island (1 in \
                `prod/h100`) | help: use `count: 1`, a pool with larger NVLink islands, or `placement.allowPCIe: true` to accept PCIe speed
                """,
            """
                50:12: warning[W2107]: training job `sft` spans 2 nodes on a pool without an RDMA fabric; NCCL falls back to TCP sockets | \
                help: use a pool with EFA, InfiniBand, RoCE or GPUDirect-TCPX
                """,
        ])
        #expect(Fixture
            .lines(pcie
                + [("    replicas: { min: 2, max: 4 }\n", "    replicas: { min: 2, max: 4 }\n    placement: { allowPCIe: true }\n")]) == [
            """
                25:41: warning[W2102]: model `llama-3-70b`: tensor-parallel group of 4 GPUs is larger than the largest NVLink island (1 in \
                `prod/h100`); it will run across PCIe | help: use `count: 1` or a pool with NVSwitch for full speed
                """,
            """
                51:12: warning[W2107]: training job `sft` spans 2 nodes on a pool without an RDMA fabric; NCCL falls back to TCP sockets | \
                help: use a pool with EFA, InfiniBand, RoCE or GPUDirect-TCPX
                """,
        ])
    }

    @Test func fp8NeedsHopper() {
        let a100 = [("instanceType: p5.48xlarge",
            """
                gpu: A100-80GB\n        gpusPerNode: 8\n        interconnect: nvswitch\n        network: { fabric: infiniband }\n\
                        pricePerHour: 27.44705
                """),
                    ("model: H100-SXM-80GB, count: 4", "model: A100-80GB, count: 4"),
                    ("gpu: H100-SXM-80GB\n    cluster", "gpu: A100-80GB\n    cluster")]
        #expect(Fixture.lines(a100) == [])
        #expect(Fixture.lines(a100 + [("    parameters: 70B\n", "    parameters: 70B\n    dtype: fp8\n")]) == [
            """
                25:12: error[E2103]: model `llama-3-70b` uses fp8, but A100-80GB (compute capability 8.0) has no native fp8; it needs 8.9 \
                or later | help: use `dtype: bf16` (needs 152.9 GB and fits 4 A100-80GB), or a GPU with fp8 such as H100-SXM-80GB or L40S
                """,
        ])
    }

    @Test func migProfiles() {
        let pool = ("        nodes: { min: 2, max: 6 }\n",
            """
                        nodes: { min: 2, max: 6 }\n      - name: mig\n        instanceType: p5.48xlarge\n        nodes: { min: 1 }\n\
                        mig: { profiles: { \"1g.10gb\": 8, \"2g.25gb\": 1 } }\n
                """)
        #expect(Fixture.lines([pool]) == [
            "16:14: error[E2104]: node pool `prod/mig`: H100-SXM-80GB has no MIG profile `2g.25gb` | help: did you mean `2g.20gb`?",
            "16:14: error[E2105]: node pool `prod/mig`: 8× `1g.10gb` per GPU, but at most 7 fit on H100-SXM-80GB | help: use at most 7",
            """
                16:14: error[E2105]: node pool `prod/mig`: the MIG layout uses 8 compute slices per GPU; a GPU has 7 | help: remove \
                profiles until the compute slices add up to 7 or fewer
                """,
        ])
        #expect(Fixture.lines([("count: 4 }", "migProfile: 1g.12gb }")]) == [
            "22:46: error[E2104]: model `llama-3-70b`: H100-SXM-80GB has no MIG profile `1g.12gb` | help: did you mean `1g.10gb`?",
        ])
    }

    @Test func trainingGang() {
        #expect(Fixture.lines([("    nodes: 2\n    gpusPerNode: 8\n", "    nodes: 7\n    gpusPerNode: 8\n")]) == [
            """
                47:12: error[E2106]: training job `sft` needs a gang of 7 nodes × 8 H100-SXM-80GB, but pool `prod/h100` can hold at most 6 \
                nodes × 8 GPUs | help: raise `nodes.max` of `prod/h100` to 7, or use `nodes: 6`
                """,
        ])
        #expect(Fixture
            .lines([("        nodes: { min: 2, max: 6 }\n",
                "        nodes: { min: 2, max: 6 }\n        network: { fabric: ethernet }\n")]) == [
            """
                48:12: warning[W2107]: training job `sft` spans 2 nodes on a pool without an RDMA fabric; NCCL falls back to TCP sockets | \
                help: use a pool with EFA, InfiniBand, RoCE or GPUDirect-TCPX
                """,
        ])
    }

    @Test func gpuNotInCluster() {
        #expect(Fixture.lines([("model: H100-SXM-80GB, count: 4", "model: A100-80GB, count: 4")]) == [
            """
                22:19: error[E2108]: model `llama-3-70b` needs A100-80GB GPUs, but no cluster has any | help: add a node pool with `gpu: \
                A100-80GB`
                """,
        ])
    }

    @Test func quotasBeyondInventory() {
        #expect(Fixture.lines([("quota: { gpus: 24 }", "quota: { gpus: 56 }")]) == [
            """
                15:20: warning[W2109]: team quotas add up to 56 GPUs, but the fleet has at most 48 (every pool at `nodes.max`) | help: \
                lower the quotas by 8 GPUs, or add capacity
                """,
        ])
    }
}
