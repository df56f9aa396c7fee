import Foundation
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import PlatformDiagnostics
import Testing

/// The will-it-run pass on small specs: each finding exact (code, message, line:col).
@Suite struct WillItRunTests {
    /// The pass over what `spec` compiles to, after `edit` changed each emitted object (as a
    /// template or a hand edit could): the emitters fix what the pass detects, so a fault is made
    /// here on purpose, and the pass must still catch it.
    static func pass(_ spec: String, editing edit: (@Sendable (Manifest) -> Manifest)? = nil) -> [Diagnostic] {
        let output = Compiler().compile(spec: Array(spec.utf8), file: "platform.yaml")
        guard let plan = output.plan, var manifests = output.manifests else { return [] }
        if let edit { manifests = manifests.mapManifests(edit) }
        var bag = DiagnosticBag()
        for finding in WillItRun.run(plan, manifests: manifests) { bag.report(finding) }
        return bag.sorted
    }

    static func findings(_ spec: String, editing edit: (@Sendable (Manifest) -> Manifest)? = nil) -> [String] {
        pass(spec, editing: edit).map { d in
            "\(d.location.map { "\($0.line):\($0.column)" } ?? "-"): [\(d.code)]: \(d.message)"
        }
    }

    static func notes(_ spec: String, code: String, editing edit: (@Sendable (Manifest) -> Manifest)? = nil) -> [String] {
        pass(spec, editing: edit).filter { $0.code.rawValue == code }.flatMap { $0.notes.map(\.message) }
    }

    /// `manifest` with `edit` applied to its whole object when `when` holds.
    static func edited(_ manifest: Manifest, when: Bool, _ edit: (inout ManifestValue) -> Void) -> Manifest {
        guard when else { return manifest }
        var value = manifest.value
        edit(&value)
        return Manifest(object: value.mapValue ?? manifest.object) ?? manifest
    }

    /// Every map key and string equal to `from` in `value`, renamed `to`.
    static func renaming(_ value: ManifestValue, _ from: String, _ to: String) -> ManifestValue {
        switch value {
        case .string(let text): return text == from ? .string(to) : value
        case .list(let items): return .list(items.map { renaming($0, from, to) })
        case .map(let map):
            var out = ManifestMap()
            for key in map.keys { out[key == from ? to : key] = map[key].map { renaming($0, from, to) } }
            return .map(out)
        default: return value
        }
    }

    /// The clean specs these tests start from: the pass finds nothing in them before the edit.
    @Test func theUneditedSpecsPass() throws {
        let gke = try String(contentsOf: Golden.casesDir.appendingPathComponent("good-specs/gke-aks-oci/platform.yaml"), encoding: .utf8)
        for spec in [Fixture.minimal, Self.withoutTraining, gke] {
            #expect(Self.findings(spec).filter { !$0.contains("W7103") } == [])
        }
    }

    static var withoutTraining: String {
        let text = Fixture.minimal
        return String(text[..<text.range(of: "training:")!.lowerBound])
    }

    /// kagent puts only `declarative.deployment` security settings on the agent's pod: the Agent
    /// we emit sets them; with them stripped `restricted` (the team namespace without training)
    /// rejects the pod (issue #16, finding 1).
    @Test func kagentPodWithoutSecurityContextIsRejectedByRestricted() {
        let strip: @Sendable (Manifest) -> Manifest = { manifest in
            Self.edited(manifest, when: manifest.kind == "Agent") { value in
                value[path: ["spec", "declarative", "deployment", "podSecurityContext"]] = nil
                value[path: ["spec", "declarative", "deployment", "securityContext"]] = nil
            }
        }
        #expect(!Self.findings(Self.withoutTraining).contains { $0.contains("E7101") })
        #expect(Self.findings(Self.withoutTraining, editing: strip).contains(
            """
                37:11: [E7101]: the pod kagent creates for agent `ops` in namespace `search` of cluster `prod` is rejected by Pod Security \
                `restricted`: spec.containers[kagent].securityContext.allowPrivilegeEscalation: container `kagent` does not set \
                `allowPrivilegeEscalation: false`
                """))
        #expect(Self.notes(Self.withoutTraining, code: "E7101", editing: strip) == [
            "also: spec.containers[kagent].securityContext.capabilities.drop: container `kagent` does not drop `ALL` capabilities",
            """
                also: spec.containers[kagent].securityContext.runAsNonRoot: container `kagent` may run as root (`runAsNonRoot: true` is \
                set neither on it nor on the pod)
                """,
            """
                also: spec.containers[kagent].securityContext.seccompProfile: container `kagent` has no seccomp profile (`RuntimeDefault` \
                or `Localhost`) on it or on the pod
                """,
        ])
    }

    /// The TrainJob's EFA request is not among the ClusterQueue's covered resources (finding 3):
    /// the emitted ClusterQueue covers it, so it is dropped here.
    @Test func uncoveredResourceKeepsTheJobSuspended() {
        let efa = "vpc.amazonaws.com/efa"
        let drop: @Sendable (Manifest) -> Manifest = { manifest in
            Self.edited(manifest, when: manifest.kind == "ClusterQueue") { value in
                guard var groups = value[path: ["spec", "resourceGroups"]]?.listValue else { return }
                for index in groups.indices {
                    groups[index]["coveredResources"] = .list((groups[index]["coveredResources"]?.listValue ?? [])
                        .filter { $0 != .string(efa) })
                    groups[index]["flavors"] = .list((groups[index]["flavors"]?.listValue ?? []).map { flavor in
                        var flavor = flavor
                        flavor["resources"] = .list((flavor["resources"]?.listValue ?? []).filter { $0["name"] != .string(efa) })
                        return flavor
                    })
                }
                value[path: ["spec", "resourceGroups"]] = .list(groups)
            }
        }
        #expect(!Self.findings(Fixture.minimal).contains { $0.contains("E7102") })
        #expect(Self.findings(Fixture.minimal, editing: drop).contains(
            """
                44:11: [E7102]: the pods Kubeflow Trainer creates for training job `sft` request `vpc.amazonaws.com/efa`, which \
                ClusterQueue `search` in cluster `prod` does not cover: Kueue (BlockUndeclared) keeps the job suspended
                """))
    }

    /// Two teams whose nominal quotas exceed the pool (finding 6). The emitted quotas are split so
    /// they never do; here each ClusterQueue is edited to the whole pool's CPU and memory and its
    /// team's full GPU quota.
    @Test func nominalQuotasBeyondThePoolAreReportedAtThePool() {
        let spec = Fixture.spec([("    quota: { gpus: 24 }\n", "    quota: { gpus: 24 }\n  - name: chat\n    quota: { gpus: 40 }\n")])
        let whole: @Sendable (Manifest) -> Manifest = { manifest in
            Self.edited(manifest, when: manifest.kind == "ClusterQueue") { value in
                let quota: [String: ManifestValue] = ["cpu": "1152", "memory": "12288Gi",
                                                      "nvidia.com/gpu": manifest.name == "chat" ? "40" : "24"]
                guard var groups = value[path: ["spec", "resourceGroups"]]?.listValue else { return }
                for index in groups.indices {
                    groups[index]["flavors"] = .list((groups[index]["flavors"]?.listValue ?? []).map { flavor in
                        var flavor = flavor
                        flavor["resources"] = .list((flavor["resources"]?.listValue ?? []).map { resource in
                            var resource = resource
                            if let name = resource["name"]?.stringValue, let amount = quota[name] { resource["nominalQuota"] = amount }
                            return resource
                        })
                        return flavor
                    })
                }
                value[path: ["spec", "resourceGroups"]] = .list(groups)
            }
        }
        #expect(Self.findings(spec).filter { $0.contains("W7103") } == [])
        #expect(Self.findings(spec, editing: whole).filter { $0.contains("W7103") } == [
            """
                10:15: [W7103]: nominal quotas of `cpu` on flavor `h100` in cluster `prod` sum to 2304 over 2 ClusterQueues, more than the \
                pool's 1152
                """,
            """
                10:15: [W7103]: nominal quotas of `memory` on flavor `h100` in cluster `prod` sum to 24576Gi over 2 ClusterQueues, more \
                than the pool's 12288Gi
                """,
            """
                10:15: [W7103]: nominal quotas of `nvidia.com/gpu` on flavor `h100` in cluster `prod` sum to 64 over 2 ClusterQueues, more \
                than the pool's 48
                """,
        ])
    }

    /// GKE nodes carry `cloud.google.com/gke-nodepool`, not `platformc.dev/node-pool` (finding 5).
    @Test func gkePodsSelectingOurPoolLabelFindNoNode() throws {
        let url = Golden.casesDir.appendingPathComponent("good-specs/gke-aks-oci/platform.yaml")
        let spec = try String(contentsOf: url, encoding: .utf8)
        // The emitted pods select `cloud.google.com/gke-nodepool`; a template selecting ours instead:
        let ours: @Sendable (Manifest) -> Manifest = { manifest in
            Self.edited(manifest,
                when: manifest.name == "llama-3-70b" && ["Deployment", "LeaderWorkerSet"].contains(manifest.kind)) { value in
                value = Self.renaming(value, "cloud.google.com/gke-nodepool", "platformc.dev/node-pool")
            }
        }
        #expect(!Self.findings(spec).contains { $0.contains("E7104") })
        #expect(Self.findings(spec, editing: ours).filter { $0.contains("E7104") }.first ==
            "42:11: [E7104]: no node pool of cluster `gke` can run the pods of model `llama-3-70b`: they stay pending")
        #expect(Self.notes(spec, code: "E7104", editing: ours).prefix(2) == [
            "pool `h100`: its nodes have no label `platformc.dev/node-pool`",
            "pool `l4-spot`: its nodes have no label `platformc.dev/node-pool`",
        ])
    }

    /// LiteLLM's moving `main-stable` (the emitted image is pinned; a hand edit back to it), and a
    /// model image without a tag (finding 9).
    @Test func unpinnedImagesAreReported() {
        let spec = Fixture.spec([("    replicas: { min: 2, max: 4 }\n", "    replicas: { min: 2, max: 4 }\n    image: vllm/vllm-openai\n")])
        let moving: @Sendable (Manifest) -> Manifest = { manifest in
            Self.edited(manifest, when: manifest.kind == "Deployment") { value in
                guard var containers = value[path: ["spec", "template", "spec", "containers"]]?.listValue else { return }
                for index in containers.indices where containers[index]["name"] == "litellm" {
                    containers[index]["image"] = "ghcr.io/berriai/litellm:main-stable"
                }
                value[path: ["spec", "template", "spec", "containers"]] = .list(containers)
            }
        }
        #expect(Self.findings(spec).filter { $0.contains("E7105") } == [
            """
                17:11: [E7105]: the pods of model `llama-3-70b` run image `vllm/vllm-openai` (container `vllm`), which has no tag and so \
                means `latest`
                """,
        ])
        #expect(Self.findings(spec, editing: moving).filter { $0.contains("E7105") } == [
            """
                17:11: [E7105]: the pods of model `llama-3-70b` run image `vllm/vllm-openai` (container `vllm`), which has no tag and so \
                means `latest`
                """,
            """
                26:11: [E7105]: the LiteLLM pods run image `ghcr.io/berriai/litellm:main-stable` (container `litellm`), whose tag \
                `main-stable` moves
                """,
        ])
    }

    /// A pool on AWS without `static: true` is Karpenter's, which launches no node for pods with
    /// claims (finding 4). The spec cannot ask for it any more (E7601 refuses DRA on such a pool), so
    /// a claim is added to the model's pods here.
    @Test func draPodsOnKarpenterPoolsStayPending() {
        let claim: @Sendable (Manifest) -> Manifest = { manifest in
            Self.edited(manifest, when: manifest.kind == "Deployment" && manifest.name == "llama-3-70b") { value in
                value[path: ["spec", "template", "spec", "resourceClaims"]] = [["name": "gpus",
                    "resourceClaimTemplateName": "llama-3-70b-gpus"]]
            }
        }
        #expect(!Self.findings(Fixture.minimal).contains { $0.contains("E7106") })
        #expect(Self.findings(Fixture.minimal, editing: claim).contains(
            """
                17:11: [E7106]: the pods of model `llama-3-70b` claim devices through DRA, but Karpenter launches no node for a pod with \
                ResourceClaims (`--ignore-dra-requests` defaults to true): they stay pending
                """))
    }

    @Test func imagePinning() {
        #expect(ImagePinCheck.problem("vllm/vllm-openai:v0.11.0") == nil)
        #expect(ImagePinCheck.problem("localhost:5000/vllm@sha256:abc") == nil)
        #expect(ImagePinCheck.problem("localhost:5000/vllm") == "which has no tag and so means `latest`")
        #expect(ImagePinCheck.problem("nginx:latest") == "whose tag `latest` moves")
    }

    /// The compile runs the pass: the minimal spec's pods are all admitted and placed, and a finding
    /// of the pass is one of the compile's diagnostics.
    @Test func theCompileReportsThePass() {
        let clean = Compiler().compile(spec: Array(Fixture.minimal.utf8), file: "platform.yaml")
        #expect(clean.diagnostics.sorted.filter { $0.code.rawValue.dropFirst().hasPrefix("71") }.map(\.message) == [])
        let unpinned = Fixture.minimal
            .replacingOccurrences(of: "image: nvcr.io/nvidia/nemo:25.02", with: "image: nvcr.io/nvidia/nemo:latest")
        let output = Compiler().compile(spec: Array(unpinned.utf8), file: "platform.yaml")
        #expect(output.diagnostics.sorted.contains { $0.code == WillItRun.imageNotPinned })
    }
}
