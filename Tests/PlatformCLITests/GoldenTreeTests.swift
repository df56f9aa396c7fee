import Foundation
import PlatformCore
import Testing

/// golden/ holds the compiled tree of the bundled platform.yaml, reviewed in pull requests. Any
/// change in emitted bytes fails here with a unified diff; `UPDATE_GOLDEN=1 make test` rewrites it.
@Suite struct GoldenTreeTests {
    static let golden = CLIRunner.repoRoot.appendingPathComponent("golden")

    static func files(under root: URL) -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = (try? String(contentsOf: url, encoding: .utf8)) ?? "<binary>"
            }
        }
        return files
    }

    @Test func bundledPlatformMatchesGolden() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-golden-\(UUID().uuidString)")
        let r = try CLIRunner.run(["compile", "platform.yaml", "--out", out.path], in: CLIRunner.repoRoot)
        #expect(r.status == 0, "\(r.stderr)")
        let actual = Self.files(under: out)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: Self.golden)
            for (path, text) in actual {
                let url = Self.golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            return
        }
        let expected = Self.files(under: Self.golden)
        #expect(!expected.isEmpty, "golden/ is missing; run `UPDATE_GOLDEN=1 make test` and review it")
        for path in Set(actual.keys).union(expected.keys).sorted() where actual[path] != expected[path] {
            let diff = UnifiedDiff.render(path: "golden/\(path)", old: expected[path], new: actual[path])
            Issue.record("golden/\(path) differs (UPDATE_GOLDEN=1 rewrites golden/):\n\(diff)")
        }
    }
}
