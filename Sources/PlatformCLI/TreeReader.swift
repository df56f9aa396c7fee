import Foundation
import PlatformCore

/// Reads a folder back as relative path → text, the shape the diff and golden checks compare.
enum TreeReader {
    /// Every regular file under `folder` (skipping `.git`), by path relative to it with `/`.
    /// Walks with `readdir`, whose entry types say which entries are files and folders, so a
    /// tree of 30,000 files costs no `stat` per file; only symbolic links (and entries of file
    /// systems that report no type) are resolved, and kept when they lead to a regular file
    /// inside `folder`. Files are read on all cores, or on the calling thread alone when
    /// `onAllCores` is false (when the read runs beside other work).
    static func read(_ folder: String, onAllCores: Bool = true) throws -> [String: String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IOFailure("`\(folder)` is not a directory")
        }
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        var found: [(key: String, path: String)] = []
        try walk(root, relative: "", root: root + "/", into: &found)
        var files: [String: String] = [:]
        files.reserveCapacity(found.count)
        guard onAllCores else {
            for file in found { files[file.key] = try contents(file.path) }
            return files
        }
        // Files are independent: read them on all cores, then keep them in walk order (a link to
        // a file read earlier overwrites it, as a serial walk would).
        let results = found.concurrentMap { file in Result { try contents(file.path) } }
        for (file, result) in zip(found, results) { files[file.key] = try result.get() }
        return files
    }

    /// Collects every regular file (and link to one) under `directory` as (relative key, path).
    private static func walk(_ directory: String, relative: String, root: String, into files: inout [(key: String, path: String)]) throws {
        guard let handle = opendir(directory) else { throw IOFailure("cannot list `\(directory)`: \(String(cString: strerror(errno)))") }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." || name == ".git" { continue }
            let path = directory + "/" + name, key = relative + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): try walk(path, relative: key + "/", root: root, into: &files)
            case Int32(DT_REG): files.append((key, path))
            case Int32(DT_UNKNOWN):
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR { try walk(path, relative: key + "/", root: root, into: &files) }
                else if info.st_mode & S_IFMT == S_IFREG { files.append((key, path)) }
                else if info.st_mode & S_IFMT == S_IFLNK, let target = linkedFile(path, root: root) { files.append((target, path)) }
            case Int32(DT_LNK): if let target = linkedFile(path, root: root) { files.append((target, path)) }
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

    /// The file's text, read straight into the string's storage (invalid UTF-8 is repaired, as
    /// `String(decoding:as:)` does); a file that grows while read is read again in chunks.
    ///
    /// The contained reader's rules hold here too (`ContainedFiles.ReadProblem`): only a regular
    /// file is read (opened with O_NONBLOCK, so a FIFO swapped in after the walk cannot hang the
    /// run), and at most `maxFileBytes`: a tree file larger than a document may be cannot be parsed.
    private static func contents(_ path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(reading: path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(reading: path) }
        if info.st_mode & S_IFMT != S_IFREG { throw refusal(.notRegular(kind: "not a regular file"), path) }
        if Int(info.st_size) > maxFileBytes { throw refusal(.tooLarge(limit: maxFileBytes), path) }
        // One byte more than the size: filling it means the file grew.
        let capacity = Int(info.st_size) + 1
        var readError: Int32 = 0, filled = 0
        let text = String(unsafeUninitializedCapacity: capacity) { buffer in
            while filled < capacity {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, capacity - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return 0
                }
                filled += count
                // All the bytes `fstat` announced, without the extra byte: the end (no read of 0 bytes needed).
                if count == 0 || filled == capacity - 1 { break }
            }
            return filled
        }
        if readError != 0 { throw failure(reading: path, errno: readError) }
        guard filled == capacity else { return text }
        return try chunked(descriptor, path)
    }

    /// The bound of one file of a tree: the size limit of a YAML document (`YAMLLimits.maxBytes`).
    static let maxFileBytes = YAMLLimits.maxBytes

    private static func refusal(_ problem: ContainedFiles.ReadProblem, _ path: String) -> IOFailure {
        switch problem {
        case let .tooLarge(limit): return IOFailure("cannot read `\(path)`: it is larger than \(ContainedFiles.ReadProblem.size(limit))")
        case let .notRegular(kind): return IOFailure("cannot read `\(path)`: it is \(kind)")
        case .unreadable: return failure(reading: path)
        }
    }

    /// A file that grew while read, read again from its start on the same descriptor, by the
    /// contained reader (`ContainedFiles.readRegular`), so no more than `maxFileBytes` + 1 bytes.
    private static func chunked(_ descriptor: Int32, _ path: String) throws -> String {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw failure(reading: path) }
        switch ContainedFiles.readRegular(descriptor, limit: maxFileBytes) {
        case let .success(bytes): return String(decoding: bytes, as: UTF8.self)
        case let .failure(problem): throw refusal(problem, path)
        }
    }

    private static func failure(reading path: String, errno code: Int32 = errno) -> IOFailure {
        IOFailure("cannot read `\(path)`: \(String(cString: strerror(code)))")
    }

    /// The files inside one of `managed` (a folder or a file path).
    static func managed(_ files: [String: String], _ managed: [String]) -> [String: String] {
        func isManaged(_ path: String) -> Bool { managed.contains { path == $0 || path.hasPrefix($0 + "/") } }
        // A compiled tree holds only managed files: then the dictionary is kept, not rebuilt.
        return files.keys.allSatisfy(isManaged) ? files : files.filter { isManaged($0.key) }
    }
}
