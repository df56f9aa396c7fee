import Foundation
import PlatformConcurrency
import Testing

/// Issue #14, findings 4, 5 (reading) and 11, played as the attacker did: a spec or template from a
/// pull request names a file outside the repository, a link out, a FIFO, a sparse giant, git
/// metadata, or an input built to exhaust memory. The real binary runs in a temporary
/// repository; each case asserts the located refusal, the exit code, that nothing was written,
/// and that the marker planted in the file it must not read appears nowhere in what it printed.
@Suite struct ReadsRedTeamTests {
    /// `<tmp>/repo` is a git work tree (a `.git` folder is what marks it) with the spec in
    /// `repo/platform/`; `<tmp>/outside` is the attacker's target, holding `marker`.
    final class Workspace: Sendable {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-reads-\(UUID().uuidString)")
        var repo: URL { root.appendingPathComponent("repo") }
        var specFolder: URL { repo.appendingPathComponent("platform") }
        var outside: URL { root.appendingPathComponent("outside") }
        let marker = "TOPSECRET-" + UUID().uuidString

        init(spec: String = CLIRunner.bundledSpec) throws {
            for folder in [repo.appendingPathComponent(".git"), specFolder, outside, repo.appendingPathComponent("topo")] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            try write("platform/platform.yaml", spec)
            try Data(ReadsRedTeamTests.topology(nic: marker).utf8).write(to: outside.appendingPathComponent("topo.xml"))
            try Data("[core]\n\turl = https://x-access-token:\(marker)@github.com/org/repo.git\n".utf8)
                .write(to: repo.appendingPathComponent(".git/config"))
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func write(_ relative: String, _ text: String) throws {
            let url = repo.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func link(_ relative: String, to target: String) throws {
            let url = repo.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }

        func fifo(_ relative: String) throws {
            let url = repo.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(mkfifo(url.path, 0o644) == 0)
        }

        /// A sparse file: its size costs no disk.
        func sparse(_ relative: String, bytes: Int) throws {
            let url = repo.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
            #expect(truncate(url.path, off_t(bytes)) == 0)
        }

        /// Names `path` as the first pool's `topologyFile` (line 24, column 23 of the bundled spec).
        func topologyFile(_ path: String) throws {
            try write("platform/platform.yaml", CLIRunner.bundledSpec.replacingOccurrences(
                of: "        capacityType: on-demand\n", with: "        capacityType: on-demand\n        topologyFile: \(path)\n"))
        }

        /// Every path under the temporary root, to prove a refused run wrote nothing.
        func listing() -> [String] {
            var out: [String] = []
            let walker = FileManager.default.enumerator(atPath: root.path)
            while let path = walker?.nextObject() as? String { out.append(path) }
            return out.sorted()
        }

        /// Runs platformc in the spec's folder; a run that outlives `timeout` is killed and fails the test.
        func run(_ arguments: [String], environment extra: [String: String] = [:], timeout: TimeInterval = 120) throws -> CLIRunner.Result {
            var environment = ["PATH": "/usr/bin:/bin", "HOME": root.path, "NO_COLOR": "1",
                               "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com"]
            environment.merge(extra) { $1 }
            return try ReadsRedTeamTests.run(arguments, in: specFolder, environment: environment, timeout: timeout)
        }
    }

    /// An NCCL cloud overlay (no `<gpu>`: the islands stay the instance type's) whose NIC name is `nic`,
    /// so a read file shows up verbatim in the topology ConfigMap.
    static func topology(nic: String) -> String {
        """
        <system version="1">
          <cpu numaid="0" affinity="ffffffff" arch="x86_64" vendor="GenuineIntel" familyid="6" modelid="143">
            <pci busid="0000:01:00.0" class="0x020000" vendor="0x1d0f" device="0xefa1" link_speed="32.0 GT/s PCIe" link_width="16">
              <nic>
                <net name="\(nic)" dev="0" speed="100000" port="1" latency="0.000000" guid="0x0" maxconn="131072" gdr="1"/>
              </nic>
            </pci>
          </cpu>
        </system>

        """
    }

    /// Runs the binary with output in files (no pipe to fill) and a watchdog, so a hang fails instead of blocking the suite.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String], timeout: TimeInterval) throws -> CLIRunner
        .Result {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reads-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("reads-err-\(UUID().uuidString)")
        try #require(FileManager.default.createFile(atPath: out.path, contents: nil))
        try #require(FileManager.default.createFile(atPath: err.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let hung = process.isRunning
        if hung { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(!hung, "`platformc \(arguments.joined(separator: " "))` did not finish within \(timeout) s")
        return CLIRunner.Result(status: hung ? -1 : process.terminationStatus,
                                stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                                stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// `check` in every diagnostics format and `compile --out out` all fail with `status`, print
    /// `expected` (text format), never print `secrets`, and write nothing.
    func expectRefused(_ w: Workspace, status: Int32 = 1, expected: String, secrets: [String],
                       environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = w.listing()
        // json and github carry the code without the text layout: `error[E8020]` → `E8020`.
        let code = expected.range(of: "error[").map { String(expected[$0.upperBound...].prefix { $0 != "]" }) } ?? expected
        for format in ["text", "json", "github"] {
            let r = try w.run(["check", "platform.yaml", "--diagnostics", format], environment: environment)
            #expect(r.status == status, "\(format): \(r.stderr.prefix(400))", sourceLocation: sourceLocation)
            #expect(r.stderr.contains(format == "text" ? expected : code), "\(format): \(r.stderr.prefix(400))",
                sourceLocation: sourceLocation)
            for secret in secrets {
                #expect(!(r.stdout + r.stderr).contains(secret), "\(format) printed a secret", sourceLocation: sourceLocation)
            }
        }
        let compiled = try w.run(["compile", "platform.yaml", "--out", "out"], environment: environment)
        #expect(compiled.status == status, sourceLocation: sourceLocation)
        for secret in secrets { #expect(!(compiled.stdout + compiled.stderr).contains(secret), sourceLocation: sourceLocation) }
        #expect(w.listing() == before, "a refused run wrote files", sourceLocation: sourceLocation)
    }

    // MARK: Finding 4: topology files

    @Test func absoluteTopologyFileIsRefusedAtTheSpecLine() throws {
        let w = try Workspace()
        try w.topologyFile(w.outside.appendingPathComponent("topo.xml").path)
        try expectRefused(w,
                          expected: """
                              platform.yaml:24:23: error[E8020]: topology file `\(w.outside.path)/topo.xml` is an absolute path, outside \
                              the spec's repository
                              """,
                          secrets: [w.marker])
    }

    @Test func etcShadowIsRefusedWithoutOpeningIt() throws {
        let w = try Workspace()
        try w.topologyFile("/etc/shadow")
        try expectRefused(w, expected: "platform.yaml:24:23: error[E8020]: topology file `/etc/shadow` is an absolute path",
            secrets: ["root:"])
    }

    @Test func dotDotOutOfTheRepositoryIsRefused() throws {
        let w = try Workspace()
        try w.topologyFile("../../outside/topo.xml")
        try expectRefused(w,
                          expected: """
                              platform.yaml:24:23: error[E8020]: topology file `../../outside/topo.xml` leads out of the spec's repository \
                              through `..`
                              """,
                          secrets: [w.marker])
    }

    @Test func symlinkOutOfTheRepositoryIsRefused() throws {
        let w = try Workspace()
        try w.link("topo/p5.xml", to: w.outside.appendingPathComponent("topo.xml").path)
        try w.topologyFile("../topo/p5.xml")
        try expectRefused(w,
                          expected: """
                              platform.yaml:24:23: error[E8021]: topology file `../topo/p5.xml` is reached through a symbolic link that \
                              leads out of the spec's repository
                              """,
                          secrets: [w.marker])
    }

    @Test func linkedFolderOutOfTheRepositoryIsRefused() throws {
        let w = try Workspace()
        try w.link("topo/vendor", to: w.outside.path)
        try w.topologyFile("../topo/vendor/topo.xml")
        try expectRefused(w,
                          expected: """
                              platform.yaml:24:23: error[E8021]: topology file `../topo/vendor/topo.xml` is reached through a symbolic link
                              """,
                          secrets: [w.marker])
    }

    @Test func fifoTopologyFileIsRefusedWithoutBlocking() throws {
        let w = try Workspace()
        try w.fifo("topo/p5.xml")
        try w.topologyFile("../topo/p5.xml")
        try expectRefused(w, expected: "platform.yaml:24:23: error[E8022]: topology file `../topo/p5.xml` is a FIFO, not a regular file",
            secrets: [])
    }

    /// `/dev/zero` never ends: a link to it is refused before anything is read.
    @Test func linkToADeviceIsRefused() throws {
        let w = try Workspace()
        try w.link("topo/zero.xml", to: "/dev/zero")
        try w.topologyFile("../topo/zero.xml")
        try expectRefused(w,
            expected: "platform.yaml:24:23: error[E8021]: topology file `../topo/zero.xml` is reached through a symbolic link", secrets: [])
    }

    /// 2 GiB took 4 GB and died with SIGILL in libxml2; now refused from its size, read not at all.
    @Test func sparseTwoGiBTopologyFileIsRefusedBySize() throws {
        let w = try Workspace()
        try w.sparse("topo/p5.xml", bytes: 2 << 30)
        try w.topologyFile("../topo/p5.xml")
        let started = Date()
        try expectRefused(w, expected: "platform.yaml:24:23: error[E8023]: topology file `../topo/p5.xml` is larger than 1 MiB",
            secrets: [])
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test func gitMetadataIsNotAnInput() throws {
        let w = try Workspace()
        try w.topologyFile("../.git/config")
        try expectRefused(w, expected: "platform.yaml:24:23: error[E8024]: topology file `../.git/config` is inside git metadata (`.git`)",
                          secrets: [w.marker])
    }

    /// The rule's other side: a file anywhere in the repository, directly or through a link that
    /// stays inside, is read and reaches the ConfigMap.
    @Test func topologyFileInsideTheRepositoryIsRead() throws {
        let w = try Workspace()
        try w.write("topo/real.xml", Self.topology(nic: "rdmap-inside"))
        try w.link("topo/p5.xml", to: "real.xml")
        // Over InfiniBand the pool's pods get the file (on EFA aws-ofi-nccl keeps its own and no
        // ConfigMap is written), so the ConfigMap shows what was read.
        try w.write("platform/platform.yaml", CLIRunner.bundledSpec.replacingOccurrences(
            of: "        capacityType: on-demand\n",
            with: "        capacityType: on-demand\n        topologyFile: ../topo/p5.xml\n        network: { fabric: infiniband }\n"))
        let r = try w.run(["compile", "platform.yaml", "--out", "out"])
        #expect(r.status == 0, "\(r.stderr.prefix(400))")
        let configMap =
            try String(contentsOf: w.specFolder.appendingPathComponent("out/clusters/prod-use1/research/configmap-nccl-topology-h100.yaml"),
            encoding: .utf8)
        #expect(configMap.contains("rdmap-inside"))
    }

    /// A malformed file inside the repository is located in that file, in general terms.
    @Test func topologyParseErrorNamesNoBytesOfTheFile() throws {
        let w = try Workspace()
        try w.write("topo/p5.xml", "<system version=\"1\">\n  <cpu>\n  </\(w.marker)>\n</system>\n")
        try w.topologyFile("../topo/p5.xml")
        try expectRefused(w,
                          expected: """
                              ../topo/p5.xml:3:52: error[E2201]: topology file is not well-formed XML: opening and ending tags do not match
                              """,
                          secrets: [w.marker])
    }

    // MARK: Finding 5: templates

    /// The environment (with a token) was printed in E5003 in every format.
    @Test func templateLinkedToProcEnvironIsRefused() throws {
        let w = try Workspace()
        try w.link("platform/templates/core/namespace.yaml", to: "/proc/self/environ")
        try expectRefused(w,
                          expected: """
                              templates/core/namespace.yaml:1:1: error[E8021]: template `templates/core/namespace.yaml` is reached through \
                              a symbolic link that leads out of the spec's repository
                              """,
                          secrets: [w.marker], environment: ["GITHUB_TOKEN": w.marker])
    }

    /// `~/.docker/config.json`'s `auths` were merged into a committed object.
    @Test func templateLinkedToDockerConfigIsRefused() throws {
        let w = try Workspace()
        try Data("{\"auths\": {\"ghcr.io\": {\"auth\": \"\(w.marker)\"}}}".utf8).write(to: w.outside.appendingPathComponent("config.json"))
        try w.link("platform/templates/core/namespace.yaml", to: w.outside.appendingPathComponent("config.json").path)
        try expectRefused(w, expected: "templates/core/namespace.yaml:1:1: error[E8021]:", secrets: [w.marker])
    }

    @Test func templateFolderGivenOnTheCommandLineBoundsItsLinks() throws {
        let w = try Workspace()
        try w.write("elsewhere.yaml", "metadata:\n  labels:\n    leaked: \"\(w.marker)\"\n")
        try w.link("tpl/core/namespace.yaml", to: w.repo.appendingPathComponent("elsewhere.yaml").path)
        let r = try w.run(["check", "platform.yaml", "--templates", "../tpl"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("""
            ../tpl/core/namespace.yaml:1:1: error[E8021]: template `../tpl/core/namespace.yaml` is reached through a symbolic link that \
            leads out of the templates folder
            """))
        #expect(!r.stderr.contains(w.marker))
    }

    @Test func templateParseErrorNamesNoBytesOfTheTemplate() throws {
        let w = try Workspace()
        try w.write("platform/templates/core/namespace.yaml", "metadata:\n  annotations:\n    token: \(w.marker): x: y\n")
        try expectRefused(w,
                          expected: """
                              templates/core/namespace.yaml:3:58: error[E5003]: template is not usable: invalid YAML: mapping values are \
                              not allowed in this context
                              """,
                          secrets: [w.marker])
    }

    @Test func fifoTemplateIsRefusedWithoutBlocking() throws {
        let w = try Workspace()
        try w.fifo("platform/templates/core/namespace.yml")
        try expectRefused(w,
            expected: """
                templates/core/namespace.yml:1:1: error[E8022]: template `templates/core/namespace.yml` is a FIFO, not a regular file
                """,
            secrets: [])
    }

    @Test func oversizedTemplateIsRefused() throws {
        let w = try Workspace()
        try w.sparse("platform/templates/core/namespace.yaml", bytes: 5 << 20)
        try expectRefused(w,
            expected: "templates/core/namespace.yaml:1:1: error[E8023]: template `templates/core/namespace.yaml` is larger than 4 MiB",
            secrets: [])
    }

    /// `.yml` and `.yaml` are one kind of file for the reader and the template set alike.
    @Test func ymlTemplatesApplyLikeYaml() throws {
        let w = try Workspace()
        try w.write("platform/templates/core/namespace.yml", "metadata:\n  annotations:\n    example.com/owner: platform-team\n")
        let r = try w.run(["compile", "platform.yaml", "--out", "out"])
        #expect(r.status == 0, "\(r.stderr.prefix(400))")
        let namespace =
            try String(contentsOf: w.specFolder.appendingPathComponent("out/clusters/prod-use1/_cluster/namespace-research.yaml"),
            encoding: .utf8)
        #expect(namespace.contains("example.com/owner: platform-team"))
    }

    // MARK: Finding 11: memory, crashes, hangs

    /// One anchored 1 MiB string referenced by 100 aliases grew to 7.7 GB.
    @Test func aliasedMegabyteStringIsRefusedByBytes() throws {
        var spec = "apiVersion: platformc/v1alpha1\nkind: Platform\nmetadata:\n  name: bomb\n  labels:\n    l0: &a "
            + String(repeating: "x", count: 1 << 20) + "\n"
        for i in 1..<100 { spec += "    l\(i): *a\n" }
        let w = try Workspace(spec: spec)
        try expectRefused(w, expected: "error[E1006]: expanding aliases produces more than 4 MiB of text beyond the file's own",
            secrets: [])
    }

    /// 150,000 unknown keys said "expanding aliases" in a file without aliases.
    @Test func manyKeysWithoutAliasesHaveTheirOwnMessage() throws {
        var spec = "apiVersion: platformc/v1alpha1\nkind: Platform\nmetadata:\n  name: keys\n"
        for i in 0..<150_000 { spec += "k\(i): 1\n" }
        let w = try Workspace(spec: spec)
        let r = try w.run(["check", "platform.yaml"])
        #expect(r.status == 1)
        #expect(r.stderr
            .contains("platform.yaml:100000:9: error[E1090]: the spec has more than 200000 nodes (keys, values and list items)"))
        #expect(!r.stderr.contains("alias"))
    }

    @Test func specThatIsAFIFOIsRefusedWithoutBlocking() throws {
        let w = try Workspace()
        try FileManager.default.removeItem(at: w.specFolder.appendingPathComponent("platform.yaml"))
        try w.fifo("platform/platform.yaml")
        let r = try w.run(["check", "platform.yaml"], timeout: 30)
        #expect(r.status == 2)
        #expect(r.stderr == "platformc: error: cannot read `platform.yaml`: it is a FIFO, not a regular file\n")
    }

    /// libxml2 was never initialised: 1 in 1,500 parallel runs crashed. 96 runs here, 6 at a
    /// time (the thousands of the stress run are in BENCHMARKS.md); none may die of a signal.
    @Test func parallelChecksWithATopologyFileNeverCrash() throws {
        let w = try Workspace()
        try w.write("topo/p5.xml", Self.topology(nic: "rdmap0s0"))
        try w.topologyFile("../topo/p5.xml")
        let all = Array(0..<6).concurrentMap { _ in
            (0..<16).map { _ in (try? w.run(["check", "platform.yaml"]).status) ?? -2 }
        }.flatMap { $0 }
        #expect(all.count == 96)
        #expect(all.allSatisfy { $0 == 0 }, "statuses: \(Set(all))")
    }
}
