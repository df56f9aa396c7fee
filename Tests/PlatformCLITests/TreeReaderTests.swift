import Foundation
import Testing
@testable import PlatformCLI

/// `TreeReader` reads a folder on several threads straight into strings: the result must be what
/// reading each file whole and decoding it as UTF-8 gives.
@Suite struct TreeReaderTests {
    @Test func readsEveryFileAsDecodedText() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-tree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files: [String: Data] = [
            "clusters/prod/search/deployment-a.yaml": Data("apiVersion: apps/v1\nkind: Deployment\n".utf8),
            "clusters/prod/empty.yaml": Data(),
            "clusters/prod/invalid-utf8.yaml": Data([0x61, 0xFF, 0x62, 0xC3, 0x0A, 0xE2, 0x82]),
            "clusters/prod/unicode.yaml": Data("name: café ✓ 🚀\n".utf8),
            "large.txt": Data((0..<300_000).map { UInt8(ascii: "a") + UInt8($0 % 26) }),
            "platform.lock.json": Data("{}\n".utf8),
            ".git/HEAD": Data("ref: refs/heads/main\n".utf8),
        ]
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try FileManager.default
            .createSymbolicLink(atPath: root.appendingPathComponent("link.json").path, withDestinationPath: "platform.lock.json")

        let read = try TreeReader.read(root.path)
        var expected = files.filter { !$0.key.hasPrefix(".git/") }.mapValues { String(decoding: $0, as: UTF8.self) }
        expected["platform.lock.json"] = "{}\n"  // the link leads to it
        #expect(read == expected)
        #expect(read["clusters/prod/invalid-utf8.yaml"]?.contains("\u{FFFD}") == true)
        #expect(read["large.txt"]?.utf8.count == 300_000)
    }

    @Test func managedKeepsOnlyManagedPaths() {
        let files = ["clusters/a.yaml": "a", "clustersX/b.yaml": "b", "argocd/c.yaml": "c", "platform.lock.json": "{}", "README.md": "r"]
        #expect(TreeReader.managed(files, ["clusters", "argocd", "platform.lock.json"]).keys
            .sorted() == ["argocd/c.yaml", "clusters/a.yaml", "platform.lock.json"])
        #expect(TreeReader.managed(["clusters/a.yaml": "a"], ["clusters"]) == ["clusters/a.yaml": "a"])
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: IOFailure.self) { try TreeReader.read("/no/such/folder-\(UUID().uuidString)") }
    }
}
