import Foundation
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import Testing

/// The nccl-tests Job (issue 16 finding 8): the binary at its real path, and an image whose NCCL
/// can use EFA on EFA pools.
@Suite struct NCCLTestJobTests {
    static func container(_ replacements: [(String, String)] = []) -> ManifestValue? {
        Fixture.object(Fixture.manifests(replacements), kind: "Job", name: "nccl-tests-h100", namespace: Conventions.systemNamespace)?
            .value.at("spec", "template", "spec", "containers", "[name=nccl-tests]")
    }

    @Test func efaPoolRunsAWSsImageWithTheBinaryByPath() throws {
        let c = try #require(Self.container())
        #expect(c
            .at("image")?.stringValue == "public.ecr.aws/hpc-cloud/nccl-tests:cuda12.8.1-efa1.43.2-ofiv1.16.3-ncclv2.27.7-1-testsv2.16.9")
        let script = try #require(c.at("command", "[2]")?.stringValue)
        #expect(script
            .contains("-x PATH -x LD_LIBRARY_PATH -x FI_EFA_FORK_SAFE -x FI_EFA_USE_DEVICE_RDMA -x FI_PROVIDER -x NCCL_DEBUG \\\n"))
        #expect(script.contains("  /opt/nccl-tests/build/all_reduce_perf -b 8 -e 8G -f 2 -g 1 -c 1\n"))
        #expect(!script.contains(" all_reduce_perf"))
    }

    @Test func otherFabricsKeepCoreWeavesImage() throws {
        let c = try #require(Self.container([("provider: aws", "provider: azure"),
            ("instanceType: p5.48xlarge", "instanceType: Standard_ND96isr_H100_v5")]))
        #expect(c.at("image")?.stringValue == NCCLTestEmitter.image)
        #expect(c.at("command", "[2]")?.stringValue?.contains("/opt/nccl-tests/build/all_reduce_perf -b 8") == true)
    }
}
