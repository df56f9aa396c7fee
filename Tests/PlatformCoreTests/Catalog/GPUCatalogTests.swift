import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

@Suite struct GPUCatalogTests {
    let catalog = GPUCatalog.builtIn

    @Test func holdsTheTwelveModels() {
        #expect(catalog.names == ["A100-40GB", "A100-80GB", "A10G", "B200", "GB200", "H100-NVL-94GB", "H100-PCIe-80GB",
                                  "H100-SXM-80GB", "H200-141GB", "L4", "L40S", "MI300X"])
    }

    @Test func fp8FollowsComputeCapability() {
        for model in catalog.models.values where model.vendor == "nvidia" {
            let cc = try! #require(model.computeCapability)
            #expect(model.fp8 == (cc >= ComputeCapability(8, 9)), "\(model.name)")
        }
        #expect(catalog.model(named: "MI300X")?.fp8 == true)
    }

    @Test func migMemoryFitsAndSlicesFitSeven() {
        for model in catalog.models.values {
            for profile in model.migProfiles {
                #expect(profile.memoryMiB > 0 && profile.memoryMiB <= model.memoryMiB, "\(model.name) \(profile.name)")
                #expect(profile.computeSlices * profile.maxCount <= 7, "\(model.name) \(profile.name)")
                #expect(profile.memoryMiB * profile.maxCount <= model.memoryMiB, "\(model.name) \(profile.name)")
            }
        }
    }

    @Test func h100ProfilesAreTheMeasuredOnes() {
        let h100 = try! #require(catalog.model(named: "H100-SXM-80GB"))
        #expect(h100.migProfiles.map(\.name) == ["1g.10gb", "1g.20gb", "2g.20gb", "3g.40gb", "4g.40gb", "7g.80gb"])
        #expect(h100.migProfile(named: "1g.10gb") == MIGProfile(name: "1g.10gb", memoryMiB: 9984, computeSlices: 1, maxCount: 7))
    }

    @Test func nominalProfileMemoryIsTheNameInMiB() {
        #expect(MIGProfile.nominalMemoryMiB("1g.10gb") == 9536)
        #expect(MIGProfile.nominalMemoryMiB("7g.141gb") == 134468)
        #expect(MIGProfile.nominalMemoryMiB("1g.5gb+me") == nil)
        #expect(MIGProfile.computeSlices("3g.40gb") == 3)
        #expect(catalog.model(named: "A100-40GB")?.migProfile(named: "1g.5gb")
                == MIGProfile(name: "1g.5gb", memoryMiB: 4768, computeSlices: 1, maxCount: 7))
        #expect(catalog.model(named: "GB200")?.migProfiles.map(\.name)
                == ["1g.23gb", "1g.47gb", "2g.47gb", "3g.93gb", "4g.93gb", "7g.186gb"])
    }

    @Test func productNamesMapToCanonicalNames() {
        let cases: [(String, String?)] = [
            ("NVIDIA-H100-80GB-HBM3", "H100-SXM-80GB"), ("NVIDIA H100 80GB HBM3", "H100-SXM-80GB"),
            ("A100-SXM4-40GB", "A100-40GB"), ("A100-SXM4-40GB-MIG-1g.5gb", "A100-40GB"),
            ("NVIDIA-A100-SXM4-80GB", "A100-80GB"), ("NVIDIA A100 80GB PCIe", "A100-80GB"),
            ("NVIDIA-L40S", "L40S"), ("NVIDIA-A10G", "A10G"), ("NVIDIA-L4", "L4"), ("NVIDIA-L4-SHARED", "L4"),
            ("NVIDIA H100 NVL", "H100-NVL-94GB"), ("NVIDIA H100 PCIe", "H100-PCIe-80GB"),
            ("NVIDIA-H200", "H200-141GB"), ("NVIDIA B200", "B200"), ("NVIDIA-GB200", "GB200"),
            ("AMD Instinct MI300X", "MI300X"), ("Tesla-T4", nil), ("NVIDIA-A100", nil),
        ]
        for (product, expected) in cases {
            #expect(GPUCatalog.canonicalName(forProduct: product) == expected, "\(product)")
        }
    }
}
