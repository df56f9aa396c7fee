/// CEL selectors for the NVIDIA DRA driver's devices (hardware.md §0 facts 7–8, §3.2): the product
/// name matched by pattern (the raw NVML name, `NVIDIA H100 80GB HBM3`), a memory floor, and for MIG
/// the `profile` attribute. Memory is the NVML total, a little under the marketing size (an 80 GB
/// H100 reports 81559 MiB), so the floor sits 5% below the catalog figure, never at "80Gi".
package enum GPUDeviceSelector {
    package static let driver = "gpu.nvidia.com"
    package static let gpuDeviceClass = "gpu.nvidia.com"
    package static let migDeviceClass = "mig.nvidia.com"

    /// The selector for whole GPUs of the catalog model `gpu`.
    package static func wholeGPU(_ gpu: String, catalog: GPUCatalog) -> String {
        var terms = productTerms(gpu)
        if let memoryMiB = catalog.model(named: gpu)?.memoryMiB {
            terms.append("device.capacity['\(driver)'].memory.compareTo(quantity('\(memoryMiB * 95 / 100)Mi')) >= 0")
        }
        return terms.joined(separator: " && ")
    }

    /// The selector for MIG slices of profile `profile` on GPUs of the catalog model `gpu`
    /// (a MIG device carries its parent's attributes plus `profile`).
    package static func migSlice(_ gpu: String, profile: String) -> String {
        (productTerms(gpu) + ["device.attributes['\(driver)'].profile == '\(profile)'"]).joined(separator: " && ")
    }

    /// `productName` terms: the family token (`h100`, `a100`, `l40s`) as a whole word, and the form
    /// factor where the catalog tells variants apart (SXM vs PCIe vs NVL).
    static func productTerms(_ gpu: String) -> [String] {
        let name = "device.attributes['\(driver)'].productName.lowerAscii()"
        let tokens = gpu.lowercased().split(separator: "-").map(String.init)
        guard let family = tokens.first else { return [] }
        var terms = ["\(name).matches('(^|[ -])\(family)([ -]|$)')"]
        if tokens.contains("pcie") {
            terms.append("\(name).contains('pcie')")
        } else if tokens.contains("nvl") {
            terms.append("\(name).contains('nvl')")
        } else if tokens.contains("sxm") {
            terms.append("!\(name).contains('pcie') && !\(name).contains('nvl')")
        }
        return terms
    }
}
