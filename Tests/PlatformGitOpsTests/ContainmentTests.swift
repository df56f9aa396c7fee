import Foundation
@testable import PlatformGitOps
import Testing

/// The work tree's containment rule and the ownership record, on real repositories: a commit
/// never writes or deletes through a linked folder (neither by `WorkTreeUpdate` nor by libgit2's
/// checkout), and with `.ownedOnly` never replaces a path no platformc commit recorded.
@Suite struct ContainmentTests {
    private func commit(_ repository: GitRepository, _ files: [String: String],
        takeover: ManagedOwnership.Takeover = .unchecked) throws -> CommitOutcome {
        var tree = sampleTree(files)
        tree.takeover = takeover
        return try repository.commitTree(tree, branch: "main", message: "m", author: author, committer: author,
                                         expectedHead: try repository.head(branch: "main"), time: fixedTime)
    }

    private func outsideFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-outside-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Both update paths: plain files (`WorkTreeUpdate`) and a file turning into a folder (libgit2).
    @Test(arguments: [["clusters/a/x.yaml": "x\n"], ["clusters/a/x.yaml/y.yaml": "folder now\n"]])
    func linkedFolderStopsTheCommitBeforeTheBranchMoves(files: [String: String]) throws {
        let fixture = try GitFixture(), outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        _ = try commit(repository, ["clusters/a/x.yaml": "first\n"])
        let head = try repository.head(branch: "main")
        try FileManager.default.removeItem(atPath: path + "/clusters/a")
        try FileManager.default.createSymbolicLink(atPath: path + "/clusters/a", withDestinationPath: outside)

        #expect(throws: GitError.workTreeLink(path: "clusters/a")) { try commit(repository, files) }
        #expect(try repository.head(branch: "main") == head)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    /// A link where a file goes is the user's, like a hand edit: kept as it is (never written
    /// through), while the commit and the index move on.
    @Test func linkInTheFileItsPlaceIsKeptNotWrittenThrough() throws {
        let fixture = try GitFixture(), outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        _ = try commit(repository, ["clusters/a.yaml": "a\n"])
        try "precious\n".write(toFile: outside + "/victim", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path + "/clusters/b.yaml", withDestinationPath: outside + "/victim")
        let outcome = try commit(repository, ["clusters/a.yaml": "a\n", "clusters/b.yaml": "b\n"])
        guard case let .committed(_, stats) = outcome else { Issue.record("expected a commit, got \(outcome)"); return }
        #expect(stats.keptLocalEdits == ["clusters/b.yaml"])
        #expect(try String(contentsOfFile: outside + "/victim", encoding: .utf8) == "precious\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path + "/clusters/b.yaml") == outside + "/victim")
    }

    @Test func ownershipIsRecordedAndChecked() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        _ = try commit(repository, ["clusters/hand.yaml": "mine\n"])  // unchecked: no record
        #expect(try repository.ownedPaths(at: repository.head(branch: "main")) == [])
        #expect(throws: GitError.unownedPath("clusters")) {
            try commit(repository, ["clusters/a.yaml": "a\n"], takeover: .ownedOnly)
        }
        _ = try commit(repository, ["clusters/a.yaml": "b\n"], takeover: .adopt)
        #expect(try repository.ownedPaths(at: repository.head(branch: "main")) == ["clusters", "argocd", "platform.lock.json"])
        _ = try commit(repository, ["clusters/a.yaml": "c\n"], takeover: .ownedOnly)
    }

    /// A branch last written by a platformc that recorded no paths is recognised only by the
    /// caller's layout: this library knows no lock format.
    @Test func aLegacyBranchIsRecognisedByTheCallersLayout() throws {
        let fixture = try GitFixture()
        let repository = try GitRepository.openOrInit(path: fixture.path("gitops"), initialBranch: "main")
        _ = try commit(repository, ["clusters/a.yaml": "a\n", "platform.lock.json": "ours\n"])  // unchecked: no trailer
        let head = try repository.head(branch: "main")
        let layout = ManagedOwnership
            .LegacyLayout(paths: ["clusters", "platform.lock.json"], marker: "platform.lock.json") { $0 == Array("ours\n".utf8) }
        let other = ManagedOwnership.LegacyLayout(paths: ["clusters"], marker: "platform.lock.json") { _ in false }
        #expect(try repository.ownedPaths(at: head) == [])
        #expect(try repository.ownedPaths(at: head, legacy: layout) == ["clusters", "platform.lock.json"])
        #expect(try repository.ownedPaths(at: head, legacy: other) == [])
    }

    @Test func recordedPathsComeFromTheLastTrailerAndAreValidated() {
        #expect(ManagedOwnership.recorded(in: "s\n\nPlatformc-Managed-Paths: a ../b .git c/d\n") == ["a", "c/d"])
        #expect(ManagedOwnership.recorded(in: "Platformc-Managed-Paths: x\nPlatformc-Managed-Paths: y\n") == ["y"])
        #expect(ManagedOwnership.recorded(in: "no trailer\n") == nil)
    }
}
