/// The built-in instance types, data in one place. Source keys (shared/reference/hardware.md §4):
/// KI = karpenter `instance-types.md` @692ccdd0 (EC2 DescribeInstanceTypes: GPUs and GPU memory);
/// KP = karpenter `zz_generated.pricing_aws.go`, generated 2026-07-20 for us-east-1, Linux on-demand.
/// GPU model, count and price are sourced as named. vCPU, memory and NIC figures of g6e.48xlarge,
/// g6.48xlarge, g5.xlarge and g6e.xlarge match a stored AWS overview page; the other AWS ones, a2's NIC and
/// OCI's vCPU/memory are the providers' published specs as remembered, not re-read from a stored source:
/// check them before relying on them (the compiler uses them only for `explain` and capacity notes).
/// Prices outside AWS are nil: hardware.md found no authoritative stored page for them, and a figure we
/// cannot cite would be trusted by the cost pass as if it were true.
extension InstanceCatalog {
    private static let kp = "karpenter zz_generated.pricing_aws.go (us-east-1, Linux on-demand)"
    private static let kpDate = "2026-07-20"

    /// Every GPU its own island: no NVLink between the GPUs of a PCIe-only instance.
    private static func pcieIslands(_ gpus: Int) -> [Int] { Array(repeating: 1, count: gpus) }

    static let builtInTypes: [InstanceType] = aws + azure + gcp + oci

    static let aws: [InstanceType] = [
        // p4d/p4de: 8 A100 on NVSwitch, 4× 100 Gb/s EFA (aws-ofi-nccl p4d topology: 4 EFA under 4 switches).
        InstanceType(name: "p4d.24xlarge", provider: "aws", gpu: "A100-40GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .efa, nics: 4, gbpsPerNic: 100, vcpus: 96, memoryGiB: 1152,
                     pricePerHourMicros: 21_957_642, priceSource: kp, priceDate: kpDate),
        InstanceType(name: "p4de.24xlarge", provider: "aws", gpu: "A100-80GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .efa, nics: 4, gbpsPerNic: 100, vcpus: 96, memoryGiB: 1152,
                     pricePerHourMicros: 27_447_050, priceSource: kp, priceDate: kpDate),
        InstanceType(name: "p5.48xlarge", provider: "aws", gpu: "H100-SXM-80GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .efa, nics: 32, gbpsPerNic: 100, vcpus: 192, memoryGiB: 2048,
                     pricePerHourMicros: 55_040_000, priceSource: kp, priceDate: kpDate),
        InstanceType(name: "p5e.48xlarge", provider: "aws", gpu: "H200-141GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .efa, nics: 32, gbpsPerNic: 100, vcpus: 192, memoryGiB: 2048,
                     pricePerHourMicros: nil,
                     priceSource: "none: KP has no p5e.48xlarge entry (sold as capacity blocks only)", priceDate: kpDate),
        InstanceType(name: "p5en.48xlarge", provider: "aws", gpu: "H200-141GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .efa, nics: 16, gbpsPerNic: 200, vcpus: 192, memoryGiB: 2048,
                     pricePerHourMicros: 63_296_000, priceSource: kp, priceDate: kpDate),
        // g5/g6/g6e: PCIe GPUs; the 48xlarge sizes and g6e.12xlarge carry EFA, the small ones plain ENA.
        InstanceType(name: "g5.xlarge", provider: "aws", gpu: "A10G", gpuCount: 1, interconnect: .pcie,
                     nvlinkIslands: pcieIslands(1), fabric: .ethernet, nics: 1, gbpsPerNic: 10, vcpus: 4, memoryGiB: 16,
                     pricePerHourMicros: 1_006_000, priceSource: kp, priceDate: kpDate),
        InstanceType(name: "g5.12xlarge", provider: "aws", gpu: "A10G", gpuCount: 4, interconnect: .pcie,
                     nvlinkIslands: pcieIslands(4), fabric: .ethernet, nics: 1, gbpsPerNic: 40, vcpus: 48, memoryGiB: 192,
                     pricePerHourMicros: 5_672_000, priceSource: kp, priceDate: kpDate),
        InstanceType(name: "g5.48xlarge", provider: "aws", gpu: "A10G", gpuCount: 8, interconnect: .pcie,
                     nvlinkIslands: pcieIslands(8), fabric: .efa, nics: 1, gbpsPerNic: 100, vcpus: 192, memoryGiB: 768,
                     pricePerHourMicros: 16_288_000, priceSource: kp, priceDate: kpDate),
        InstanceType(name: "g6.xlarge", provider: "aws", gpu: "L4", gpuCount: 1, interconnect: .pcie,
                     nvlinkIslands: pcieIslands(1), fabric: .ethernet, nics: 1, gbpsPerNic: 10, vcpus: 4, memoryGiB: 16,
                     pricePerHourMicros: 804_800, priceSource: kp, priceDate: kpDate),
        InstanceType(name: "g6.48xlarge", provider: "aws", gpu: "L4", gpuCount: 8, interconnect: .pcie,
                     nvlinkIslands: pcieIslands(8), fabric: .efa, nics: 1, gbpsPerNic: 100, vcpus: 192, memoryGiB: 768,
                     pricePerHourMicros: 13_350_400, priceSource: kp, priceDate: kpDate),
        InstanceType(name: "g6e.xlarge", provider: "aws", gpu: "L40S", gpuCount: 1, interconnect: .pcie,
                     nvlinkIslands: pcieIslands(1), fabric: .ethernet, nics: 1, gbpsPerNic: 20, vcpus: 4, memoryGiB: 32,
                     pricePerHourMicros: 1_861_000, priceSource: kp, priceDate: kpDate),
        InstanceType(name: "g6e.12xlarge", provider: "aws", gpu: "L40S", gpuCount: 4, interconnect: .pcie,
                     nvlinkIslands: pcieIslands(4), fabric: .efa, nics: 1, gbpsPerNic: 100, vcpus: 48, memoryGiB: 384,
                     pricePerHourMicros: 10_492_640, priceSource: kp, priceDate: kpDate),
        InstanceType(name: "g6e.48xlarge", provider: "aws", gpu: "L40S", gpuCount: 8, interconnect: .pcie,
                     nvlinkIslands: pcieIslands(8), fabric: .efa, nics: 4, gbpsPerNic: 100, vcpus: 192, memoryGiB: 1536,
                     pricePerHourMicros: 30_131_180, priceSource: kp, priceDate: kpDate),
    ]

    static let azure: [InstanceType] = [
        // vCPU and RAM: microsoft/aspire `AksNodeVmSizes.cs`; GPUs and InfiniBand: MS Learn series pages.
        InstanceType(name: "Standard_ND96asr_v4", provider: "azure", gpu: "A100-40GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .infiniband, nics: 8, gbpsPerNic: 200, vcpus: 96, memoryGiB: 900,
                     pricePerHourMicros: nil,
                     priceSource: "none: no authoritative stored Azure price (hardware.md §4); specs learn.microsoft.com nda100-v4-series, aspire AksNodeVmSizes.cs",
                     priceDate: kpDate),
        InstanceType(name: "Standard_ND96isr_H100_v5", provider: "azure", gpu: "H100-SXM-80GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .infiniband, nics: 8, gbpsPerNic: 400, vcpus: 96, memoryGiB: 1900,
                     pricePerHourMicros: nil,
                     priceSource: "none: no authoritative stored Azure price (hardware.md §4); specs MS Learn ndh100v5-series (8× 400 Gb/s CX7), aspire AksNodeVmSizes.cs",
                     priceDate: kpDate),
    ]

    static let gcp: [InstanceType] = [
        // vCPU and memory: a3 from a public test fixture listing GCP machine types (208 vCPU, 1872 GB); a2 from
        // skypilot-catalog gcp/vms.csv (a2-highgpu-1g is 12 vCPU, 85 GB; the 8g is eight times that).
        InstanceType(name: "a2-highgpu-8g", provider: "gcp", gpu: "A100-40GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .ethernet, nics: 1, gbpsPerNic: 100, vcpus: 96, memoryGiB: 680,
                     pricePerHourMicros: nil, priceSource: "none: no authoritative stored GCP price (hardware.md §4)", priceDate: kpDate),
        InstanceType(name: "a3-highgpu-8g", provider: "gcp", gpu: "H100-SXM-80GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .tcpx, nics: 4, gbpsPerNic: 200, vcpus: 208, memoryGiB: 1872,
                     pricePerHourMicros: nil, priceSource: "none: no authoritative stored GCP price (hardware.md §4); GPUDirect-TCPX", priceDate: kpDate),
        InstanceType(name: "a3-megagpu-8g", provider: "gcp", gpu: "H100-SXM-80GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .tcpx, nics: 8, gbpsPerNic: 200, vcpus: 208, memoryGiB: 1872,
                     pricePerHourMicros: nil, priceSource: "none: no authoritative stored GCP price (hardware.md §4); GPUDirect-TCPXO", priceDate: kpDate),
    ]

    static let oci: [InstanceType] = [
        // 16 RoCE ports: the oci-hpc-oke dump lists 8 dual-port CX-7 (16 `net`, mlx5_*), each GPU with 18 NVLinks
        // to NVSwitches. 112 OCPUs = 224 vCPUs, 2048 GB (OCI compute shapes page).
        InstanceType(name: "BM.GPU.H100.8", provider: "oci", gpu: "H100-SXM-80GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .roce, nics: 16, gbpsPerNic: 200, vcpus: 224, memoryGiB: 2048,
                     pricePerHourMicros: nil, priceSource: "none: no authoritative stored OCI price (hardware.md §4)", priceDate: kpDate),
    ]
}
