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
        do {
            for (path, contents) in tree.sortedFiles {
                let url = root.appendingPathComponent(path)
                let bytes = Data(contents.utf8)
                if (try? Data(contentsOf: url)) == bytes { continue }
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: url, options: .atomic)
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
}
