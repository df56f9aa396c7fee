/// What `platformc init` starts a platform with when no inventory is given: one line per provider,
/// so a new instance type in the catalog is a one-line change here. Each instance type must be in
/// the built-in instance catalog (a test checks that every line gives a spec `check` accepts).
/// Regions: AWS as in the bundled platform.yaml; GCP `us-central1` lists a3-highgpu-8g in
/// skypilot-org/skypilot-catalog `catalogs/v8/gcp/vms.csv`; Azure `eastus` as in the AKS zone
/// label of Tests/PlatformCoreTests/Inventory/InventoryFixtures.swift; OCI BM.GPU.A100-v2.8 in
/// `eu-amsterdam-1`, the first region the price catalog sources for it (BM.GPU.H100.8 has no
/// sourced price). Each starter pool is priced from `InstanceCatalog+Prices.swift`, so `check` is quiet.
package struct StarterPool: Sendable {
    package var instanceType: String
    package var region: String?
    package var zones: [String]
}

package enum StarterDefaults {
    package static let providers = ["aws", "gcp", "azure", "oci"]

    package static let pools: [String: StarterPool] = [
        "aws": StarterPool(instanceType: "p5.48xlarge", region: "us-east-1", zones: ["us-east-1a", "us-east-1b"]),
        "gcp": StarterPool(instanceType: "a3-highgpu-8g", region: "us-central1", zones: []),
        "azure": StarterPool(instanceType: "Standard_ND96isr_H100_v5", region: "eastus", zones: []),
        "oci": StarterPool(instanceType: "BM.GPU.A100-v2.8", region: "eu-amsterdam-1", zones: []),
    ]
}
