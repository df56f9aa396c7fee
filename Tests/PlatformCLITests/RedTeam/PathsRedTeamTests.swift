import Foundation
import Testing

/// Issue #14, findings 1–3: everything platformc writes or deletes stays inside the output folder
/// or the GitOps repository's managed path, never through a symbolic link. Each test replays the
/// attack with the real binary in a scratch folder (real git repositories where a commit is
/// involved) and asserts the refusal (code, location, exit status) and that nothing outside was
/// written, deleted or printed. docs/security.md ("Red-team suite") says how to add a case.
@Suite struct PathsRedTeamTests {
    // MARK: - Finding 1: writes and deletes outside the output folder

    /// `gitops.path: ../escape` + `compile --out out` beside the spec's own repository.
    @Test func gitopsPathEscapingTheOutputFolderIsRefused() throws {
        let fixture = try CLIFixture()
        try fixture
            .write("platform.yaml", CLIRunner.bundledSpec.replacingOccurrences(of: "  path: clusters\n", with: "  path: ../escape\n"))
        let line = try lineNumber(of: "  path: ../escape", in: fixture.read("platform.yaml"))
        try fixture.write(".git/HEAD", "ref: refs/heads/main\n")
        try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: true)
        let before = try snapshot(fixture.root)

        let result = try fixture.run(["compile", "platform.yaml", "--out", "out"])

        #expect(result.status == 1)
        #expect(result.stderr
            .contains("platform.yaml:\(line):9: error[E1070]: `gitops.path` is not a relative path of plain segments (segment `..`"),
            "\(result.stderr)")
        #expect(try snapshot(fixture.root) == before, "nothing written or deleted")
        #expect(!FileManager.default.fileExists(atPath: fixture.root.deletingLastPathComponent().appendingPathComponent("escape").path))
    }

    /// Every shape of `gitops.path` that leaves the managed folder, names git metadata or takes the
    /// place of the engine folder or the lock file: a located spec error from `check`.
    @Test(arguments: [
        ("clusters/../infra", "E1070"), ("./clusters", "E1070"), ("clusters//a", "E1070"), ("/srv/gitops", "E1070"),
        (#"'a\b'"#, "E1070"), (#""a\u0000b""#, "E1070"), ("''", "E1070"), ("-rf", "E1070"),
        (".GIT", "E1071"), ("fleet/.git", "E1071"), (".gitmodules", "E1071"), ("x/.GitAttributes", "E1071"),
        ("argocd", "E1072"), ("Flux/clusters", "E1072"), ("platform.lock.json", "E1072"),
    ])
    func unsafeGitopsPathIsALocatedError(path: String, code: String) throws {
        let fixture = try CLIFixture()
        try fixture.edit("metadata:\n  name: mini\n", "metadata:\n  name: mini\ngitops:\n  path: \(path)\n")
        let result = try fixture.run(["check", "platform.yaml"])
        #expect(result.status == 1, "\(path): \(result.stderr)")
        #expect(result.stderr.contains("platform.yaml:6:9: error[\(code)]: `gitops.path`"), "\(path): \(result.stderr)")
    }

    @Test func plainNestedGitopsPathIsAccepted() throws {
        let fixture = try CLIFixture()
        try fixture.edit("metadata:\n  name: mini\n", "metadata:\n  name: mini\ngitops:\n  path: fleet/prod_2.clusters\n")
        let result = try fixture.run(["compile", "platform.yaml", "--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: fixture.path("out/fleet/prod_2.clusters/prod/kustomization.yaml")))
    }

    /// A template that sets `metadata.namespace: ../x` on a cluster-scoped object (the compiler
    /// computes no namespace there, so the template's stays).
    @Test func templateNamespaceThatClimbsOutIsALocatedError() throws {
        let fixture = try CLIFixture()
        try fixture.write("tpl/karpenter/nodepool.yaml", "# hostile\nmetadata:\n  namespace: ../x\n")
        let result = try fixture.run(["compile", "platform.yaml", "--out", "out", "--templates", "tpl"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("""
            tpl/karpenter/nodepool.yaml:3:14: error[E1073]: NodePool in cluster `prod` (template `karpenter/nodepool`): \
            `metadata.namespace` `../x` cannot name a folder or file
            """),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")), "nothing written")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("x")))
    }

    /// A separator inside one segment is refused the same way (the compiler's own name always
    /// wins over a template's, so the namespace is the field a template can set).
    @Test func templateNamespaceWithASlashIsALocatedError() throws {
        let fixture = try CLIFixture()
        try fixture.write("tpl/karpenter/nodepool.yaml", "metadata:\n  namespace: \"a/b\"\n")
        let result = try fixture.run(["check", "platform.yaml", "--templates", "tpl"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("tpl/karpenter/nodepool.yaml:2:14: error[E1073]"), "\(result.stderr)")
        #expect(result.stderr.contains("it contains `/`"))
    }

    /// `out/clusters` is a link to a folder outside: compile refuses, the folder stays empty.
    @Test func compileNeverWritesThroughALinkedFolder() throws {
        let fixture = try CLIFixture(), outside = try scratch()
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.path("out/clusters"), withDestinationPath: outside.path)

        let result = try fixture.run(["compile", "platform.yaml", "--out", "out"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to write into `out/clusters`: it is a symbolic link"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    /// A file of the tree replaced by a link to a file outside: refused, the outside file intact.
    @Test func compileNeverWritesThroughALinkedFile() throws {
        let fixture = try CLIFixture(), outside = try scratch()
        defer { try? FileManager.default.removeItem(at: outside) }
        #expect(try fixture.run(["compile", "platform.yaml", "--out", "out"]).status == 0)
        try fixture.edit("quota: { gpus: 16 }", "quota: { gpus: 8 }")
        try "precious\n".write(to: outside.appendingPathComponent("victim"), atomically: false, encoding: .utf8)
        let target = fixture.path("out/clusters/prod/_cluster/clusterqueue-search.yaml")
        #expect(FileManager.default.fileExists(atPath: target))
        try FileManager.default.removeItem(atPath: target)
        try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: outside.appendingPathComponent("victim").path)

        let result = try fixture.run(["compile", "platform.yaml", "--out", "out"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("clusterqueue-search.yaml`: it is a symbolic link"), "\(result.stderr)")
        #expect(try String(contentsOf: outside.appendingPathComponent("victim"), encoding: .utf8) == "precious\n")
    }

    /// Stale pruning removes only regular `.yaml` files it would have written: never a dotfile
    /// folder (`.git`), another kind of file, or a link (nor what the link leads to).
    @Test func pruningRemovesOnlyStaleYAMLFilesOfItsOwnFolders() throws {
        let fixture = try CLIFixture(), outside = try scratch()
        defer { try? FileManager.default.removeItem(at: outside) }
        #expect(try fixture.run(["compile", "platform.yaml", "--out", "out"]).status == 0)
        try fixture.write("out/clusters/gone/old.yaml", "stale\n")
        try fixture.write("out/clusters/.git/config", "[core]\n")
        try fixture.write("out/clusters/.git/x.yaml", "kept\n")
        try fixture.write("out/clusters/README.md", "mine\n")
        try fixture.write("out/notes/a.yaml", "not managed\n")
        try "precious\n".write(to: outside.appendingPathComponent("victim.yaml"), atomically: false, encoding: .utf8)
        try FileManager.default
            .createSymbolicLink(atPath: fixture.path("out/clusters/link.yaml"),
                withDestinationPath: outside.appendingPathComponent("victim.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: fixture.path("out/clusters/dir"), withDestinationPath: outside.path)

        let result = try fixture.run(["compile", "platform.yaml", "--out", "out"])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out/clusters/gone/old.yaml")))
        for kept in ["out/clusters/.git/config", "out/clusters/.git/x.yaml", "out/clusters/README.md", "out/notes/a.yaml"] {
            #expect(FileManager.default.fileExists(atPath: fixture.path(kept)), "\(kept)")
        }
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: fixture.path("out/clusters/link.yaml"))) != nil)
        #expect(try String(contentsOf: outside.appendingPathComponent("victim.yaml"), encoding: .utf8) == "precious\n")
    }

    /// `golden update` goes through the same sink: a linked folder in the golden folder is refused.
    @Test func goldenUpdateNeverWritesThroughALink() throws {
        let fixture = try CLIFixture(), outside = try scratch()
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(atPath: fixture.path("golden"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.path("golden/clusters"), withDestinationPath: outside.path)

        let result = try fixture.run(["golden", "update", "platform.yaml", "--dir", "golden"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("it is a symbolic link"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    // MARK: - Finding 2: the spec chooses what the commit replaces

    /// `gitops.path: infra` where `infra/` holds hand-written files: refused, nothing committed or deleted.
    @Test func commitRefusesToTakeOverAHandWrittenFolder() throws {
        let fixture = try CLIFixture()
        let head = try handWrittenRepository(fixture)
        try fixture.edit("metadata:\n  name: mini\n", "metadata:\n  name: mini\ngitops:\n  path: infra\n")

        let result = try fixture.run(["commit", "platform.yaml", "--repo", "gitops"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to commit: `infra` already exists in the branch and was not written by platformc"),
            "\(result.stderr)")
        #expect(result.stderr.contains("--adopt-path"))
        #expect(try git(["rev-parse", "main"], fixture) == head, "nothing committed")
        #expect(try fixture.read("gitops/infra/app.yaml") == "kind: ConfigMap\n")
        #expect(try git(["status", "--porcelain"], fixture) == "")
    }

    /// The engine folder and the lock file are taken over no more than `gitops.path`.
    @Test func commitRefusesToTakeOverAHandWrittenEngineFolder() throws {
        let fixture = try CLIFixture()
        let head = try handWrittenRepository(fixture, files: ["argocd/my-app.yaml": "kind: Application\n"])
        let result = try fixture.run(["commit", "platform.yaml", "--repo", "gitops"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("`argocd` already exists in the branch"), "\(result.stderr)")
        #expect(try git(["rev-parse", "main"], fixture) == head)
    }

    /// `--adopt-path` is the explicit take-over; afterwards the path is platformc's own.
    @Test func adoptPathTakesOverAndTheNextCommitNeedsNoFlag() throws {
        let fixture = try CLIFixture()
        _ = try handWrittenRepository(fixture)
        try fixture.edit("metadata:\n  name: mini\n", "metadata:\n  name: mini\ngitops:\n  path: infra\n")

        let adopted = try fixture.run(["commit", "platform.yaml", "--repo", "gitops", "--adopt-path"])
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("gitops/infra/app.yaml")))
        #expect(try git(["log", "-1", "--format=%B", "main"], fixture).contains("Platformc-Managed-Paths: infra argocd platform.lock.json"))

        try fixture.edit("quota: { gpus: 16 }", "quota: { gpus: 8 }")
        let next = try fixture.run(["commit", "platform.yaml", "--repo", "gitops"])
        #expect(next.status == 0, "\(next.stderr)")
    }

    /// Moving `gitops.path` onto a folder a person committed later: refused, although platformc
    /// owns `clusters`; the hand-written files (and the secret in them) are never printed by diff.
    @Test func diffNeverReadsAFolderPlatformcDoesNotOwn() throws {
        let fixture = try CLIFixture()
        let first = try fixture.run(["commit", "platform.yaml", "--repo", "gitops"])
        #expect(first.status == 0, "\(first.stderr)")
        let secret = "hunter2-c7f3a9e1b5d2"
        try fixture
            .write("gitops/infra/creds.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: search\nstringData:\n  password: \(secret)\n")
        _ = try git(["add", "-A"], fixture)
        _ = try git(["commit", "-qm", "hand-written infra"], fixture)
        try fixture.edit("metadata:\n  name: mini\n", "metadata:\n  name: mini\ngitops:\n  path: infra\n")

        for format in ["text", "markdown", "json"] {
            let diff = try fixture.run(["diff", "platform.yaml", "--repo", "gitops", "--format", format])
            #expect(diff.status == 0, "\(format): \(diff.stderr)")
            #expect(!(diff.stdout + diff.stderr).contains(secret), "\(format)")
            #expect(!diff.stdout.contains("creds"), "\(format)")
        }
        let commit = try fixture.run(["commit", "platform.yaml", "--repo", "gitops"])
        #expect(commit.status == 2)
        #expect(commit.stderr.contains("`infra` already exists in the branch"))
        #expect(try fixture.read("gitops/infra/creds.yaml").contains(secret))
    }

    /// A check-out given as the base folder is read the same way: only the paths platformc owns at its HEAD.
    @Test func diffAgainstACheckoutFolderReadsOnlyOwnedPaths() throws {
        let fixture = try CLIFixture()
        #expect(try fixture.run(["commit", "platform.yaml", "--repo", "gitops"]).status == 0)
        let secret = "hunter2-0d9e8f7a6b5c"
        try fixture
            .write("gitops/infra/creds.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: search\nstringData:\n  password: \(secret)\n")
        try fixture.edit("metadata:\n  name: mini\n", "metadata:\n  name: mini\ngitops:\n  path: infra\n")
        let diff = try fixture.run(["diff", "platform.yaml", "--base", "dir:gitops", "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(!(diff.stdout + diff.stderr).contains(secret))
        #expect(!diff.stdout.contains("creds"))
    }

    /// A branch last written by a platformc without the trailer (recognised by its lock file)
    /// keeps working with the default layout.
    @Test func branchOfAnEarlierPlatformcNeedsNoAdoption() throws {
        let fixture = try CLIFixture()
        _ = try handWrittenRepository(fixture, files: [
            "platform.lock.json": "{\n  \"compiler\": {\n    \"name\": \"platformc\",\n    \"version\": \"0.0.9\"\n  }\n}\n",
            "clusters/prod/kustomization.yaml": "resources: []\n",
        ])
        let result = try fixture.run(["commit", "platform.yaml", "--repo", "gitops"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    // MARK: - Finding 3: writes through symlinks in the work tree

    /// `clusters` in the GitOps work tree is a link to a folder outside the repository.
    @Test func commitNeverWritesThroughALinkedWorkTreeFolder() throws {
        let fixture = try CLIFixture(), outside = try scratch()
        defer { try? FileManager.default.removeItem(at: outside) }
        let head = try handWrittenRepository(fixture, files: ["README.md": "GitOps\n"])
        try FileManager.default.createSymbolicLink(atPath: fixture.path("gitops/clusters"), withDestinationPath: outside.path)

        let result = try fixture.run(["commit", "platform.yaml", "--repo", "gitops"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to commit: `clusters` in the work tree is a symbolic link"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty, "nothing written outside")
        #expect(try git(["rev-parse", "main"], fixture) == head, "the branch did not move")
    }

    /// The same one level down, on a repository platformc already wrote: a cluster folder
    /// replaced by a link; the next commit changes files below it.
    @Test func commitNeverWritesThroughALinkedClusterFolder() throws {
        let fixture = try CLIFixture(), outside = try scratch()
        defer { try? FileManager.default.removeItem(at: outside) }
        #expect(try fixture.run(["commit", "platform.yaml", "--repo", "gitops"]).status == 0)
        let head = try git(["rev-parse", "main"], fixture)
        try FileManager.default.removeItem(atPath: fixture.path("gitops/clusters/prod"))
        try FileManager.default.createSymbolicLink(atPath: fixture.path("gitops/clusters/prod"), withDestinationPath: outside.path)
        try fixture.edit("quota: { gpus: 16 }", "quota: { gpus: 8 }")

        let result = try fixture.run(["commit", "platform.yaml", "--repo", "gitops"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("`clusters/prod` in the work tree is a symbolic link"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(try git(["rev-parse", "main"], fixture) == head)
    }

    // MARK: - Helpers

    /// A GitOps repository `gitops` whose one commit (by a person, with git) holds `files`; its head.
    private func handWrittenRepository(_ fixture: CLIFixture,
        files: [String: String] = ["infra/app.yaml": "kind: ConfigMap\n", "infra/notes.txt": "mine\n"]) throws -> String {
        try FileManager.default.createDirectory(atPath: fixture.path("gitops"), withIntermediateDirectories: true)
        _ = try git(["init", "-q", "-b", "main"], fixture)
        for (path, text) in files { try fixture.write("gitops/" + path, text) }
        _ = try git(["add", "-A"], fixture)
        _ = try git(["commit", "-qm", "by hand"], fixture)
        return try git(["rev-parse", "main"], fixture)
    }

    /// git in the fixture's `gitops` repository, for verification and set-up only; trimmed output.
    private func git(_ arguments: [String], _ fixture: CLIFixture) throws -> String {
        let result = try CLIRunner.git(["-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments,
                                       in: fixture.root.appendingPathComponent("gitops"))
        #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A fresh folder outside every fixture.
    private func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Every path under `root` (links not followed) with its size, for "nothing changed" checks.
    private func snapshot(_ root: URL) throws -> [String: Int] {
        var entries: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            entries[path] = (enumerator?.fileAttributes?[.size] as? Int) ?? -1
        }
        return entries
    }

    private func lineNumber(of text: String, in source: String) throws -> Int {
        let lines = source.components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0 == text }) + 1
    }
}
