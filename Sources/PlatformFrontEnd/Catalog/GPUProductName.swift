/// Maps the GPU names that clusters report to the catalog's canonical names. GFD's
/// `nvidia.com/gpu.product` is the NVML name with spaces turned into `-` (`NVIDIA-H100-80GB-HBM3`, or
/// `A100-SXM4-40GB` on older drivers, plus `-MIG-1g.5gb` or `-SHARED` suffixes); the DRA driver's
/// `productName` is the raw NVML name (`NVIDIA A100 80GB PCIe`). Both are matched by pattern, never
/// exactly (hardware.md fact 6), on upper-cased tokens split at spaces, `-` and `_`.
extension GPUCatalog {
    /// The canonical catalog name for a GFD product label or a DRA `productName`, or nil when the
    /// product is not one the built-in catalog knows.
    package static func canonicalName(forProduct product: String) -> String? {
        let tokens = productTokens(product)
        func has(_ t: String) -> Bool { tokens.contains(t) }
        func hasPrefix(_ p: String) -> Bool { tokens.contains { $0.hasPrefix(p) } }
        // Order matters: GB200 before B200, L40S before L4, NVL and PCIe before the SXM default.
        if has("GB200") { return "GB200" }
        if has("B200") { return "B200" }
        if has("H200") { return "H200-141GB" }
        if has("H100") {
            if has("NVL") { return "H100-NVL-94GB" }
            if has("PCIE") { return "H100-PCIe-80GB" }
            if has("80GB") || hasPrefix("SXM") || hasPrefix("HBM") { return "H100-SXM-80GB" }
            return nil
        }
        if has("A100") {
            if has("80GB") || tokens.contains(where: { $0.hasSuffix("80GB") }) { return "A100-80GB" }
            if has("40GB") || tokens.contains(where: { $0.hasSuffix("40GB") }) { return "A100-40GB" }
            return nil
        }
        if has("A10G") { return "A10G" }
        if has("L40S") { return "L40S" }
        if has("L4") { return "L4" }
        if has("MI300X") { return "MI300X" }
        return nil
    }

    /// Upper-cased tokens of a product name with the MIG and sharing suffixes cut off:
    /// `NVIDIA-A100-SXM4-40GB-MIG-1g.5gb` → `NVIDIA A100 SXM4 40GB`.
    static func productTokens(_ product: String) -> [String] {
        var tokens = product.uppercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).map(String.init)
        if let mig = tokens.firstIndex(of: "MIG") { tokens.removeSubrange(mig...) }
        tokens.removeAll { $0 == "SHARED" }
        return tokens
    }
}
