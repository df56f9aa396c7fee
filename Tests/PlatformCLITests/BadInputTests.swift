import Foundation
import Testing

/// The bad-input catalogue: each input fails fast with a clear error and exit code 1 (the spec is
/// wrong) or 2 (usage or I/O), writes nothing, and leaves the GitOps repository as it was.
@Suite struct BadInputTests {
    let identity = ["GIT_AUTHOR_NAME": "CI Bot", "GIT_AUTHOR_EMAIL": "ci@example.com",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    let header = "apiVersion: platformc/v1alpha1\nkind: Platform\nmetadata:\n  name: bad\n"

    /// Writes `bytes` as platform.yaml, runs `arguments` (check, compile, commit) and expects each to
    /// fail with `status`, print `message`, and write nothing.
    func expectRefused(_ bytes: [UInt8], status: Int32, message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try CLIRunner.workspace(spec: "")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(bytes).write(to: dir.appendingPathComponent("platform.yaml"))
        let before = CLIRunner.listing(dir)
        for arguments in [["check"], ["compile", "--out", "out"], ["commit"]] {
            let r = try CLIRunner.run(arguments, in: dir, environment: identity)
            #expect(r.status == status, "\(arguments): \(r.stderr.prefix(300))", sourceLocation: sourceLocation)
            #expect(r.stderr.contains(message) || r.stdout.contains(message), "\(arguments): \(r.stderr.prefix(300))",
                sourceLocation: sourceLocation)
            #expect(CLIRunner.listing(dir) == before, "\(arguments) wrote files", sourceLocation: sourceLocation)
        }
    }

    @Test func truncatedSpec() throws {
        let spec = CLIRunner.bundledSpec
        let cut = spec.range(of: "nodes: { min: 4,")!.upperBound
        try expectRefused(Array(spec[..<cut].utf8), status: 1, message: "error[E1001]: invalid YAML")
    }

    @Test func truncatedInsideAMultiByteCharacter() throws {
        try expectRefused(Array((header + "# café").utf8.dropLast()), status: 1, message: "error[E1003]: the spec is not valid UTF-8")
    }

    @Test func hundredMegabyteSpec() throws {
        var bytes = Array(header.utf8)
        let comment = Array("# padding padding padding padding padding padding padding padding padding\n".utf8)
        bytes.reserveCapacity(100 << 20)
        while bytes.count < 100 << 20 { bytes += comment }
        try expectRefused(bytes, status: 1, message: "error[E1009]: the spec is larger than 16 MiB")
    }

    @Test func flowNestedTenThousandDeep() throws {
        let deep = header + "clusters: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        try expectRefused(Array(deep.utf8), status: 1, message: "error[E1008]: the spec nests deeper than 200 levels")
    }

    /// A thousand levels: ten thousand at one space each would be a 50 MB file (the flow case covers 10,000).
    @Test func blockNestedAThousandDeep() throws {
        var deep = header + "clusters:\n"
        for level in 1...1_000 { deep += String(repeating: " ", count: level) + "k:\n" }
        try expectRefused(Array(deep.utf8), status: 1, message: "error[E1008]: the spec nests deeper than 200 levels (indentation")
    }

    @Test func listOfAMillionItems() throws {
        var spec = header + "clusters:\n"
        spec.reserveCapacity(12_000_000)
        for i in 0..<1_000_000 { spec += "  - \(i)\n" }
        try expectRefused(Array(spec.utf8), status: 1, message: "error[E1009]: the spec has more than 200000 entries")
    }

    @Test func flowListOfAMillionItems() throws {
        let spec = header + "clusters: [" + Array(repeating: "1", count: 1_000_000).joined(separator: ",") + "]\n"
        try expectRefused(Array(spec.utf8), status: 1, message: "error[E1009]: the spec has more than 200000 entries")
    }

    @Test func invalidUTF8() throws {
        try expectRefused(Array(header.utf8) + [0x23, 0x20, 0xC3, 0x28, 0x0A], status: 1,
            message: "error[E1003]: the spec is not valid UTF-8 (invalid byte at offset")
    }

    @Test func nulBytes() throws {
        try expectRefused(Array(header.utf8) + [0x23, 0x00, 0x0A], status: 1, message: "error[E1001]: the spec contains a NUL character")
    }
}

// MARK: Files, folders and repositories

extension BadInputTests {
    /// chmod does not stop root, so permission cases print a skip instead of passing vacuously.
    var runningAsRoot: Bool { geteuid() == 0 }

    @Test func directoryWhereTheSpecShouldBe() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("spec.yaml"), withIntermediateDirectories: false)
        let before = CLIRunner.listing(dir)
        let r = try CLIRunner.run(["compile", "spec.yaml", "--out", "out"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "platformc: error: cannot read `spec.yaml`: it is a directory, not a spec file\n")
        #expect(CLIRunner.listing(dir) == before)
    }

    @Test func unreadableSpec() throws {
        guard !runningAsRoot else {
            print("BadInputTests.unreadableSpec: skipped, running as root (chmod 000 does not stop root)")
            return
        }
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: dir.appendingPathComponent("platform.yaml").path)
        let r = try CLIRunner.run(["compile", "--out", "out"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read `platform.yaml`: permission denied"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func outputFolderThatIsAFile() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x".write(to: dir.appendingPathComponent("out"), atomically: true, encoding: .utf8)
        let before = CLIRunner.listing(dir)
        let r = try CLIRunner.run(["compile", "--out", "out"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.hasSuffix("\nplatformc: error: output `out` exists and is not a directory\n"))   // after the bundled W2401s
        #expect(CLIRunner.listing(dir) == before)
        #expect(try String(contentsOf: dir.appendingPathComponent("out"), encoding: .utf8) == "x")
    }

    @Test func repositoryThatIsNotAGitRepository() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        defer { try? FileManager.default.removeItem(at: dir) }
        let repo = dir.appendingPathComponent("gitops")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: false)
        try "notes\n".write(to: repo.appendingPathComponent("README"), atomically: true, encoding: .utf8)
        let before = CLIRunner.listing(dir)
        let r = try CLIRunner.run(["commit"], in: dir, environment: identity)
        #expect(r.status == 2)
        #expect(r.stderr.hasSuffix("""
            \nplatformc: error: `\(repo.resolvingSymlinksInPath().path)` exists but is not a git repository; point at a repository or at a \
            new or empty directory\n
            """)
                || r.stderr.hasSuffix("""
                    \nplatformc: error: `\(repo.path)` exists but is not a git repository; point at a repository or at a new or empty \
                    directory\n
                    """),
                "\(r.stderr)")
        #expect(CLIRunner.listing(dir) == before)
    }

    /// A first good commit, then a refused one: the branch, its head and the work tree stay as they were.
    @Test func branchNameThatGitRejects() throws {
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIRunner.run(["commit"], in: dir, environment: identity).status == 0)
        let repo = dir.appendingPathComponent("gitops")
        let refsBefore = try CLIRunner.git(["show-ref"], in: repo).stdout
        let before = CLIRunner.listing(dir)
        let r = try CLIRunner.run(["commit", "--branch", "bad..name"], in: dir, environment: identity)
        #expect(r.status == 2)
        #expect(r.stderr.hasSuffix("\nplatformc: error: `bad..name` is not a valid branch name\n"))   // after the bundled W2401s
        #expect(try CLIRunner.git(["show-ref"], in: repo).stdout == refsBefore)
        #expect(CLIRunner.listing(dir) == before)
    }

    @Test func readOnlyRepository() throws {
        guard !runningAsRoot else {
            print("BadInputTests.readOnlyRepository: skipped, running as root (a read-only mode does not stop root)")
            return
        }
        let dir = try CLIRunner.workspace(spec: CLIRunner.bundledSpec)
        defer {
            _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+w", dir.path]).waitUntilExit()
            try? FileManager.default.removeItem(at: dir)
        }
        #expect(try CLIRunner.run(["commit"], in: dir, environment: identity).status == 0)
        let repo = dir.appendingPathComponent("gitops")
        let refsBefore = try CLIRunner.git(["show-ref"], in: repo).stdout
        try CLIRunner.bundledSpec.replacingOccurrences(of: "gpus: 24", with: "gpus: 32")
            .write(to: dir.appendingPathComponent("platform.yaml"), atomically: true, encoding: .utf8)
        try Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "a-w", repo.path]).waitUntilExit()
        let before = CLIRunner.listing(dir)
        let r = try CLIRunner.run(["commit"], in: dir, environment: identity)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("platformc: error: "))
        #expect(try CLIRunner.git(["show-ref"], in: repo).stdout == refsBefore)
        #expect(CLIRunner.listing(dir) == before)
    }
}
