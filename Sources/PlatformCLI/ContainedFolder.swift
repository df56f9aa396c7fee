import Foundation

/// The CLI's one file sink: every file `compile --out` and `golden update` write or delete, by a
/// path relative to one root folder. Paths are walked one segment at a time from the root's
/// descriptor (`openat` with `O_NOFOLLOW`), so nothing is written or deleted through a symbolic
/// link or outside the root, whatever the path or the folder holds; only regular files are
/// removed, never git metadata.
final class ContainedFolder: Sendable {
    /// The root as the user named it (for messages).
    let root: String
    private let descriptor: Int32

    /// Opens `root`, creating it (and its parents) when missing. The root itself is the user's
    /// choice on the command line, so a link there is followed; nothing below it is.
    init(_ root: String) throws {
        let path = root.isEmpty ? "." : root
        self.root = path
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
            throw IOFailure("output `\(root)` exists and is not a directory")
        }
        if stat(path, &info) != 0 {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw IOFailure("cannot create folder `\(path)`: \(error.localizedDescription)")
            }
        }
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IOFailure("cannot open `\(path)`: \(String(cString: strerror(errno)))") }
    }

    deinit { close(descriptor) }

    /// A file named on the command line (`--out report.html`, `-o spec.yaml`) as the folder to open
    /// (the user's choice, created when missing) and the plain name to write there; nil when the
    /// path names no file (`dir/`, `..`).
    static func fileTarget(_ path: String) -> (folder: String, file: String)? {
        let file = URL(fileURLWithPath: path).lastPathComponent
        guard !path.hasSuffix("/"), !file.isEmpty, file != ".", file != "..", isPlain(file) else { return nil }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        return (folder.isEmpty ? "/" : folder, file)
    }

    /// The segments of `relative`, refused unless each is a plain name: no empty, `.` or `..`
    /// segment, no absolute path, backslash or control character, no git metadata.
    static func segments(_ relative: String) throws -> [String] {
        guard isPlain(relative) else {
            throw IOFailure("refusing to write `\(relative)`: not a plain relative path inside the output folder")
        }
        return relative.split(separator: "/").map(String.init)
    }

    /// The rule of `segments`, by one look at the bytes (it runs for every file of a tree).
    static func isPlain(_ relative: String) -> Bool {
        var relative = relative
        return relative.withUTF8 { bytes in
            var start = 0
            for i in 0...bytes.count {
                let byte = i < bytes.count ? bytes[i] : UInt8(ascii: "/")
                if byte < 0x20 || byte == 0x7f || byte == UInt8(ascii: "\\") { return false }
                guard byte == UInt8(ascii: "/") else { continue }
                let length = i - start
                if length == 0 { return false }  // empty segment, or a leading `/`
                if bytes[start] == UInt8(ascii: "."), length <= 2, length == 1 || bytes[start + 1] == UInt8(ascii: ".") { return false }
                if length >= 4, bytes[start] == UInt8(ascii: "."),
                   bytes[start + 1] | 0x20 == UInt8(ascii: "g"), bytes[start + 2] | 0x20 == UInt8(ascii: "i"),
                       bytes[start + 3] | 0x20 == UInt8(ascii: "t") {
                    return false  // `.git`, `.gitmodules`… in any case
                }
                start = i + 1
            }
            return true
        }
    }

    /// An open folder below the root: its descriptor, and whether this call created it (then it
    /// held no file to compare with).
    struct Folder {
        let descriptor: Int32
        let created: Bool
        let path: String
    }

    /// Runs `body` with the folder at `relative` ("" is the root), creating missing folders when
    /// `create` is true; nil (without calling `body`) when it is missing and `create` is false.
    func withFolder<T>(_ relative: String, create: Bool, _ body: (Folder) throws -> T) throws -> T? {
        var current = dup(descriptor)
        guard current >= 0 else { throw IOFailure("cannot open `\(root)`: \(String(cString: strerror(errno)))") }
        defer { close(current) }
        var created = false
        var path = root
        for segment in relative.isEmpty ? [] : try Self.segments(relative) {
            path += "/" + segment
            created = false
            var next = openat(current, segment, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT {
                guard create else { return nil }
                if mkdirat(current, segment, 0o755) == 0 {
                    created = true
                } else if errno != EEXIST {
                    throw failure("cannot create folder", path)
                }
                next = openat(current, segment, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard next >= 0 else { throw obstacle(current, segment, path) }
            close(current)
            current = next
        }
        return try body(Folder(descriptor: current, created: created, path: path))
    }

    /// True when the file `name` of `folder` is a regular file holding exactly `bytes`.
    func holds(_ name: String, in folder: Folder, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let fd = openat(folder.descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
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
    /// under 2 (profiled). A link in the file's place is refused, not followed.
    func write(_ name: String, in folder: Folder, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        let path = folder.path + "/" + name
        _ = try Self.segments(name)
        let fd = openat(folder.descriptor, name, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == ELOOP { throw IOFailure("refusing to write `\(path)`: it is a symbolic link (platformc never writes through one)") }
            throw failure("cannot write", path)
        }
        defer { close(fd) }
        try writeAll(fd, bytes, path)
    }

    private func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>, _ path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure("cannot write", path) }
            offset += n
        }
    }

    /// Writes `text` to `relative`, creating its folders.
    func write(_ relative: String, _ text: String) throws {
        let slash = relative.lastIndex(of: "/")
        let folder = slash.map { String(relative[..<$0]) } ?? ""
        let name = slash.map { String(relative[relative.index(after: $0)...]) } ?? relative
        var text = text
        _ = try withFolder(folder, create: true) { folder in try text.withUTF8 { try write(name, in: folder, $0) } }
    }

    /// Creates the file `name` in the root holding `text`, refusing (nothing written) when anything
    /// of that name is there already, a link included: `O_EXCL` decides, so no race can overwrite.
    func create(_ name: String, _ text: String) throws {
        var text = text
        _ = try withFolder("", create: false) { folder in
            _ = try Self.segments(name)
            let path = folder.path + "/" + name
            let fd = openat(folder.descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                if errno == EEXIST {
                    throw IOFailure("refusing to overwrite `\(path)`: it exists (move it away or choose another `--out`)")
                }
                throw failure("cannot write", path)
            }
            defer { close(fd) }
            do {
                try text.withUTF8 { try writeAll(fd, $0, path) }
            } catch {
                unlinkat(folder.descriptor, name, 0)  // a half-written spec is worse than none
                throw error
            }
        }
    }

    /// Removes the regular file at `relative` and the folders it leaves empty (never the root);
    /// false when there is no regular file there (a link or folder is left alone).
    @discardableResult
    func removeFile(_ relative: String) throws -> Bool {
        var segments = try Self.segments(relative)
        let name = segments.removeLast()
        let removed = try withFolder(segments.joined(separator: "/"), create: false) { folder in
            try removeRegularFile(name, in: folder)
        } ?? false
        while removed, !segments.isEmpty {
            let last = segments.removeLast()
            let emptied = try withFolder(segments.joined(separator: "/"),
                create: false) { unlinkat($0.descriptor, last, AT_REMOVEDIR) == 0 }
            if emptied != true { break }
        }
        return removed
    }

    /// Removes every regular `.yaml` file under `relative` that `keep` refuses (keys are paths
    /// relative to the root). Links are neither followed nor removed, dot folders (`.git`) are
    /// not entered, other files are left alone. Returns how many were removed.
    func pruneStale(under relative: String, keep: (String) -> Bool) throws -> Int {
        try withFolder(relative, create: false) { folder in try prune(folder, key: relative + "/", keep: keep) } ?? 0
    }

    private func prune(_ folder: Folder, key prefix: String, keep: (String) -> Bool) throws -> Int {
        let listing = dup(folder.descriptor)
        guard listing >= 0, let handle = fdopendir(listing) else { throw failure("cannot list", folder.path) }
        defer { closedir(handle) }
        var removed = 0
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }  // `.`, `..`, `.git` and other dotfiles are never ours
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard fstatat(folder.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                type = info.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            let key = prefix + name
            if type == Int32(DT_DIR) {
                let child = openat(folder.descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { continue }  // replaced by a link or removed meanwhile: not ours to follow
                defer { close(child) }
                removed += try prune(Folder(descriptor: child, created: false, path: folder.path + "/" + name), key: key + "/", keep: keep)
            } else if type == Int32(DT_REG), name.hasSuffix(".yaml"), !keep(key) {
                if try removeRegularFile(name, in: folder) { removed += 1 }
            }
        }
        return removed
    }

    /// Unlinks `name` of `folder` when it is a regular file (checked without following a link).
    private func removeRegularFile(_ name: String, in folder: Folder) throws -> Bool {
        var info = stat()
        guard fstatat(folder.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        guard unlinkat(folder.descriptor, name, 0) == 0 || errno == ENOENT else { throw failure("cannot remove", folder.path + "/" + name) }
        return true
    }

    /// Why `segment` of the folder `current` could not be opened as a folder.
    private func obstacle(_ current: Int32, _ segment: String, _ path: String) -> IOFailure {
        let code = errno
        var info = stat()
        if fstatat(current, segment, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK {
                return IOFailure("refusing to write into `\(path)`: it is a symbolic link (platformc never writes through one)")
            }
            if info.st_mode & S_IFMT != S_IFDIR { return IOFailure("cannot create folder `\(path)`: a file of that name is in the way") }
        }
        return IOFailure("cannot open folder `\(path)`: \(String(cString: strerror(code)))")
    }

    private func failure(_ action: String, _ path: String) -> IOFailure {
        IOFailure("\(action) `\(path)`: \(String(cString: strerror(errno)))")
    }
}
