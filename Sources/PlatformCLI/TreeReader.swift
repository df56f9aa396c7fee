import Foundation

/// Reads a folder back as relative path → text, the shape the diff and golden checks compare.
enum TreeReader {
    /// Every regular file under `folder` (skipping `.git`), by path relative to it with `/`.
    static func read(_ folder: String) throws -> [String: String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IOFailure("`\(folder)` is not a directory")
        }
        let root = URL(fileURLWithPath: folder)
        var files: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw IOFailure("cannot list `\(folder)`")
        }
        let prefix = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for case let url as URL in enumerator {
            if url.lastPathComponent == ".git" { enumerator.skipDescendants(); continue }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(prefix) else { continue }
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw IOFailure("cannot read `\(full)`: \(error.localizedDescription)") }
            files[String(full.dropFirst(prefix.count))] = String(decoding: data, as: UTF8.self)
        }
        return files
    }

    /// The files inside one of `managed` (a folder or a file path).
    static func managed(_ files: [String: String], _ managed: [String]) -> [String: String] {
        files.filter { entry in managed.contains { entry.key == $0 || entry.key.hasPrefix($0 + "/") } }
    }
}
