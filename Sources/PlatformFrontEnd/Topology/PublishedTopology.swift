/// An NCCL topology file a cloud provider publishes for an instance type: real bus IDs of that
/// machine, so NCCL matches them to its devices. The only other source of a topology platformc
/// emits is the pool's own `topologyFile` (a dump of the node); platformc never writes one from
/// the islands it knows (see `NCCLTopologySource`).
package struct PublishedTopology: Hashable, Sendable {
    /// The provider's own name for the machines the file fits (Azure's "topology family").
    package var family: String
    package var provider: String
    /// Where it was copied from: repository, path, and the commit it was copied at.
    package var repository: String
    package var path: String
    package var commit: String
    /// The file, byte for byte.
    package var text: String

    package static let all: [PublishedTopology] = azure

    /// The file the provider installs for `instanceType` (case-insensitive), or nil.
    ///
    /// Azure/azhpc-images `components/setup_sku_customizations.sh` (commit 1a0d800b3e5a, 2026-07-10)
    /// maps the lower-cased VM size to a family: `standard_nd*v4` → ndv4 (ND A100 v4, ND A100 v4
    /// 80 GB), `standard_nd96is*_h[1-2]00_v5` → ndv5 (ND H100 v5, ND H200 v5). Its ncv4 family
    /// (`standard_nc96ads_a100_v4`) also sets `NCCL_GRAPH_FILE`, which platformc does not ship, so
    /// it is not offered here.
    package static func forInstanceType(_ instanceType: String) -> PublishedTopology? {
        let name = instanceType.lowercased()
        let family: String
        if name.hasPrefix("standard_nd") && name.hasSuffix("v4") {
            family = "ndv4"
        } else if name.hasPrefix("standard_nd96is"),
                  name.hasSuffix("_h100_v5") || name.hasSuffix("_h200_v5") {
            family = "ndv5"
        } else {
            return nil
        }
        return all.first { $0.family == family }
    }
}
