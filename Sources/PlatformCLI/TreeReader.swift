import Foundation

/// Reads a folder back as relative path → text, the shape the diff and golden checks compare.
enum TreeReader {
    /// Every regular file under `folder` (skipping `.git`), by path relative to it with `/`.
    /// Walks with `readdir`, whose entry types say which entries are files and folders, so a
    /// tree of 30,000 files costs no `stat` per file; only symbolic links (and entries of file
    /// systems that report no type) are resolved, and kept when they lead to a regular file
    /// inside `folder`.
    static func read(_ folder: String) throws -> [String: String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IOFailure("`\(folder)` is not a directory")
        }
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        var files: [String: String] = [:]
        try walk(root, relative: "", root: root + "/", into: &files)
        return files
    }

    private static func walk(_ directory: String, relative: String, root: String, into files: inout [String: String]) throws {
        guard let handle = opendir(directory) else { throw IOFailure("cannot list `\(directory)`: \(String(cString: strerror(errno)))") }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." || name == ".git" { continue }
            let path = directory + "/" + name, key = relative + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): try walk(path, relative: key + "/", root: root, into: &files)
            case Int32(DT_REG): files[key] = try contents(path)
            case Int32(DT_UNKNOWN):
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR { try walk(path, relative: key + "/", root: root, into: &files) }
                else if info.st_mode & S_IFMT == S_IFREG { files[key] = try contents(path) }
                else if info.st_mode & S_IFMT == S_IFLNK, let target = linkedFile(path, root: root) { files[target] = try contents(path) }
            case Int32(DT_LNK): if let target = linkedFile(path, root: root) { files[target] = try contents(path) }
            default: continue
            }
        }
    }

    /// The path relative to `root` of the regular file a link leads to, nil when it leads
    /// elsewhere (a folder is not followed).
    private static func linkedFile(_ path: String, root: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let full = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return full.hasPrefix(root) ? String(full.dropFirst(root.count)) : nil
    }

    private static func contents(_ path: String) throws -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw IOFailure("cannot read `\(path)`: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw IOFailure("cannot read `\(path)`: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The files inside one of `managed` (a folder or a file path).
    static func managed(_ files: [String: String], _ managed: [String]) -> [String: String] {
        files.filter { entry in managed.contains { entry.key == $0 || entry.key.hasPrefix($0 + "/") } }
    }
}
