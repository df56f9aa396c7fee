import Foundation
import Testing

/// Issue #14, finding 5 ("templates weaken"): a template from a pull request tries to turn off
/// isolation on the bundled platform. Each case writes one template over a copy of the bundled
/// `templates/`, runs `check` and `compile` as CI would, and expects the located refusal: exit 1,
/// the exact code, position and message, and nothing written. A token in the environment never
/// shows in the output. To add a case: one `@Test` with the template text and the first line of
/// the expected error (see docs/security.md, "Red-team suite").
@Suite struct AuditRedTeamTests {
    static let token = "ghp_" + String(repeating: "A1b2", count: 9)

    /// A scratch folder with the bundled spec (edited by `spec`) and templates, `attack` written over them.
    static func workspace(_ attack: [String: String], spec: (String) -> String = { $0 }) throws -> CLIFixture {
        let fixture = try CLIFixture()
        try fixture.write("platform.yaml", spec(CLIRunner.bundledSpec))
        let bundled = CLIFixture.repoRoot.appendingPathComponent("templates")
        let files = (FileManager.default.enumerator(atPath: bundled.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") }
        for relative in files {
            try fixture.write("templates/\(relative)", try String(contentsOf: bundled.appendingPathComponent(relative), encoding: .utf8))
        }
        for (path, text) in attack { try fixture.write(path, text) }
        return fixture
    }

    /// Every file under the fixture, to prove a refused run wrote nothing.
    static func listing(_ fixture: CLIFixture) -> [String] {
        (FileManager.default.enumerator(atPath: fixture.root.path)?.allObjects as? [String] ?? []).sorted()
    }

    /// `check` and `compile` both refuse with exit 1 and print `expected` as one diagnostic line
    /// (and every line of `alsoExpected`); `compile` writes nothing.
    func expectRefusal(_ attack: [String: String], spec: (String) -> String = { $0 }, _ expected: String,
                       alsoExpected: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fixture = try Self.workspace(attack, spec: spec)
        let before = Self.listing(fixture)
        for arguments in [["check"], ["compile", "--out", "out"]] {
            let r = try fixture.run(arguments, environment: ["GITHUB_TOKEN": Self.token])
            #expect(r.status == 1, "\(arguments): exit \(r.status)\n\(r.stderr)", sourceLocation: sourceLocation)
            let lines = r.stderr.split(separator: "\n").map(String.init)
            #expect(lines.contains(expected), "\(arguments): no line\n\(expected)\nin\n\(r.stderr)", sourceLocation: sourceLocation)
            for line in alsoExpected {
                #expect(lines.contains(line), "\(arguments): no line\n\(line)\nin\n\(r.stderr)", sourceLocation: sourceLocation)
            }
            #expect(!(r.stdout + r.stderr).contains(Self.token), sourceLocation: sourceLocation)
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")), sourceLocation: sourceLocation)
        #expect(Self.listing(fixture) == before, sourceLocation: sourceLocation)
    }

    static let vllm = "templates/vllm/deployment.yaml"
    /// The first of the six model Deployments the template reaches (restricted namespaces).
    static let firstModel = "Deployment.apps search/llama-3-70b in cluster `prod-use1` (and 5 more objects)"

    @Test func allowAllIngressOnDefaultDeny() throws {
        try expectRefusal(["templates/security/networkpolicy.yaml": "spec:\n  ingress:\n    - {}\n"],
                          """
                              templates/security/networkpolicy.yaml:2:3: error[E6020]: template `security/networkpolicy` changes \
                              `spec.ingress` of NetworkPolicy `platform/allow-dns` in cluster `prod-use1` (and 15 more objects); the \
                              compiler owns every NetworkPolicy's `spec`
                              """,
                          alsoExpected: ["  = note: `default-deny` must select every pod and allow nothing, in both directions",
                                         "  = note: also NetworkPolicy `platform/default-deny` in cluster `prod-use1`"])
    }

    @Test func defaultDenyNarrowedToNoPod() throws {
        try expectRefusal(["templates/security/networkpolicy.yaml": "spec:\n  podSelector:\n    matchLabels:\n      nobody: here\n"],
                          """
                              templates/security/networkpolicy.yaml:3:5: error[E6020]: template `security/networkpolicy` changes \
                              `spec.podSelector.matchLabels` of NetworkPolicy `platform/allow-dns` in cluster `prod-use1` (and 15 more \
                              objects); the compiler owns every NetworkPolicy's `spec`
                              """)
    }

    /// Subjects merge by `name`, so without the audit a template could bind a Role to anyone.
    @Test func subjectAddedToARoleBinding() throws {
        try expectRefusal(["templates/gateway/epp-rolebinding.yaml": """
            subjects:\n  - kind: Group\n    name: system:authenticated\n    apiGroup: rbac.authorization.k8s.io\n
            """],
                          """
                              templates/gateway/epp-rolebinding.yaml:2:5: error[E6020]: template `gateway/epp-rolebinding` changes \
                              `subjects[system:authenticated]` of RoleBinding `search/llama-3-70b-epp` in cluster `prod-use1`; the \
                              compiler owns every RoleBinding's `subjects`
                              """)
    }

    @Test func privilegedContainer() throws {
        try expectRefusal([Self.vllm: """
            spec:\n  template:\n    spec:\n      containers:\n        - name: vllm\n          securityContext:\n\
                        privileged: true\n
            """],
                          """
                              \(Self.vllm):7:13: error[E6022]: \(Self.firstModel) breaks Pod Security `baseline` (`privileged`): container \
                              `vllm` sets `privileged: true`
                              """,
                          alsoExpected: ["  = note: at `spec.template.spec.containers[vllm].securityContext.privileged`"])
    }

    @Test func hostPathRoot() throws {
        try expectRefusal([Self.vllm: """
            spec:\n  template:\n    spec:\n      volumes:\n        - name: host\n          hostPath:\n            path: /\n
            """],
                          """
                              \(Self.vllm):6:11: error[E6022]: \(Self.firstModel) breaks Pod Security `baseline` (`hostPath`): volume \
                              `host` mounts host path `/`
                              """)
    }

    @Test func hostNetwork() throws {
        try expectRefusal([Self.vllm: "spec:\n  template:\n    spec:\n      hostNetwork: true\n"],
                          """
                              \(Self.vllm):4:7: error[E6022]: \(Self.firstModel) breaks Pod Security `baseline` (`hostNetwork`): the pod \
                              sets `hostNetwork: true`
                              """)
    }

    @Test func sysAdminCapability() throws {
        try expectRefusal([Self.vllm: """
            spec:\n  template:\n    spec:\n      containers:\n        - name: vllm\n          securityContext:\n            capabilities:\n\
                          add: [SYS_ADMIN]\n
            """],
                          """
                              \(Self.vllm):8:15: error[E6022]: \(Self.firstModel) breaks Pod Security `baseline` (`capabilities`): \
                              container `vllm` adds capability `SYS_ADMIN`
                              """)
    }

    @Test func rootUser() throws {
        try expectRefusal([Self.vllm: """
            spec:\n  template:\n    spec:\n      containers:\n        - name: vllm\n          securityContext:\n            runAsUser: 0\n
            """],
                          """
                              \(Self.vllm):7:13: error[E6023]: \(Self.firstModel) breaks Pod Security `restricted` (`runAsRoot`): \
                              container `vllm` sets `runAsUser: 0`
                              """)
    }

    @Test func privilegedSidecar() throws {
        try expectRefusal([Self.vllm: """
            spec:\n  template:\n    spec:\n      containers:\n        - name: debug\n          image: busybox\n          securityContext:\n\
                        privileged: true\n
            """],
                          """
                              \(Self.vllm):8:13: error[E6022]: \(Self.firstModel) breaks Pod Security `baseline` (`privileged`): container \
                              `debug` sets `privileged: true`
                              """,
                          alsoExpected: ["""
                              \(Self.vllm):7:11: error[E6023]: \(Self.firstModel) breaks Pod Security `restricted` \
                              (`privilegeEscalation`): container `debug` does not set `allowPrivilegeEscalation: false`
                              """])
    }

    /// The annotation that used to silence W6004 is ignored when a template adds it: the errors
    /// stand and the unhardened sidecar is still warned about.
    @Test func exceptionAnnotationFromATemplate() throws {
        let template = """
            metadata:
              annotations:
                platformc.dev/security-exception: approved by security
            spec:
              template:
                metadata:
                  annotations:
                    platformc.dev/security-exception: approved by security
                spec:
                  containers:
                    - name: vllm
                      securityContext:
                        privileged: true
                    - name: logs
                      image: busybox
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities: { drop: [ALL] }

            """
        try expectRefusal([Self.vllm: template],
                          """
                              \(Self.vllm):13:13: error[E6022]: \(Self.firstModel) breaks Pod Security `baseline` (`privileged`): \
                              container `vllm` sets `privileged: true`
                              """,
                          alsoExpected: ["""
                              warning[W6004]: pod template of Deployment.apps search/llama-3-70b (`spec.template`) in cluster `prod-use1` \
                              lacks `readOnlyRootFilesystem: true` (container `logs`)
                              """])
    }

    @Test func namespaceLevelLowered() throws {
        try expectRefusal(["templates/core/namespace.yaml": "metadata:\n  labels:\n    pod-security.kubernetes.io/enforce: privileged\n"],
                          """
                              templates/core/namespace.yaml:3:5: error[E6021]: template `core/namespace` sets label \
                              `pod-security.kubernetes.io/enforce` of Namespace `platform` in cluster `prod-use1` (and 7 more objects) to \
                              `privileged`; the compiler sets `restricted`
                              """)
    }

    /// A pod spec nested in a custom resource is found by its fields: here a TrainJob patch of its
    /// own (Kubeflow Trainer v2.3.0, the version we pin, reads `runtimePatches[].trainingRuntimeSpec`;
    /// it has no `podTemplateOverrides`: ../shared/schemas/trainer.kubeflow.org/trainjob_v1alpha1.json),
    /// kept beside the compiler's patch because the list merges by `manager`.
    static let trainJobHostPath = """
        spec:
          runtimePatches:
            - manager: ops.example.com/infiniband
              trainingRuntimeSpec:
                template:
                  spec:
                    replicatedJobs:
                      - name: node
                        template:
                          spec:
                            template:
                              spec:
                                volumes:
                                  - name: infiniband
                                    hostPath:
                                      path: /dev/infiniband

        """
    static let grant = """
        security:
          exceptions:
            - workload: llama-sft
              allow: [hostPath]
              reason: reads the InfiniBand devices of the node

        """

    @Test func hostPathInACustomResource() throws {
        try expectRefusal(["templates/training/trainjob.yaml": Self.trainJobHostPath],
                          """
                              templates/training/trainjob.yaml:15:29: error[E6022]: TrainJob.trainer.kubeflow.org research/llama-sft in \
                              cluster `prod-use1` breaks Pod Security `baseline` (`hostPath`): volume `infiniband` mounts host path \
                              `/dev/infiniband`
                              """)
    }

    /// Only the spec grants an exception: then the same template compiles, the object carries
    /// the reason, and the diff's summary shows it.
    @Test func specExceptionAllowsOneControlAndShowsInTheDiff() throws {
        let fixture = try Self.workspace(["templates/training/trainjob.yaml": Self.trainJobHostPath], spec: { $0 + Self.grant })
        let check = try fixture.run(["check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stderr.contains("E602"))
        let compile = try fixture.run(["compile", "--out", "out"])
        #expect(compile.status == 0, "\(compile.stderr)")
        let trainJob = try fixture.read("out/clusters/prod-use1/research/trainjob-llama-sft.yaml")
        #expect(trainJob.contains("spec allows hostPath: reads the InfiniBand devices of the node"))
        let diff = try fixture
            .run(["diff", "--base", "dir:" + CLIFixture.repoRoot.appendingPathComponent("golden").path, "--color", "never"])
        #expect(diff.stdout.contains("""
              security exception: prod-use1: TrainJob.trainer.kubeflow.org research/llama-sft: training images write checkpoints, kernel \
            caches and NCCL state to their root filesystem and run as root → training images write checkpoints, kernel caches and NCCL \
            state to their root filesystem and run as root; spec allows hostPath: reads the InfiniBand devices of the node\n
            """),
            "\(diff.stdout)")
        let markdown = try fixture
            .run(["diff", "--base", "dir:" + CLIFixture.repoRoot.appendingPathComponent("golden").path, "--format", "markdown"])
        #expect(markdown.stdout.contains("**Security exceptions**"))
        // The exception allows only what it names: privileged is still refused.
        let privileged = try Self.workspace(["templates/training/trainjob.yaml": Self.trainJobHostPath,
                                             Self.vllm: """
                                                 spec:\n  template:\n    spec:\n      containers:\n        - name: vllm\n\
                                                           securityContext:\n            privileged: true\n
                                                 """],
                                            spec: { $0 + Self.grant })
        #expect(try privileged.run(["check"]).status == 1)
    }

    @Test func exceptionMustNameAWorkloadAndAReason() throws {
        let fixture = try Self.workspace([:], spec: {
            $0 + "security:\n  exceptions:\n    - workload: llama-sfx\n      allow: [hostPath]\n      reason: \" \"\n"
        })
        let r = try fixture.run(["check"])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let line = CLIRunner.bundledSpec.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        #expect(lines.contains("""
            platform.yaml:\(line):17: error[E6024]: security exception names `llama-sfx`, which is no model, training job or agent
            """),
            "\(r.stderr)")
        #expect(lines.contains("  = help: did you mean `llama-sft`?"))
        #expect(lines.contains("platform.yaml:\(line):17: error[E6025]: security exception for `llama-sfx` states no reason"),
            "\(r.stderr)")
    }
}
