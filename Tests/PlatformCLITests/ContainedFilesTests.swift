import Foundation
@testable import PlatformCLI
import PlatformCore
import Testing

/// The one file source for spec-relative reads (`ContainedFiles`), below the CLI: see
/// `RedTeam/ReadsRedTeamTests.swift` for the attacks through the real binary.
@Suite struct ContainedFilesTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("contained-\(UUID().uuidString)")

    func source() throws -> ContainedFiles {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/.git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/spec"), withIntermediateDirectories: true)
        return ContainedFiles.around(spec: root.appendingPathComponent("repo/spec/platform.yaml").path)
    }

    func code(_ outcome: ContainedFiles.Outcome) -> String {
        switch outcome {
        case .contents: return "contents"
        case .missing: return "missing"
        case let .refused(refusal): return refusal.code.description
        }
    }

    @Test func theRepositoryIsTheNearestFolderHoldingGit() throws {
        let files = try source()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(files.root.hasSuffix("/repo"))
        #expect(files.base.hasSuffix("/repo/spec"))
    }

    @Test func pathsAreNormalisedLexically() {
        #expect(ContainedFiles.normalised("/a/b/../c/./d") == "/a/c/d")
        #expect(ContainedFiles.normalised("/a/../..") == nil)
        #expect(ContainedFiles.namesGitMetadata("x/.GIT/config"))
        #expect(!ContainedFiles.namesGitMetadata("x/.github/topo.xml"))
    }

    @Test func eachRefusalHasItsCode() throws {
        let files = try source()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("<system/>".utf8).write(to: root.appendingPathComponent("repo/topo.xml"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("outside.xml"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("repo/out.xml").path,
                                                   withDestinationPath: root.appendingPathComponent("outside.xml").path)
        #expect(code(files.read("../topo.xml", limit: 100, what: "f")) == "contents")
        #expect(code(files.read("../nothing.xml", limit: 100, what: "f")) == "missing")
        #expect(code(files.read("/etc/hostname", limit: 100, what: "f")) == "E8020")
        #expect(code(files.read("../../outside.xml", limit: 100, what: "f")) == "E8020")
        #expect(code(files.read("../out.xml", limit: 100, what: "f")) == "E8021")
        #expect(code(files.read("../", limit: 100, what: "f")) == "E8022")
        #expect(code(files.read("../topo.xml", limit: 4, what: "f")) == "E8023")
        #expect(code(files.read("../.git/HEAD", limit: 100, what: "f")) == "E8024")
    }

    /// A `/proc` file says it has 0 bytes: the reader stops at the bound, not at the size.
    @Test func readsStopAtTheBoundWhateverTheSizeSays() throws {
        let fd = open("/proc/self/status", O_RDONLY)
        defer { close(fd) }
        guard case .failure(.tooLarge(limit: 8)) = ContainedFiles.readRegular(fd, limit: 8) else {
            Issue.record("a /proc file longer than the bound was read")
            return
        }
    }
}
