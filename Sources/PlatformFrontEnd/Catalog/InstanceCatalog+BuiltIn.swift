/// The built-in instance types, data in one place; prices are in `InstanceCatalog+Prices.swift`.
/// Source keys (shared/reference/hardware.md §4 and the catalog's own reads, 2026-12-05):
/// - KI = aws/karpenter-provider-aws `website/content/en/docs/reference/instance-types.md` @692ccdd0 (EC2 data);
///   vCPU, memory and pods re-read at @1d927085 (the v1.14.1 docs), 2026-12-06
/// - OCI-SHAPES = Oracle's compute shapes page (`docs.oracle.com/en-us/iaas/Content/Compute/References/computeshapes.htm`,
///   "GPU Shapes" of bare metal, updated 2025-02-13) as crawled in jacklty/oci_doc_crawler
///   `iaas/Content/Compute/References/computeshapes.md` @8e7bbd72: OCPU and CPU memory (GB); one OCPU is 2 vCPUs on x86
/// - SKY-GCP = skypilot-org/skypilot-catalog `catalogs/v7/gcp/vms.csv` @017e2502 (vCPUs, MemoryGiB)
/// - SKY-AZ = skypilot-org/skypilot-catalog `catalogs/v6/azure/vms.csv` @098741e7 (vCPUs, MemoryGiB, GPU name)
/// - SKY-OCI = skypilot-org/skypilot-catalog `catalogs/v6/oci/vms.csv` @6e3a02d2 (vCPUs, MemoryGiB, GPU name and count)
/// - G2 = GPUs per g2 size: GoogleCloudPlatform/xpk system characteristics (l4-2/4/8 → g2-standard-24/48/96,
///   find_string id 27725007301) and a public test asserting g2-standard-4/8/12/16/32 → 1 (id 7262638903)
/// - MSL = MicrosoftDocs/azure-docs series pages (`ncads-h100-v5-series-specs.md`: H100 NVL 94 GB, 2–4 NICs,
///   40,000–80,000 Mbps; ND H100 v5 8× 400 Gb/s CX7 InfiniBand via hardware.md §4)
/// A figure marked "unsourced" was carried over from the earlier catalog without a stored source.
/// vCPU and memory size Karpenter limits and Kueue quotas, and the will-it-run pass checks each pod's CPU
/// and memory against what a node offers after the provider's reservations (`NodeAllocatable`); every
/// vCPU/memory figure is sourced. `gbpsPerNic: 0` means the NIC speed is not sourced.
extension InstanceCatalog {
    /// Every GPU its own island: no NVLink between the GPUs of a PCIe-only instance.
    private static func pcieIslands(_ gpus: Int) -> [Int] { Array(repeating: 1, count: gpus) }

    static let builtInTypes: [InstanceType] = aws + azure + gcp + oci

    /// `vcpus`, `mem` (GiB) and `pods` are KI's `karpenter.k8s.aws/instance-cpu`, `instance-memory`
    /// (MiB / 1024) and the `pods` resource of each type, from which Karpenter computes the
    /// allocatable CPU and memory it packs pods against (`NodeAllocatable`).
    private static func aws(_ name: String, _ gpu: String, _ count: Int, _ ic: Interconnect, _ fabric: Fabric, nics: Int, gbps: Int,
                            vcpus: Int, mem: Int, pods: Int, _ note: String) -> InstanceType {
        InstanceType(name: name, provider: "aws", gpu: gpu, gpuCount: count, interconnect: ic,
                     nvlinkIslands: ic == .pcie ? pcieIslands(count) : [count], fabric: fabric, nics: nics, gbpsPerNic: gbps,
                     vcpus: vcpus, memoryGiB: mem, maxPods: pods, source: "GPUs, vCPU, memory and pods KI; \(note)")
    }

    static let aws: [InstanceType] = [
        // p4d/p4de: 8 A100 on NVSwitch, 4× 100 Gb/s EFA (aws-ofi-nccl p4d topology: 4 EFA under 4 switches).
        aws("p4d.24xlarge", "A100-40GB", 8, .nvswitch, .efa, nics: 4, gbps: 100, vcpus: 96, mem: 1152, pods: 737,
            "EFA aws-ofi-nccl p4d topology"),
        aws("p4de.24xlarge", "A100-80GB", 8, .nvswitch, .efa, nics: 4, gbps: 100, vcpus: 96, mem: 1152, pods: 737, "as p4d"),
        aws("p5.48xlarge", "H100-SXM-80GB", 8, .nvswitch, .efa, nics: 32, gbps: 100, vcpus: 192, mem: 2048, pods: 100, "32 EFA KI"),
        aws("p5e.48xlarge", "H200-141GB", 8, .nvswitch, .efa, nics: 32, gbps: 100, vcpus: 192, mem: 2048, pods: 100, "32 EFA KI"),
        aws("p5en.48xlarge", "H200-141GB", 8, .nvswitch, .efa, nics: 16, gbps: 200, vcpus: 192, mem: 2048, pods: 198, "16 EFA KI"),
        // g5/g6/g6e: PCIe GPUs; the 48xlarge sizes and g6e.12xlarge carry EFA, the small ones plain ENA.
        aws("g5.xlarge", "A10G", 1, .pcie, .ethernet, nics: 1, gbps: 10, vcpus: 4, mem: 16, pods: 58, "NIC a stored AWS overview page"),
        aws("g5.12xlarge", "A10G", 4, .pcie, .ethernet, nics: 1, gbps: 40, vcpus: 48, mem: 192, pods: 737, "NIC unsourced"),
        aws("g5.48xlarge", "A10G", 8, .pcie, .efa, nics: 1, gbps: 100, vcpus: 192, mem: 768, pods: 345, "NIC unsourced"),
        aws("g6.xlarge", "L4", 1, .pcie, .ethernet, nics: 1, gbps: 10, vcpus: 4, mem: 16, pods: 58, "NIC unsourced"),
        aws("g6.48xlarge", "L4", 8, .pcie, .efa, nics: 1, gbps: 100, vcpus: 192, mem: 768, pods: 737, "NIC a stored AWS overview page"),
        aws("g6e.xlarge", "L40S", 1, .pcie, .ethernet, nics: 1, gbps: 20, vcpus: 4, mem: 32, pods: 58, "NIC a stored AWS overview page"),
        aws("g6e.12xlarge", "L40S", 4, .pcie, .efa, nics: 1, gbps: 100, vcpus: 48, mem: 384, pods: 292, "NIC unsourced"),
        aws("g6e.48xlarge", "L40S", 8, .pcie, .efa, nics: 4, gbps: 100, vcpus: 192, mem: 1536, pods: 492, "NIC a stored AWS overview page"),
    ]

    private static func azure(_ name: String, _ gpu: String, _ count: Int, _ ic: Interconnect, islands: [Int]? = nil, _ fabric: Fabric,
                              nics: Int, gbps: Int, vcpus: Int, mem: Int, _ note: String) -> InstanceType {
        InstanceType(name: name, provider: "azure", gpu: gpu, gpuCount: count, interconnect: ic,
                     nvlinkIslands: islands ?? (ic == .pcie ? pcieIslands(count) : [count]), fabric: fabric, nics: nics, gbpsPerNic: gbps,
                     vcpus: vcpus, memoryGiB: mem, source: "vCPU/memory SKY-AZ; \(note)")
    }

    static let azure: [InstanceType] = [
        azure("Standard_ND96isr_H100_v5", "H100-SXM-80GB", 8, .nvswitch, .infiniband, nics: 8, gbps: 400, vcpus: 96, mem: 1900,
              "8 GPUs and 8× 400 Gb/s CX7 InfiniBand MSL via hardware.md §4 (SKY-AZ's AcceleratorCount 12 is wrong)"),
        azure("Standard_ND96asr_v4", "A100-40GB", 8, .nvswitch, .infiniband, nics: 8, gbps: 200, vcpus: 96, mem: 900,
              "8× A100 40GB MSL nda100-v4-series via hardware.md §4; InfiniBand 8× 200 unsourced"),
        azure("Standard_ND96amsr_A100_v4", "A100-80GB", 8, .nvswitch, .infiniband, nics: 8, gbps: 200, vcpus: 96, mem: 1800,
              "8× A100-80GB SKY-AZ; InfiniBand 8× 200 taken from ND A100 v4, unsourced"),
        azure("Standard_NC24ads_A100_v4", "A100-80GB", 1, .pcie, .ethernet, nics: 1, gbps: 0, vcpus: 24, mem: 220,
              "1× A100-80GB SKY-AZ (PCIe); NIC speed unsourced"),
        azure("Standard_NC48ads_A100_v4", "A100-80GB", 2, .pcie, .ethernet, nics: 1, gbps: 0, vcpus: 48, mem: 440,
              "2× A100-80GB SKY-AZ (PCIe); NIC speed unsourced"),
        azure("Standard_NC96ads_A100_v4", "A100-80GB", 4, .pcie, .ethernet, nics: 1, gbps: 0, vcpus: 96, mem: 880,
              "4× A100-80GB SKY-AZ (PCIe); NIC speed unsourced"),
        azure("Standard_NC40ads_H100_v5", "H100-NVL-94GB", 1, .pcie, .ethernet, nics: 2, gbps: 20, vcpus: 40, mem: 320,
              "H100 NVL 94 GB and 40,000 Mbps over 2 NICs MSL"),
        azure("Standard_NC80adis_H100_v5", "H100-NVL-94GB", 2, .nvlink, islands: [2], .ethernet, nics: 4, gbps: 20, vcpus: 80, mem: 640,
              "2× H100 NVL 94 GB and 80,000 Mbps over 4 NICs MSL; the pair's NVLink bridge unsourced"),
    ]

    private static func gcp(_ name: String, _ gpu: String, _ count: Int, _ ic: Interconnect, _ fabric: Fabric, nics: Int, gbps: Int,
                            vcpus: Int, mem: Int, _ note: String) -> InstanceType {
        InstanceType(name: name, provider: "gcp", gpu: gpu, gpuCount: count, interconnect: ic,
                     nvlinkIslands: ic == .pcie ? pcieIslands(count) : [count], fabric: fabric, nics: nics, gbpsPerNic: gbps,
                     vcpus: vcpus, memoryGiB: mem, source: "vCPU/memory SKY-GCP; \(note)")
    }

    /// A2: A100 on NVSwitch (HGX A100); the 1–4 GPU shapes are taken to share one island (unsourced).
    private static let a2Note = "GPU count from the machine name; NVSwitch and the NIC unsourced"

    static let gcp: [InstanceType] = [
        gcp("a2-highgpu-1g", "A100-40GB", 1, .nvswitch, .ethernet, nics: 1, gbps: 0, vcpus: 12, mem: 85, a2Note),
        gcp("a2-highgpu-2g", "A100-40GB", 2, .nvswitch, .ethernet, nics: 1, gbps: 0, vcpus: 24, mem: 170, a2Note),
        gcp("a2-highgpu-4g", "A100-40GB", 4, .nvswitch, .ethernet, nics: 1, gbps: 0, vcpus: 48, mem: 340, a2Note),
        gcp("a2-highgpu-8g", "A100-40GB", 8, .nvswitch, .ethernet, nics: 1, gbps: 100, vcpus: 96, mem: 680, a2Note),
        gcp("a2-megagpu-16g", "A100-40GB", 16, .nvswitch, .ethernet, nics: 1, gbps: 100, vcpus: 96, mem: 1360, a2Note),
        gcp("a2-ultragpu-1g", "A100-80GB", 1, .nvswitch, .ethernet, nics: 1, gbps: 0, vcpus: 12, mem: 170, a2Note),
        gcp("a2-ultragpu-2g", "A100-80GB", 2, .nvswitch, .ethernet, nics: 1, gbps: 0, vcpus: 24, mem: 340, a2Note),
        gcp("a2-ultragpu-4g", "A100-80GB", 4, .nvswitch, .ethernet, nics: 1, gbps: 0, vcpus: 48, mem: 680, a2Note),
        gcp("a2-ultragpu-8g", "A100-80GB", 8, .nvswitch, .ethernet, nics: 1, gbps: 0, vcpus: 96, mem: 1360, a2Note),
        // A3: 8 GPUs per node (dstackai/dstack `examples/clusters/a3high/README.md` via hardware.md §4).
        gcp("a3-highgpu-8g", "H100-SXM-80GB", 8, .nvswitch, .tcpx, nics: 4, gbps: 200, vcpus: 208, mem: 1872,
            "8× H100 hardware.md §4; GPUDirect-TCPX 4× 200 unsourced"),
        gcp("a3-megagpu-8g", "H100-SXM-80GB", 8, .nvswitch, .tcpx, nics: 8, gbps: 200, vcpus: 208, mem: 1872,
            "SKY-GCP prices it with its H100-MEGA accelerator; GPUDirect-TCPXO 8× 200 unsourced"),
        gcp("a3-ultragpu-8g", "H200-141GB", 8, .nvswitch, .roce, nics: 8, gbps: 0, vcpus: 224, mem: 2952,
            "SKY-GCP prices it with its H200 accelerator; RDMA NICs unsourced"),
        gcp("g2-standard-4", "L4", 1, .pcie, .ethernet, nics: 1, gbps: 0, vcpus: 4, mem: 16, "GPUs G2; NIC speed unsourced"),
        gcp("g2-standard-8", "L4", 1, .pcie, .ethernet, nics: 1, gbps: 0, vcpus: 8, mem: 32, "GPUs G2; NIC speed unsourced"),
        gcp("g2-standard-12", "L4", 1, .pcie, .ethernet, nics: 1, gbps: 0, vcpus: 12, mem: 48,
            "GPUs G2; vCPU/memory G2; NIC speed unsourced"),
        gcp("g2-standard-16", "L4", 1, .pcie, .ethernet, nics: 1, gbps: 0, vcpus: 16, mem: 64, "GPUs G2; NIC speed unsourced"),
        gcp("g2-standard-24", "L4", 2, .pcie, .ethernet, nics: 1, gbps: 0, vcpus: 24, mem: 96, "GPUs G2; NIC speed unsourced"),
        gcp("g2-standard-32", "L4", 1, .pcie, .ethernet, nics: 1, gbps: 0, vcpus: 32, mem: 128, "GPUs G2; NIC speed unsourced"),
        gcp("g2-standard-48", "L4", 4, .pcie, .ethernet, nics: 1, gbps: 0, vcpus: 48, mem: 192, "GPUs G2; NIC speed unsourced"),
        gcp("g2-standard-96", "L4", 8, .pcie, .ethernet, nics: 1, gbps: 0, vcpus: 96, mem: 384, "GPUs G2; NIC speed unsourced"),
    ]

    static let oci: [InstanceType] = [
        // 16 RoCE ports: the oci-hpc-oke dump lists 8 dual-port CX-7 (16 `net`, mlx5_*), each GPU with 18 NVLinks
        // to NVSwitches. 112 OCPUs = 224 vCPUs, 2048 GB (OCI compute shapes page, unsourced here).
        InstanceType(name: "BM.GPU.H100.8", provider: "oci", gpu: "H100-SXM-80GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .roce, nics: 16, gbpsPerNic: 200, vcpus: 224, memoryGiB: 2048,
                     source: "NVLinks and 16 RoCE ports oci-hpc-oke BM.GPU.H100.8.xml; vCPU/memory OCI-SHAPES"),
        // 16× 100 G RoCE and 12 NVSwitch links per GPU: the OCI A100-v2.8 NCCL dump (issue #17 finding 2).
        InstanceType(name: "BM.GPU.A100-v2.8", provider: "oci", gpu: "A100-80GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .roce, nics: 16, gbpsPerNic: 100, vcpus: 256, memoryGiB: 2048,
                     source: "GPUs, vCPU/memory SKY-OCI; 16× 100 G RoCE the oci-hpc-oke A100-v2.8 dump"),
        InstanceType(name: "BM.GPU4.8", provider: "oci", gpu: "A100-40GB", gpuCount: 8, interconnect: .nvswitch,
                     nvlinkIslands: [8], fabric: .roce, nics: 16, gbpsPerNic: 0, vcpus: 128, memoryGiB: 2048,
                     source: "GPUs, vCPU/memory SKY-OCI; NVSwitch and RoCE ports unsourced"),
        InstanceType(name: "BM.GPU.L40S.4", provider: "oci", gpu: "L40S", gpuCount: 4, interconnect: .pcie,
                     nvlinkIslands: pcieIslands(4), fabric: .roce, nics: 1, gbpsPerNic: 0, vcpus: 224, memoryGiB: 1024,
                     source: "4× L40S, 112 OCPUs (224 vCPUs) and 1024 GB OCI-SHAPES; NICs unsourced"),
    ]
}
