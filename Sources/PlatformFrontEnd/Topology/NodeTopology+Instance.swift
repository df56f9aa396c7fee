extension NodeTopology {
    /// The topology an instance type implies when no topology file says otherwise: islands of the listed
    /// sizes over consecutive GPU indices. Bandwidth is NCCL's figure, links × per-link constant for the
    /// GPU's `sm` (18 × 20.6 = 370.8 GB/s for H100), when the catalog knows the link count; otherwise half
    /// the vendor's bidirectional figure, a rough stand-in; 0 for lone GPUs.
    package init(instance: InstanceType, gpu: GPUModel) {
        let sm = (gpu.computeCapability?.major ?? 0) * 10 + (gpu.computeCapability?.minor ?? 0)
        let bandwidth: Double
        if let links = gpu.nvlinksPerGPU {
            bandwidth = (Double(links) * NVLinkBandwidth.perLinkGBps(sm: sm)).rounded(toPlaces: 1)
        } else {
            bandwidth = (gpu.nvlinkBandwidthGBps ?? 0) / 2
        }
        var next = 0
        let islands = instance.nvlinkIslands.map { size -> NVLinkIsland in
            defer { next += size }
            return NVLinkIsland(gpus: Array(next..<next + size), bandwidthGBps: size > 1 ? bandwidth : 0)
        }
        self.init(gpuCount: instance.gpuCount, islands: islands, nics: instance.nics,
                  source: "instance type \(instance.name): \(instance.interconnect.rawValue), islands \(instance.nvlinkIslands)")
    }
}
