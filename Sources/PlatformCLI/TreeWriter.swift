import Foundation
import PlatformCore

/// Writes a rendered tree into a folder: unchanged files are not touched, files of earlier runs
/// that the tree no longer has are removed (only inside the tree's top-level folders).
///
/// Folders are written on all cores, each by one thread; a folder this run created holds no file
/// to compare with, so its files are written without trying to read them first. The walk that
/// finds stale files uses `readdir` (entry types, no `stat` per file) and skips top-level folders
/// that did not exist before this run.
enum TreeWriter {
    /// Returns how many files were written or removed.
    static func write(_ tree: RenderedTree, to folder: String) throws -> Int {
        let root = folder.isEmpty ? "." : folder
        var info = stat()
        if stat(root, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
            throw IOFailure("output `\(folder)` exists and is not a directory")
        }
        var byFolder: [String: [String]] = [:]
        for path in tree.files.keys {
            let slash = path.lastIndex(of: "/")
            byFolder[slash.map { String(path[..<$0]) } ?? "", default: []].append(path)
        }
        let tops = Set(byFolder.keys.filter { !$0.isEmpty }.map { String($0.prefix { $0 != "/" }) }).sorted { $0.precedesInByteOrder($1) }
        let topsBefore = tops.filter { exists(join(root, $0)) }

        let folders = byFolder.keys.sorted { $0.precedesInByteOrder($1) }
        let written = folders.concurrentMap { relative in
            Result { try writeFolder(relative, files: byFolder[relative] ?? [], tree: tree, root: root) }
        }
        var changes = 0
        for result in written { changes += try result.get() }  // the first failure in path order
        for top in topsBefore {
            changes += try removeStale(in: join(root, top), relative: top + "/", tree: tree)
        }
        return changes
    }

    /// Writes the files of one folder (paths relative to `root`) that differ from what is there.
    private static func writeFolder(_ relative: String, files: [String], tree: RenderedTree, root: String) throws -> Int {
        let created = relative.isEmpty ? try makeFolder(root) : try makeFolder(join(root, relative))
        var changes = 0
        for path in files.sorted(by: { $0.precedesInByteOrder($1) }) {
            var contents = tree.files[path] ?? ""
            let file = join(root, path)
            try contents.withUTF8 { bytes in
                if !created, holds(file, bytes) { return }
                try writeFile(file, bytes)
                changes += 1
            }
        }
        return changes
    }

    /// Creates `path` and any missing parents; true when it did not exist. Safe when several
    /// threads create the same parents at once (an existing folder is not an error).
    private static func makeFolder(_ path: String) throws -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        var error = errno
        let parent = (path as NSString).deletingLastPathComponent
        if error == ENOENT, !parent.isEmpty, parent != path {
            _ = try makeFolder(parent)
            if mkdir(path, 0o755) == 0 { return true }
            error = errno
        }
        if error == EEXIST {
            if isFolder(path) { return false }
            throw IOFailure("cannot create folder `\(path)`: a file of that name is in the way")
        }
        throw IOFailure("cannot create folder `\(path)`: \(String(cString: strerror(error)))")
    }

    /// True when `path` is a file whose bytes are exactly `bytes`.
    private static func holds(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard bytes.count > 0 else { return true }
        let existing = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count + 1, alignment: 1)
        defer { existing.deallocate() }
        var filled = 0
        while filled <= bytes.count {  // one byte more than expected shows a file that grew meanwhile
            let n = read(fd, existing.baseAddress! + filled, existing.count - filled)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            filled += n
        }
        return filled == bytes.count && memcmp(existing.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }

    /// open/write/close, nothing more. Foundation's `Data.write` fsyncs every file (and with
    /// `.atomic` adds a temporary file and a rename): writing 30,000 files took 40 s instead of
    /// under 2 (profiled). The folder as a whole was never written atomically, and `commit` goes
    /// through libgit2, not through here.
    private static func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOFailure("cannot write `\(path)`: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw IOFailure("cannot write `\(path)`: \(String(cString: strerror(errno)))") }
            offset += n
        }
    }

    /// Removes every file under `directory` (`relative` to the output folder) that the tree does
    /// not hold; folders stay. A link counts as what it leads to: one to a folder is neither
    /// followed nor removed, one that leads nowhere is left alone.
    private static func removeStale(in directory: String, relative: String, tree: RenderedTree) throws -> Int {
        guard let handle = opendir(directory) else { throw IOFailure("cannot list `\(directory)`: \(String(cString: strerror(errno)))") }
        defer { closedir(handle) }
        var removed = 0
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = directory + "/" + name, key = relative + name
            let type = Int32(entry.pointee.d_type)
            if type == Int32(DT_DIR) || (type == Int32(DT_UNKNOWN) && isFolder(path, following: false)) {
                removed += try removeStale(in: path, relative: key + "/", tree: tree)
                continue
            }
            guard tree.files[key] == nil, type == Int32(DT_REG) || (exists(path) && !isFolder(path)) else { continue }
            guard unlink(path) == 0 else { throw IOFailure("cannot remove `\(path)`: \(String(cString: strerror(errno)))") }
            removed += 1
        }
        return removed
    }

    private static func join(_ root: String, _ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    private static func isFolder(_ path: String, following: Bool = true) -> Bool {
        var info = stat()
        return (following ? stat(path, &info) : lstat(path, &info)) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
