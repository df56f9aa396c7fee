import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// The Pod Security Standards checks (kubernetes/pod-security-admission `policy/check_*.go`) on
/// small pod specs, the template locator, and the bundled platform passing its own audit.
@Suite struct PodSecurityStandardTests {
    static let hardened: ManifestMap = ["name": "app", "image": "x",
                                        "securityContext": ["allowPrivilegeEscalation": false, "capabilities": ["drop": ["ALL"]],
                                                            "runAsNonRoot": true, "readOnlyRootFilesystem": true]]
    static let pod: ManifestMap = ["seccompProfile": ["type": "RuntimeDefault"]]

    static func deployment(_ spec: ManifestMap) -> ManifestValue {
        ["apiVersion": "apps/v1", "kind": "Deployment", "spec": ["template": ["spec": .map(spec)]]]
    }

    static func controls(_ spec: ManifestMap, _ level: PodSecurityControl.Level, minor: Int = 34) -> [String] {
        PodSecurityStandard.findings(in: deployment(spec), level: level, minor: minor).map { "\($0.level.rawValue)/\($0.control.rawValue)" }
    }

    @Test func hardenedPodPassesRestricted() {
        #expect(Self.controls(["containers": [.map(Self.hardened)], "securityContext": .map(Self.pod)], .restricted) == [])
    }

    @Test func baselineAllowsRootButRestrictedDoesNot() {
        let root: ManifestMap = ["containers": [["name": "app", "image": "x", "securityContext": ["runAsUser": 0]]]]
        #expect(Self.controls(root, .baseline) == [])
        #expect(Self.controls(root, .restricted) == ["restricted/runAsRoot", "restricted/privilegeEscalation", "restricted/capabilities",
                                                     "restricted/runAsRoot", "restricted/seccomp"])
    }

    @Test func baselineControls() {
        var container = Self.hardened
        container["securityContext"]?["privileged"] = true
        container["securityContext"]?["capabilities"]?["add"] = ["NET_RAW", "CHOWN"]
        container["securityContext"]?["procMount"] = "Unmasked"
        container["ports"] = [["containerPort": 80, "hostPort": 80]]
        container["readinessProbe"] = ["httpGet": ["host": "169.254.169.254", "path": "/"]]
        let spec: ManifestMap = ["containers": [.map(container)], "hostPID": true,
                                 "securityContext": ["seccompProfile": ["type": "Unconfined"],
                                                     "sysctls": [["name": "kernel.msgmax", "value": "1"]],
                                                     "seLinuxOptions": ["type": "spc_t"]],
                                 "volumes": [["name": "docker", "hostPath": ["path": "/var/run/docker.sock"]]]]
        #expect(Set(Self.controls(spec, .baseline)) == ["baseline/hostPID", "baseline/seccomp", "baseline/seLinux", "baseline/sysctls",
                                                        "baseline/hostPath",
                                                        "baseline/privileged", "baseline/capabilities", "baseline/procMount",
                                                        "baseline/hostPorts",
                                                        "baseline/hostProbes"])
        // `CHOWN` is in the baseline's list, so only `NET_RAW` is named.
        let caps = PodSecurityStandard.findings(in: Self.deployment(spec), level: .baseline, minor: 34)
            .first { $0.control == .capabilities }
        #expect(caps?.detail == "container `app` adds capability `NET_RAW`")
    }

    @Test func versionedAllowLists() {
        let sysctl: ManifestMap = ["containers": [.map(Self.hardened)],
            "securityContext": ["sysctls": [["name": "net.ipv4.tcp_rmem", "value": "4096"]]]]
        #expect(Self.controls(sysctl, .baseline, minor: 31) == ["baseline/sysctls"])
        #expect(Self.controls(sysctl, .baseline, minor: 32) == [])
        let engine: ManifestMap = ["containers": [.map(Self.hardened)],
            "securityContext": ["seLinuxOptions": ["type": "container_engine_t"]]]
        #expect(Self.controls(engine, .baseline, minor: 30) == ["baseline/seLinux"])
        #expect(Self.controls(engine, .baseline, minor: 31) == [])
        var probe = Self.hardened
        probe["livenessProbe"] = ["tcpSocket": ["host": "10.0.0.1", "port": 80]]
        #expect(Self.controls(["containers": [.map(probe)]], .baseline, minor: 33) == [])
        #expect(Self.controls(["containers": [.map(probe)]], .baseline, minor: 34) == ["baseline/hostProbes"])
    }

    @Test func userNamespaceExemptsRootChecks() {
        let spec: ManifestMap = ["hostUsers": false, "securityContext": .map(Self.pod),
                                 "containers": [["name": "app", "securityContext": ["runAsUser": 0, "allowPrivilegeEscalation": false,
                                                                                    "capabilities": ["drop": ["ALL"]]]]]]
        #expect(Self.controls(spec, .restricted) == [])
    }

    /// Fields the baseline forbids are found wherever a custom resource nests them.
    @Test func customResourcesAreSearchedByField() {
        let agent: ManifestValue = ["kind": "Agent", "spec": ["declarative": ["deployment": [
            "securityContext": ["privileged": true], "podSecurityContext": ["runAsUser": 0],
            "volumes": [["name": "root", "hostPath": ["path": "/"]]]]]]]
        let found = PodSecurityStandard.findings(in: agent, level: .restricted, minor: 34)
        #expect(found.map { "\($0.control.rawValue) \(ManifestPathStep.text($0.path))" }.sorted() == [
            "hostPath spec.declarative.deployment.volumes[root].hostPath",
            "privileged spec.declarative.deployment.securityContext.privileged",
            "runAsRoot spec.declarative.deployment.podSecurityContext.runAsUser",
        ])
        let annotated: ManifestValue = ["metadata": ["annotations": ["container.apparmor.security.beta.kubernetes.io/app": "unconfined"]],
            "spec": [:]]
        #expect(PodSecurityStandard.findings(in: annotated, level: .baseline, minor: 34).map(\.control) == [.appArmor])
    }

    /// A list item the walk enters is named in a finding's path by its `name` (looked up only
    /// when a finding is reported), by its index otherwise.
    @Test func walkedListItemsAreNamedInPaths() {
        let pod: ManifestValue = ["spec": ["containers": [["name": "app", "securityContext": ["privileged": true]]]]]
        let object: ManifestValue = ["spec": [
            "roles": [["name": "leader", "template": pod], ["template": pod], ["name": "x", "groups": [["name": "g", "template": pod]]]],
            "matrix": [[["name": "n", "securityContext": ["privileged": true]]]]]]
        let found = PodSecurityStandard.findings(in: object, level: .baseline, minor: 34)
        #expect(found.map { "\(ManifestPathStep.text($0.path)) \($0.anchor)" } == [
            "spec.matrix[0][n].securityContext.privileged 6",
            "spec.roles[leader].template.spec.containers[app].securityContext.privileged 9",
            "spec.roles[1].template.spec.containers[app].securityContext.privileged 9",
            "spec.roles[x].groups[g].template.spec.containers[app].securityContext.privileged 11",
        ])
    }

    @Test func locatorFindsKeysAndNamedItems() {
        let text = "spec:\n  template:\n    spec:\n      containers:\n        - name: a\n        - name: b\n          securityContext:\n"
            + "            privileged: true\n"
        let locator = TemplateLocator(text: text, file: "t.yaml")
        let path: [ManifestPathStep] = [.key("spec"), .key("template"), .key("spec"), .key("containers"), .named("b"),
            .key("securityContext"), .key("privileged")]
        #expect(locator.locate(path)?.location.description == "t.yaml:8:13")
        #expect(locator.locate(path)?.depth == 7)
        #expect(locator.locate(Array(path.prefix(5)) + [.key("ports")])?.location.description == "t.yaml:6:11")
        #expect(locator.locate([.key("metadata")]) == nil)
    }

    /// The annotation a template adds does not silence W6004; the compiler's own does.
    @Test func templateAnnotationDoesNotSilenceTheHardeningWarning() {
        let computed = Manifest(apiVersion: "apps/v1", kind: "Deployment", name: "llama", namespace: "search",
                                body: ["spec": ["template": ["spec": ["containers": [["name": "app"]]]]]])
        var merged = computed
        merged.object["metadata"]?["annotations"] = [Conventions.securityExceptionAnnotation: "trust me"]
        var set = ManifestSet()
        set.insert(merged, into: "prod")
        #expect(PodSecurityAudit.run(set).isEmpty)  // without knowing what the compiler computed
        let templated = [ResourceKey(cluster: "prod", id: merged.id): TemplatedObject(template: "vllm/deployment", computed: computed)]
        #expect(PodSecurityAudit.run(set, templated: templated).map(\.code) == [SecurityCodes.unhardenedPod])
    }

    @Test func bundledPlatformPassesItsOwnAudit() throws {
        let bytes = try Data(contentsOf: SharedTools.repoRoot.appendingPathComponent("platform.yaml"))
        let out = Compiler().compile(spec: Array(bytes), file: "platform.yaml")
        #expect(!out.diagnostics.all.contains { $0.code.rawValue.hasPrefix("E602") || $0.code.rawValue.hasPrefix("W602") })
        // Finding 13: every egress to the internet leaves out link-local (the cloud metadata service).
        let blocks = (out.manifests?.clusters ?? []).flatMap(\.manifests).filter { $0.kind == "NetworkPolicy" }
            .flatMap { $0.object["spec"]?["egress"]?.listValue ?? [] }.flatMap { $0["to"]?.listValue ?? [] }
            .compactMap { $0["ipBlock"] }.filter { $0["except"] != nil }
        #expect(!blocks.isEmpty)
        #expect(blocks.allSatisfy { $0["except"]?.listValue?.contains("169.254.0.0/16") == true })
    }
}
