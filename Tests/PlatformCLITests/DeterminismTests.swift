import Foundation
import Testing

/// Same spec, same bytes; the spec's lists in any order, same bytes.
@Suite struct DeterminismTests {
    func compile(_ spec: String) throws -> [String: Data] {
        let dir = try CLIRunner.workspace(spec: spec)
        let r = try CLIRunner.run(["compile", "--out", "out"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        var files: [String: Data] = [:]
        let root = dir.appendingPathComponent("out")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func compilingTwiceGivesIdenticalBytes() throws {
        let a = try compile(CLIRunner.bundledSpec)
        let b = try compile(CLIRunner.bundledSpec)
        #expect(a.count > 10)
        #expect(a == b)
    }

    @Test func reorderedListsGiveIdenticalBytes() throws {
        let original = try compile(CLIRunner.bundledSpec)
        for seed in [1, 2, 3] {
            let shuffled = SpecShuffler.shuffle(CLIRunner.bundledSpec, seed: UInt64(seed))
            #expect(shuffled != CLIRunner.bundledSpec)
            let files = try compile(shuffled)
            #expect(files.keys.sorted() == original.keys.sorted())
            for (path, data) in original where files[path] != data {
                Issue.record("seed \(seed): \(path) differs")
            }
        }
    }
}
