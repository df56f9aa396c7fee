import Foundation
import Testing

/// Files read because of the command line have the contained reader's bounds too: the folder of
/// `golden check|update` (each file at most a YAML document's 16 MiB) and `kubectl` output for
/// `inventory import` / `init --from-nodes` (256 MiB). Sparse files: the size costs no disk.
@Suite struct CommandLineReadsTests {
    static func sparse(_ path: String, bytes: UInt64) throws {
        try #require(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: bytes)
        try handle.close()
    }

    @Test func goldenRefusesAnOversizedFileInItsFolderAndWritesNothing() throws {
        let fixture = try CLIFixture()
        #expect(try fixture.run(["golden", "update", "platform.yaml"]).status == 0)
        let quota = "golden/clusters/prod/search/resourcequota-gpu-quota.yaml"
        try fixture.write(quota, "drifted\n")
        try Self.sparse(fixture.path("golden/clusters/prod/big.yaml"), bytes: 16 << 20 + 1)

        let check = try fixture.run(["golden", "check", "platform.yaml"])
        #expect(check.status == 2)
        #expect(check.stdout.isEmpty)
        #expect(check.stderr.contains("/golden/clusters/prod/big.yaml`: it is larger than 16 MiB\n"), "\(check.stderr)")

        let update = try fixture.run(["golden", "update", "platform.yaml"])
        #expect(update.status == 2)
        #expect(update.stderr.contains("/golden/clusters/prod/big.yaml`: it is larger than 16 MiB\n"), "\(update.stderr)")
        #expect(try fixture.read(quota) == "drifted\n")
        #expect(FileManager.default.fileExists(atPath: fixture.path("golden/clusters/prod/big.yaml")))
    }

    @Test func inventoryRefusesAnOversizedFile() throws {
        let dir = try CLIRunner.workspace(spec: "")
        try Self.sparse(dir.appendingPathComponent("nodes.json").path, bytes: 256 << 20 + 1)
        let r = try CLIRunner.run(["inventory", "import", "nodes.json"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "platformc: error: cannot read `nodes.json`: it is larger than 256 MiB\n")
    }
}
