/// The built-in GPU models, data in one place. Source keys (shared/reference/hardware.md §4):
/// KI = aws/karpenter-provider-aws `website/content/en/docs/reference/instance-types.md` @692ccdd0 (EC2 data, MiB);
/// GFD = a real GFD label dump (`shared/realworld/inventory/gfd-node-labels-h100-mig-single.json`);
/// MP = NVIDIA/mig-parted `config-default.yaml` @bd7160f4; NCCLd = NCCL topology dumps (`sm`, link counts);
/// "secondary" = a non-vendor page named in hardware.md. FP8 is CC ≥ 8.9 on NVIDIA (Ada, Hopper, Blackwell).
extension GPUCatalog {
    static let builtInModels: [GPUModel] = [
        GPUModel(name: "A10G", memoryMiB: 22888, architecture: "ampere", computeCapability: .init(8, 6),
                 nvlinkGeneration: nil, nvlinkBandwidthGBps: nil, fp8: false,
                 source: "memory KI (g5); CC 8.6 secondary (michaelbommarito.com gpu-compute-capability); no NVLink, not in MP"),
        GPUModel(name: "L4", memoryMiB: 22888, architecture: "ada", computeCapability: .init(8, 9),
                 nvlinkGeneration: nil, nvlinkBandwidthGBps: nil, fp8: true,
                 source: "memory KI (g6); CC 8.9 secondary; no NVLink, not in MP"),
        GPUModel(name: "L40S", memoryMiB: 45776, architecture: "ada", computeCapability: .init(8, 9),
                 nvlinkGeneration: nil, nvlinkBandwidthGBps: nil, fp8: true,
                 source: "memory KI (g6e); CC 8.9 secondary; NVLink N/A, g6e `nvidia-smi topo -m` shows NODE"),
        GPUModel(name: "A100-40GB", memoryMiB: 40960, architecture: "ampere", computeCapability: .init(8, 0),
                 nvlinkGeneration: 3, nvlinkBandwidthGBps: 600, fp8: false, migProfiles: MIGProfileTable.a100_40GB,
                 source: "memory KI (p4d); sm 80 NCCLd; NVLink3 12 links 600 GB/s secondary; MIG MP (0x20B0)",
                 pciDeviceIDs: ["0x20b0", "0x20b1"], nvlinksPerGPU: 12),
        GPUModel(name: "A100-80GB", memoryMiB: 81920, architecture: "ampere", computeCapability: .init(8, 0),
                 nvlinkGeneration: 3, nvlinkBandwidthGBps: 600, fp8: false, migProfiles: MIGProfileTable.a100_80GB,
                 source: "memory KI (p4de); CC 8.0 DRA `8.0.0`; NVLink3 as A100-40GB; MIG MP (0x20B2/0x20B5)",
                 pciDeviceIDs: ["0x20b2", "0x20b5"], nvlinksPerGPU: 12),
        GPUModel(name: "H100-SXM-80GB", memoryMiB: 81559, architecture: "hopper", computeCapability: .init(9, 0),
                 nvlinkGeneration: 4, nvlinkBandwidthGBps: 900, fp8: true, migProfiles: MIGProfileTable.h100_80GB,
                 source: """
                     memory and CC GFD (`gpu.memory` 81559); NVLink4 18 links 900 GB/s (ibm-cloud-docs, nccl#1264, NCCLd); MIG MP \
                     (0x2330), memory nvidia-smi -lgip
                     """,
                 pciDeviceIDs: ["0x2330"], nvlinksPerGPU: 18),
        GPUModel(name: "H100-PCIe-80GB", memoryMiB: 81559, architecture: "hopper", computeCapability: .init(9, 0),
                 nvlinkGeneration: 4, nvlinkBandwidthGBps: 600, fp8: true, migProfiles: MIGProfileTable.h100_80GB,
                 source: """
                     80 GB class: memory taken as the H100 80GB GFD figure (no PCIe-specific dump stored); NVLink bridge 600 GB/s \
                     secondary (yobitel.com); MIG MP groups 0x2331 with 0x2330
                     """,
                 pciDeviceIDs: ["0x2331"]),
        GPUModel(name: "H100-NVL-94GB", memoryMiB: 91552, architecture: "hopper", computeCapability: .init(9, 0),
                 nvlinkGeneration: 4, nvlinkBandwidthGBps: 600, fp8: true, migProfiles: MIGProfileTable.h100NVL,
                 source: """
                     memory is a floor: MP fits 4× 1g.24gb (96e9 bytes, more than its 7g.94gb), no NVML figure stored; NVLink bridge \
                     pairs, 600 GB/s as H100 PCIe (secondary); MIG MP (0x2321)
                     """,
                 pciDeviceIDs: ["0x2321"]),
        GPUModel(name: "H200-141GB", memoryMiB: 144384, architecture: "hopper", computeCapability: .init(9, 0),
                 nvlinkGeneration: 4, nvlinkBandwidthGBps: 900, fp8: true, migProfiles: MIGProfileTable.h200,
                 source: "memory KI (p5e/p5en); CC 9.0 secondary (gpu-ark.ru); NVLink4 900 GB/s secondary; MIG MP (0x2335)",
                 pciDeviceIDs: ["0x2335", "0x233b"], nvlinksPerGPU: 18),
        GPUModel(name: "B200", memoryMiB: 183359, architecture: "blackwell", computeCapability: .init(10, 0),
                 nvlinkGeneration: 5, nvlinkBandwidthGBps: 1800, fp8: true, migProfiles: MIGProfileTable.b200,
                 source: "memory KI (p6-b200); CC 10.0 secondary; NVLink5 18 links 1.8 TB/s; MIG MP (0x2901)",
                 pciDeviceIDs: ["0x2901"], nvlinksPerGPU: 18),
        GPUModel(name: "GB200", memoryMiB: 179288, architecture: "blackwell", computeCapability: .init(10, 0),
                 nvlinkGeneration: 5, nvlinkBandwidthGBps: 1800, fp8: true, migProfiles: MIGProfileTable.gb200,
                 source: """
                     memory is a floor: MP fits 4× 1g.47gb (188e9 bytes, more than its 7g.186gb), no NVML figure stored; NVLink5 1.8 TB/s \
                     per GPU (learn.microsoft.com nd-gb200-v6-series); MIG MP (0x2941)
                     """,
                 pciDeviceIDs: ["0x2941"], nvlinksPerGPU: 18),
        GPUModel(name: "MI300X", vendor: "amd", memoryMiB: 196608, architecture: "cdna3", computeCapability: nil,
                 nvlinkGeneration: nil, nvlinkBandwidthGBps: nil, fp8: true,
                 source: """
                     192 GiB GPU memory (MicrosoftDocs/azure-docs nd-mi300x-v5-series.md); CDNA3, no CUDA CC; Infinity Fabric, not NVLink; \
                     AMD partitions, not MIG
                     """),
    ]
}
