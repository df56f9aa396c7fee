import Foundation
@testable import PlatformCore
import PlatformDiagnostics
import Testing

/// A `security.exceptions` grant must reach the API server: the namespace the workload runs in
/// enforces a level that admits what was granted, and the will-it-run pass (which checks against
/// that level, as the API server does) agrees with the audit (which honours the grant).
@Suite struct SecurityExceptionLevelTests {
    /// The minimal spec without its training job, so `search` in `prod` enforces `restricted`, plus `grant`.
    static func spec(_ grant: String) -> String {
        WillItRunTests.withoutTraining
            + "security:\n  exceptions:\n    - workload: llama-3-70b\n      allow: [\(grant)]\n      reason: vendor image needs it\n"
    }

    static func namespace(_ spec: String, _ name: String) throws -> Manifest {
        let output = Compiler().compile(spec: Array(spec.utf8), file: "platform.yaml")
        let manifests = try #require(output.manifests)
        return try #require(manifests.manifests(in: "prod").first { $0.kind == "Namespace" && $0.name == name })
    }

    /// The model's vLLM container made to run as root (what the grant is for).
    static let asRoot: @Sendable (Manifest) -> Manifest = { manifest in
        WillItRunTests.edited(manifest, when: manifest.kind == "Deployment" && manifest.name == "llama-3-70b") { value in
            guard var containers = value[path: ["spec", "template", "spec", "containers"]]?.listValue else { return }
            for index in containers.indices where containers[index]["name"] == "vllm" {
                var context = containers[index]["securityContext"] ?? .emptyMap
                context["runAsNonRoot"] = false
                context["runAsUser"] = 0
                containers[index]["securityContext"] = context
            }
            value[path: ["spec", "template", "spec", "containers"]] = .list(containers)
            value[path: ["spec", "template", "spec", "securityContext", "runAsNonRoot"]] = false
        }
    }

    /// Granting a `restricted` control (`runAsRoot`) lowers the namespace to `baseline`, with the
    /// reason annotated; the pass then admits the root pod. Without the grant the namespace stays
    /// `restricted` and the pass rejects it (E7101).
    @Test func aRestrictedGrantLowersTheNamespaceToBaseline() throws {
        let granted = try Self.namespace(Self.spec("runAsRoot"), "search")
        #expect(granted.labels[PodSecurityLevels.enforce]?.stringValue == "baseline")
        #expect(granted.labels[PodSecurityLevels.warn]?.stringValue == "restricted")
        #expect(granted.annotations[Conventions.securityExceptionAnnotation]?.stringValue ==
            "baseline: `llama-3-70b` is granted `runAsRoot` by `security.exceptions`: vendor image needs it")
        #expect(!WillItRunTests.findings(Self.spec("runAsRoot"), editing: Self.asRoot).contains { $0.contains("E7101") })

        let plain = try Self.namespace(WillItRunTests.withoutTraining, "search")
        #expect(plain.labels[PodSecurityLevels.enforce]?.stringValue == "restricted")
        #expect(WillItRunTests.findings(WillItRunTests.withoutTraining, editing: Self.asRoot).contains {
            $0.hasPrefix("""
                17:11: [E7101]: the pods of model `llama-3-70b` in namespace `search` of cluster `prod` is rejected by Pod Security \
                `restricted`
                """)
        })
    }

    /// Granting a `baseline` control (`hostPath`) needs `privileged`: `baseline` would still reject it.
    @Test func aBaselineGrantLowersTheNamespaceToPrivileged() throws {
        let granted = try Self.namespace(Self.spec("hostPath"), "search")
        #expect(granted.labels[PodSecurityLevels.enforce]?.stringValue == "privileged")
        #expect(granted.annotations[Conventions.securityExceptionAnnotation]?.stringValue ==
            "privileged: `llama-3-70b` is granted `hostPath` by `security.exceptions`: vendor image needs it")
        let hostPath: @Sendable (Manifest) -> Manifest = { manifest in
            WillItRunTests.edited(manifest, when: manifest.kind == "Deployment" && manifest.name == "llama-3-70b") { value in
                let volumes = value[path: ["spec", "template", "spec", "volumes"]]?.listValue ?? []
                value[path: ["spec", "template", "spec", "volumes"]] = .list(volumes
                    + [["name": "dev", "hostPath": ["path": "/dev/infiniband"]]])
            }
        }
        #expect(!WillItRunTests.findings(Self.spec("hostPath"), editing: hostPath).contains { $0.contains("E7101") })
        #expect(WillItRunTests.findings(WillItRunTests.withoutTraining, editing: hostPath).contains { $0.contains("E7101") })
        // A namespace without a grant keeps its level: the other teams are not lowered.
        #expect(try Self.namespace(Self.spec("hostPath"), "platform-system").labels[PodSecurityLevels.enforce]?.stringValue == "restricted")
    }
}
