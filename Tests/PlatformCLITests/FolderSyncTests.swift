import Foundation
import PlatformCore
@testable import PlatformCLI
import Testing

/// `compile --out`'s writer: it writes folders on several threads and skips reading files in the
/// folders it creates, so these pin down what it must still do: write every file, leave unchanged
/// files alone, rewrite changed ones, remove stale files only inside the tree's top-level folders.
@Suite struct FolderSyncTests {
    static let tree = RenderedTree(files: [
        "platform.lock.json": "{}\n",
        "clusters/east/kustomization.yaml": "resources: [team-a]\n",
        "clusters/east/team-a/deployment-x.yaml": "kind: Deployment\n",
        "clusters/east/team-a/service-x.yaml": "kind: Service\n",
        "clusters/west/_cluster/namespace-a.yaml": "kind: Namespace\n",
        "argocd/kustomization.yaml": "",
    ])

    func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("treewriter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func contents(_ dir: URL, _ path: String) -> String? {
        try? String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
    }

    func modified(_ dir: URL, _ path: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(path).path)[.modificationDate] as? Date
    }

    @Test func writesEveryFileIntoANewNestedFolder() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("a/b/out")
        #expect(try FolderSync.write(Self.tree, to: out.path) == Self.tree.files.count)
        for (path, text) in Self.tree.files { #expect(contents(out, path) == text, "\(path)") }
    }

    @Test func secondWriteTouchesNothing() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try FolderSync.write(Self.tree, to: dir.path)
        // Back-date every file: a rewrite would show as a new modification time.
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for path in Self.tree.files.keys {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: dir.appendingPathComponent(path).path)
        }
        #expect(try FolderSync.write(Self.tree, to: dir.path) == 0)
        for path in Self.tree.files.keys { #expect(try modified(dir, path) == old, "\(path)") }
    }

    @Test func rewritesChangedFilesAndRemovesStaleOnesInItsFolders() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try FolderSync.write(Self.tree, to: dir.path)
        let extra: [String: String] = [
            "clusters/east/team-a/deployment-x.yaml": "kind: Deploymenx\n",  // same size, other bytes
            "clusters/east/team-a/service-x.yaml": "kind: Service\nmore\n",  // longer
            "platform.lock.json": "{",  // shorter
            "clusters/east/team-a/old.yaml": "stale",
            "clusters/gone/team-b/old.yaml": "stale",
            "notes/keep.txt": "not ours",
            "keep.txt": "not ours",
        ]
        for (path, text) in extra {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        #expect(try FolderSync.write(Self.tree, to: dir.path) == 5)
        for (path, text) in Self.tree.files { #expect(contents(dir, path) == text, "\(path)") }
        #expect(contents(dir, "clusters/east/team-a/old.yaml") == nil)
        #expect(contents(dir, "clusters/gone/team-b/old.yaml") == nil)
        #expect(contents(dir, "notes/keep.txt") == "not ours")
        #expect(contents(dir, "keep.txt") == "not ours")
    }

    @Test func fileInTheWayOfAFolderIsAClearError() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x".write(to: dir.appendingPathComponent("clusters"), atomically: false, encoding: .utf8)
        #expect(throws: IOFailure.self) { try FolderSync.write(Self.tree, to: dir.path) }
        do {
            _ = try FolderSync.write(Self.tree, to: dir.path)
        } catch let error as IOFailure {
            #expect(error.description.hasPrefix("cannot create folder `\(dir.path)/clusters"))
        }
        #expect(throws: IOFailure.self) { try FolderSync.write(Self.tree, to: dir.appendingPathComponent("clusters").path) }
    }

    @Test func onlyPlainRelativePathsAreWritten() throws {
        for path in ["a.yaml", "clusters/x/_cluster/k-n.yaml", "a/.b/c", "a/..b", "a/...", "gi/.gi"] {
            #expect(ContainedFolder.isPlain(path), "\(path)")
        }
        for path in ["", "/a", "a//b", "a/", "./a", "a/../b", "..", "a\\b", "a/\u{1}b", ".git/config", "x/.GIT", "x/.gitmodules",
            "x/.GitIgnore"] {
            #expect(!ContainedFolder.isPlain(path), "\(path)")
        }
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: IOFailure.self) { try FolderSync.write(RenderedTree(files: ["clusters/../../x.yaml": "x"]), to: dir.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "nothing written")
    }
}
