import Foundation

/// What one node of a pool offers pods: `allocatable = capacity - kube-reserved - system-reserved -
/// hard eviction threshold` (Kubernetes, "Reserve Compute Resources for System Daemons"), with the
/// reservations each provisioner applies by default. The scheduler (and Karpenter's packing) places
/// a pod only where its CPU and memory requests fit the allocatable, so a pod asking more than any
/// node of its pool offers stays Pending.
///
/// - Karpenter on AWS (aws/karpenter-provider-aws v1.14.1, `pkg/providers/instancetype/types.go`):
///   memory capacity is the EC2 size minus `ceil(size × vmMemoryOverheadPercent)` (default 0.075,
///   `pkg/operator/options/options.go`); kube-reserved memory `11 × pods + 255` MiB, CPU 6 % of the
///   first core, 1 % of the second, 0.5 % of the next two, 0.25 % above (`kubeReservedResources`);
///   eviction 100Mi (`evictionThreshold`). Checked against every figure of the v1.14.1
///   `instance-types.md` in `NodeAllocatableTests`.
/// - GKE (kubernetes/autoscaler `cluster-autoscaler/cloudprovider/gce/`, which predicts GKE's node
///   allocatable): on Container-Optimized OS, GKE's default image, the kernel keeps `memory / 64 + 16
///   MiB`, 64 MiB more above 3 GiB, 8 MiB more up to 8 GiB, and `min(0.175 % of memory, 248 MiB)`
///   (`gce_reserved.go` @0be995de, `CalculateKernelReserved`); kube-reserved memory (`reserved.go` @729ba955) 25 % of the first 4 "GB", 20
///   % of the next 4, 10 % of the next 8, 6 % of the next 112, 2 % above (a "GB" there is 1000 MiB, "duplicating an upstream bug"), CPU as
///   on AWS; eviction 100Mi. GKE's `plan-node-sizes` page states the same brackets.
/// - AKS (MicrosoftDocs/azure-aks-docs `articles/aks/node-resource-reservations.md` @11fb7fb8): CPU
///   60m for 1 core up to 740m for 64 cores, which is 6 % of the first core, 4 % of the second, 2 % of
///   the next two and 1 % above (Azure/karpenter-provider-azure v1.14.2
///   `pkg/providers/instancetype/instancetype.go`, `reservedCPUTaxVCPU`, extends it past 64 cores);
///   memory from 1.29 on the lesser of `20 MB × max pods + 50 MB` and 25 % of the memory, with a
///   100Mi eviction threshold (before 1.29: 25/20/10/6/2 % brackets and 750Mi). Max pods is 30 to 250
///   per node, set when the pool is created (azure.github.io/PSRule.Rules.Azure `Azure.AKS.NodeMinPods`);
///   250 is taken, which reserves the most. The VM's own overhead is Karpenter for Azure's 7.5 %
///   (`vm-memory-overhead-percent`, `pkg/operator/options/options.go`).
/// - Elsewhere (OCI, on-premises): the kubelet's defaults, no kube- or system-reserved and a 100Mi
///   hard eviction threshold (kubernetes `pkg/kubelet/apis/config/v1beta1/defaults_linux.go`,
///   `DefaultEvictionHard`); the operator's own reservations are not known, so this is the most a node can offer.
struct NodeAllocatable: Hashable, Sendable {
    var cpuMillis: Int64
    var memoryMiB: Int64
    /// Whose reservations were taken off, for messages: "after Karpenter's reservations".
    var basis: String

    static let karpenterVMMemoryOverhead = 0.075
    static let azureVMMemoryOverhead = 0.075
    static let evictionHardMiB: Int64 = 100
    /// The most pods an AKS node may be configured for.
    static let aksMaxPods: Int64 = 250
    /// Karpenter's pod count for a type whose ENI-limited count is unknown (`pods`, default 110).
    static let karpenterDefaultPods: Int64 = 110

    /// The allocatable of one node of `instance` as `provisioning` sets it up; nil when the
    /// catalog has no vCPU or memory figure for it.
    static func of(_ instance: InstanceType, provisioning: NodeProvisioning, kubernetesMinor: Int) -> NodeAllocatable? {
        guard instance.vcpus > 0, instance.memoryGiB > 0 else { return nil }
        let memoryMiB = Int64(instance.memoryGiB) * 1024
        let millis = Int64(instance.vcpus) * 1000
        switch provisioning {
        case .karpenter:
            let pods = instance.maxPods > 0 ? Int64(instance.maxPods) : karpenterDefaultPods
            let capacity = memoryMiB - Int64((Double(memoryMiB) * karpenterVMMemoryOverhead).rounded(.up))
            return NodeAllocatable(cpuMillis: millis - gkeOrKarpenterReservedCPU(millis),
                                   memoryMiB: capacity - (11 * pods + 255) - evictionHardMiB,
                                   basis: "Karpenter's")
        case .gkeNodePool:
            let bytes = memoryMiB * 1_048_576
            var kernel = bytes / 64 + 16 * 1_048_576
            if bytes > 3 * 1_073_741_824 { kernel += 64 * 1_048_576 }
            if bytes <= 8 * 1_073_741_824 { kernel += 8 * 1_048_576 }
            kernel += Int64(min(0.00175 * Double(bytes), Double(248 * 1_048_576)))
            let capacity = (bytes - kernel) / 1_048_576
            return NodeAllocatable(cpuMillis: millis - gkeOrKarpenterReservedCPU(millis),
                                   memoryMiB: capacity - gkeReservedMemoryMiB(memoryMiB) - evictionHardMiB,
                                   basis: "GKE's")
        case .aksAgentPool:
            let capacity = memoryMiB - Int64((Double(memoryMiB) * azureVMMemoryOverhead).rounded(.up))
            let reserved: Int64
            let eviction: Int64
            if kubernetesMinor >= 29 {
                reserved = min(20 * aksMaxPods + 50, memoryMiB / 4)
                eviction = evictionHardMiB
            } else {
                reserved = Int64((1024 * brackets(Double(instance.memoryGiB),
                    [(4, 0.25), (8, 0.20), (16, 0.10), (128, 0.06), (.infinity, 0.02)]))
                    .rounded())
                eviction = 750
            }
            let cpu = Int64((1000 * brackets(Double(instance.vcpus), [(1, 0.06), (2, 0.04), (4, 0.02), (.infinity, 0.01)])).rounded())
            return NodeAllocatable(cpuMillis: millis - cpu, memoryMiB: capacity - reserved - eviction, basis: "AKS's")
        case .operatorLabelled:
            return NodeAllocatable(cpuMillis: millis, memoryMiB: memoryMiB - evictionHardMiB, basis: "the kubelet's default")
        }
    }

    /// 6 % of the first core, 1 % of the second, 0.5 % of the next two, 0.25 % above, in millicores
    /// (Karpenter truncates each bracket, the autoscaler the sum; they agree on whole cores).
    static func gkeOrKarpenterReservedCPU(_ millis: Int64) -> Int64 {
        var reserved: Int64 = 0
        for (start, end, rate) in [(Int64(0), Int64(1000), 0.06), (1000, 2000, 0.01), (2000, 4000, 0.005), (4000, Int64.max, 0.0025)]
        where millis > start {
            reserved += Int64(Double(min(millis, end) - start) * rate)
        }
        return reserved
    }

    /// GKE's kube-reserved memory in MiB for a machine of `memoryMiB` (reserved.go, `memoryReservedMiB`).
    static func gkeReservedMemoryMiB(_ memoryMiB: Int64) -> Int64 {
        let gb = 1000.0
        if memoryMiB <= Int64(gb) { return memoryMiB <= 0 ? 0 : 255 }
        return Int64(brackets(Double(memoryMiB), [(4 * gb, 0.25), (8 * gb, 0.20), (16 * gb, 0.10), (128 * gb, 0.06), (.infinity, 0.02)]))
    }

    /// A bracketed tax: each rate applies to the part of `amount` between the previous bound and its own.
    static func brackets(_ amount: Double, _ bounds: [(upper: Double, rate: Double)]) -> Double {
        var total = 0.0, lower = 0.0
        for bracket in bounds where amount > lower {
            total += (min(amount, bracket.upper) - lower) * bracket.rate
            lower = bracket.upper
        }
        return total
    }

    /// `191450m` CPU and `1893Gi 298Mi` memory, as the messages print them.
    var cpuText: String { cpuMillis % 1000 == 0 ? "\(cpuMillis / 1000)" : "\(cpuMillis)m" }
    var memoryText: String { memoryMiB % 1024 == 0 ? "\(memoryMiB / 1024)Gi" : "\(memoryMiB)Mi" }
}
