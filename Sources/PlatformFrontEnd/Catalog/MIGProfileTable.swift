/// MIG layouts per GPU, hand-transcribed from NVIDIA/mig-parted `deployments/systemd/config-default.yaml`
/// @bd7160f4 (copied to `shared/realworld/inventory/mig-parted-config-default.yaml`): each `all-<profile>`
/// entry says how many of one profile fit on a GPU, and its comment or `device-filter` names the GPUs.
/// `+me` (media-extension) variants are left out: they never fit more than once and nobody schedules on them.
enum MIGProfileTable {
    /// A100-40GB (0x20B0): `all-1g.5gb` ×7, `all-1g.10gb` ×4 (the A100-40GB filter), `all-2g.10gb` ×3,
    /// `all-3g.20gb` ×2, `all-4g.20gb` ×1, `all-7g.40gb` ×1.
    static let a100_40GB = [
        nominal("1g.5gb", 7), nominal("1g.10gb", 4), nominal("2g.10gb", 3),
        nominal("3g.20gb", 2), nominal("4g.20gb", 1), nominal("7g.40gb", 1),
    ]

    /// A100-80GB (0x20B2/0x20B5), grouped with H100-80GB in the file: `1g.10gb` ×7 … `7g.80gb` ×1.
    static let a100_80GB = [
        nominal("1g.10gb", 7), nominal("1g.20gb", 4), nominal("2g.20gb", 3),
        nominal("3g.40gb", 2), nominal("4g.40gb", 1), nominal("7g.80gb", 1),
    ]

    /// H100-80GB (0x2330 SXM, 0x2331 PCIe): same names and counts as A100-80GB. Memory is what
    /// `nvidia-smi mig -lgip` prints on an H100 80GB (jbarrow.ai/field_notes/nvidia-mig: 9.75, 19.62,
    /// 39.50, 79.25 GiB); 9.75 GiB = 9984 MiB matches GFD's `mig-1g.10gb.memory: "9984"` (hardware.md §3.1).
    static let h100_80GB = [
        MIGProfile(name: "1g.10gb", memoryMiB: 9984, computeSlices: 1, maxCount: 7),
        MIGProfile(name: "1g.20gb", memoryMiB: 20096, computeSlices: 1, maxCount: 4),
        MIGProfile(name: "2g.20gb", memoryMiB: 20096, computeSlices: 2, maxCount: 3),
        MIGProfile(name: "3g.40gb", memoryMiB: 40448, computeSlices: 3, maxCount: 2),
        MIGProfile(name: "4g.40gb", memoryMiB: 40448, computeSlices: 4, maxCount: 1),
        MIGProfile(name: "7g.80gb", memoryMiB: 81152, computeSlices: 7, maxCount: 1),
    ]

    /// H100 NVL (0x2321): comments "H100 NVL, H800 NVL, GH200" (`1g.12gb` ×7, `1g.24gb` ×4, `2g.24gb` ×3)
    /// and "H100 NVL, H800 NVL" (`3g.47gb` ×2, `4g.47gb` ×1, `7g.94gb` ×1).
    static let h100NVL = [
        nominal("1g.12gb", 7), nominal("1g.24gb", 4), nominal("2g.24gb", 3),
        nominal("3g.47gb", 2), nominal("4g.47gb", 1), nominal("7g.94gb", 1),
    ]

    /// H200 141GB (0x2335): `all-1g.18gb` ×7, `all-1g.35gb` ×4 (the 0x2335 filter), `2g.35gb` ×3,
    /// `3g.71gb` ×2, `4g.71gb` ×1, `7g.141gb` ×1.
    static let h200 = [
        nominal("1g.18gb", 7), nominal("1g.35gb", 4), nominal("2g.35gb", 3),
        nominal("3g.71gb", 2), nominal("4g.71gb", 1), nominal("7g.141gb", 1),
    ]

    /// B200 (0x2901): `all-1g.23gb` ×7 ("GB200, B200") and the profiles of its `all-balanced` layout
    /// (`1g.23gb`, `2g.45gb`, `3g.90gb`), whose `all-2g.45gb` ×3 and `all-3g.90gb` ×2 entries exist only for
    /// B200 (no other GPU's layout names them). The file's uncommented `1g.45gb`, `4g.90gb` and `7g.180gb`
    /// follow the same memory steps but no comment ties them to B200, so they are left out.
    static let b200 = [nominal("1g.23gb", 7), nominal("2g.45gb", 3), nominal("3g.90gb", 2)]

    /// GB200 (0x2941): comments "GB200, B200" (`1g.23gb` ×7) and "GB200 HGX" (`1g.47gb` ×4, `2g.47gb` ×3,
    /// `3g.93gb` ×2, `4g.93gb` ×1, `7g.186gb` ×1).
    static let gb200 = [
        nominal("1g.23gb", 7), nominal("1g.47gb", 4), nominal("2g.47gb", 3),
        nominal("3g.93gb", 2), nominal("4g.93gb", 1), nominal("7g.186gb", 1),
    ]

    /// A profile whose memory is the decimal gigabytes in its name, in MiB, rounded down. No measured
    /// figure is stored for these GPUs; the name is a floor (H100's `1g.10gb` has 9984 MiB, more than
    /// 10 GB = 9536 MiB), so a memory-fit check against it never says a model fits when it does not.
    static func nominal(_ name: String, _ maxCount: Int) -> MIGProfile {
        MIGProfile(name: name, memoryMiB: MIGProfile.nominalMemoryMiB(name) ?? 0,
                   computeSlices: MIGProfile.computeSlices(name) ?? 0, maxCount: maxCount)
    }
}

extension MIGProfile {
    /// Compute slices out of 7 named by a profile: `3g.40gb` → 3.
    package static func computeSlices(_ name: String) -> Int? {
        guard let g = name.firstIndex(of: "g") else { return nil }
        return Int(name[..<g])
    }

    /// The decimal gigabytes in a profile's name, in MiB, rounded down: `1g.10gb` → 9536.
    package static func nominalMemoryMiB(_ name: String) -> Int? {
        guard let dot = name.firstIndex(of: "."), name.hasSuffix("gb"),
              let gb = Int(name[name.index(after: dot)..<name.index(name.endIndex, offsetBy: -2)]) else { return nil }
        return Int(Int64(gb) * 1_000_000_000 / 1_048_576)
    }
}
