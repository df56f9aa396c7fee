/// NVIDIA GPU PCI device ids → the built-in GPU catalog's model names, to check a topology file's
/// `<pci device>` against the pool's GPU. Source: pciutils/pciids `pci.ids` at
/// c1c12547d626ebf05fd0223144ad87fab5e95d06 (version 2026.08.22), vendor `10de`, e.g.
/// `2330  GH100 [H100 SXM5 80GB]`, `20b2  GA100 [A100 SXM4 80GB]`; the name pci.ids gives is kept
/// for messages. Ids not listed (A800, H800, GH200, 94/96 GB H100 variants…) are not checked.
package enum GPUPCIDeviceTable {
    package struct Entry: Hashable, Sendable {
        package var gpu: String          // catalog name
        package var pciName: String      // pci.ids' bracketed name
    }

    package static let byDevice: [String: Entry] = [
        "0x20b0": Entry(gpu: "A100-40GB", pciName: "A100 SXM4 40GB"),
        "0x20b1": Entry(gpu: "A100-40GB", pciName: "A100 PCIe 40GB"),
        "0x20f1": Entry(gpu: "A100-40GB", pciName: "A100 PCIe 40GB"),
        "0x20b2": Entry(gpu: "A100-80GB", pciName: "A100 SXM4 80GB"),
        "0x20b5": Entry(gpu: "A100-80GB", pciName: "A100 PCIe 80GB"),
        "0x2237": Entry(gpu: "A10G", pciName: "A10G"),
        "0x27b8": Entry(gpu: "L4", pciName: "L4"),
        "0x26b9": Entry(gpu: "L40S", pciName: "L40S"),
        "0x2330": Entry(gpu: "H100-SXM-80GB", pciName: "H100 SXM5 80GB"),
        "0x2331": Entry(gpu: "H100-PCIe-80GB", pciName: "H100 PCIe"),
        "0x2321": Entry(gpu: "H100-NVL-94GB", pciName: "H100L 94GB"),
        "0x2335": Entry(gpu: "H200-141GB", pciName: "H200 SXM 141GB"),
        "0x233b": Entry(gpu: "H200-141GB", pciName: "H200 NVL"),
        "0x2901": Entry(gpu: "B200", pciName: "B200"),
        "0x2941": Entry(gpu: "GB200", pciName: "HGX GB200"),
    ]

    /// The catalog model of a device id (`0x2330`, any case), nil when the table does not list it.
    package static func entry(forDevice id: String) -> Entry? { byDevice[id.lowercased()] }
}
