import Foundation
import PlatformCore

/// Writes a rendered tree into a folder: unchanged files are not touched, files of earlier runs
/// that the tree no longer has are removed (only inside the tree's top-level folders).
enum TreeWriter {
    /// Returns how many files were written or removed.
    static func write(_ tree: RenderedTree, to folder: String) throws -> Int {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw IOFailure("output `\(folder)` exists and is not a directory")
        }
        let root = URL(fileURLWithPath: folder)
        var changes = 0
        var created: Set<String> = []
        do {
            for (path, contents) in tree.sortedFiles {
                let url = root.appendingPathComponent(path)
                let bytes = Data(contents.utf8)
                if (try? Data(contentsOf: url)) == bytes { continue }
                let parent = url.deletingLastPathComponent()
                if created.insert(parent.path).inserted {  // once per folder, not once per file
                    try fm.createDirectory(at: parent, withIntermediateDirectories: true)
                }
                try writeFile(url.path, bytes)
                changes += 1
            }
            let tops = Set(tree.paths.compactMap { $0.split(separator: "/").count > 1 ? String($0.split(separator: "/")[0]) : nil })
            for top in tops.sorted() {
                let enumerator = fm.enumerator(atPath: root.appendingPathComponent(top).path)
                while let relative = enumerator?.nextObject() as? String {
                    let path = "\(top)/\(relative)"
                    let url = root.appendingPathComponent(path)
                    var dir: ObjCBool = false
                    if fm.fileExists(atPath: url.path, isDirectory: &dir), !dir.boolValue, tree.files[path] == nil {
                        try fm.removeItem(at: url)
                        changes += 1
                    }
                }
            }
        } catch let error as IOFailure {
            throw error
        } catch {
            throw IOFailure("cannot write to `\(folder)`: \(error.localizedDescription)")
        }
        return changes
    }

    /// open/write/close, nothing more. Foundation's `Data.write` fsyncs every file (and with
    /// `.atomic` adds a temporary file and a rename): writing 30,000 files took 40 s instead of
    /// under 2 (profiled). The folder as a whole was never written atomically, and `commit` goes
    /// through libgit2, not through here.
    private static func writeFile(_ path: String, _ bytes: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOFailure("cannot write `\(path)`: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw IOFailure("cannot write `\(path)`: \(String(cString: strerror(errno)))") }
                offset += n
            }
        }
    }
}
