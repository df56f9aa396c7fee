import Foundation
import Testing

/// `platformc explain catalog`: the built-in GPUs and instance types with every sourced price.
@Suite struct ExplainCatalogCommandTests {
    @Test func textListsEveryCloudWithPriceRegionSourceAndDate() throws {
        let r = try CLIRunner.run(["explain", "catalog"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout.hasPrefix("GPU models\n  A100-40GB: 40960 MiB, ampere, CC 8.0, MIG "))
        #expect(r.stdout
            .contains("  gcp a3-highgpu-8g: 8× H100-SXM-80GB, islands 8 over nvswitch; fabric tcpx 4×200 Gbps; 208 vCPU, 1872 GiB\n"))
        #expect(r.stdout.contains("""
                $87.83/h us-east4 on-demand (skypilot-catalog catalogs/v7/gcp/vms.csv @017e2502 (machine + GPU rows), 2026-12-05)\n
            """))
        #expect(r.stdout
            .contains("    $55.04/h us-east-1 on-demand (karpenter zz_generated.pricing_aws.go (Linux on-demand), 2026-07-20)\n"))
        #expect(r.stdout
            .contains("  oci BM.GPU.H100.8: 8× H100-SXM-80GB, islands 8 over nvswitch; fabric roce 16×200 Gbps; 224 vCPU, 2048 GiB\n"))
        #expect(r.stdout.contains("    price: none sourced\n"))
    }

    @Test func jsonHasGPUsAndInstanceTypesWithPrices() throws {
        let r = try CLIRunner.run(["explain", "catalog", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let gpus = try #require(object["gpus"] as? [[String: Any]])
        #expect(gpus.count == 12)
        let types = try #require(object["instanceTypes"] as? [[String: Any]])
        let nd = try #require(types.first { $0["name"] as? String == "Standard_ND96isr_H100_v5" })
        #expect(nd["provider"] as? String == "azure")
        let prices = try #require(nd["prices"] as? [[String: Any]])
        #expect(prices.map { $0["region"] as? String } == ["eastus", "eastus2", "westus"])
        #expect(prices.first?["pricePerHour"] as? String == "98.32")
        #expect(prices.first?["date"] as? String == "2026-12-05")
    }

    @Test func markdownIsRefusedAsUsage() throws {
        let r = try CLIRunner.run(["explain", "catalog", "--format", "markdown"])
        #expect(r.status == 2)
        #expect(r.stdout == "")
    }

    /// `explain cost` on the GKE + AKS + OCI fixture: no warning, and every pool's price names its source.
    @Test func costOfThreeCloudsNamesEverySource() throws {
        let spec = CLIRunner.repoRoot.appendingPathComponent("Tests/Cases/good-specs/gke-aks-oci/platform.yaml").path
        let r = try CLIRunner.run(["explain", "cost", spec, "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let pools = try #require(object["pools"] as? [String: [String: Any]])
        #expect(pools.keys.sorted() == ["aks/nca100spot", "aks/ndh100", "gke/h100", "gke/l4-spot", "oke/a100"])
        for (id, pool) in pools {
            let source = pool["priceSource"] as? String ?? ""
            #expect(source.hasPrefix("skypilot-catalog catalogs/v"), "\(id): \(source)")
        }
    }
}
