import Foundation
import PlatformCore

/// The one file source for files the spec makes platformc read (pools' `topologyFile`, templates).
/// A file is read only when it is inside `root` (the spec's repository, or the folder given on the
/// command line), is reached without a symbolic link out of it and outside git metadata, is a
/// regular file (opened with O_NONBLOCK|O_NOFOLLOW and checked with fstat, so a FIFO cannot hang
/// the run) and is within its size bound. Everything else is a `FileRefusal` the caller reports
/// at the spec value that named the file; no refusal ever contains the file's bytes.
struct ContainedFiles {
    /// Real path (symbolic links resolved) of the folder no read may leave.
    let root: String
    /// Real path of the folder relative paths start from.
    let base: String
    /// How messages name `root`: "the spec's repository", "the templates folder".
    let scope: String

    enum Outcome {
        case contents([UInt8])
        /// Not there or not readable: the caller decides (a missing topology file is E5101 where used).
        case missing
        case refused(FileRefusal)
    }

    /// The spec's repository: the nearest folder at or above the spec's holding `.git` (a folder or,
    /// in a linked work tree, a file), else the spec's own folder. Paths start at the spec's folder.
    static func around(spec path: String) -> ContainedFiles {
        let folder = SpecFile.folder(of: path).path
        let base = realPath(folder) ?? folder
        var dir = base
        while true {
            var info = stat()
            if lstat(dir + "/.git", &info) == 0 { return ContainedFiles(root: dir, base: base, scope: "the spec's repository") }
            guard dir != "/", !dir.isEmpty else { break }
            dir = (dir as NSString).deletingLastPathComponent
        }
        return ContainedFiles(root: base, base: base, scope: "the spec's folder")
    }

    /// A folder given on the command line: reads stay inside it.
    static func inside(folder: String, scope: String) -> ContainedFiles {
        let real = realPath(folder) ?? URL(fileURLWithPath: folder).standardizedFileURL.path
        return ContainedFiles(root: real, base: real, scope: scope)
    }

    /// Reads `path` as the spec wrote it (relative to `base`), at most `limit` bytes; `what` names
    /// the kind of file in messages ("topology file").
    func read(_ path: String, limit: Int, what: String) -> Outcome {
        guard !path.hasPrefix("/") else {
            return .refused(FileRefusal(ContainmentCodes.outside, "\(what) `\(path)` is an absolute path, outside \(scope)",
                                        help: "copy the file into the repository and name it relative to the spec's folder"))
        }
        guard let lexical = Self.normalised(base + "/" + path), lexical == root || lexical.hasPrefix(rootPrefix) else {
            return .refused(FileRefusal(ContainmentCodes.outside, "\(what) `\(path)` leads out of \(scope) through `..`",
                                        help: "copy the file into the repository and name it relative to the spec's folder"))
        }
        guard !Self.namesGitMetadata(String(lexical.dropFirst(root.count))) else {
            return .refused(gitRefusal(path, what: what))
        }
        return readContained(base + "/" + path, shown: path, limit: limit, what: what)
    }

    /// Reads a file found inside `root` (by a walk), resolving links the same way as `read`.
    func readContained(_ absolute: String, shown: String, limit: Int, what: String) -> Outcome {
        guard let real = Self.realPath(absolute) else { return .missing }
        guard real == root || real.hasPrefix(rootPrefix) else {
            return .refused(FileRefusal(ContainmentCodes.symlinkOut,
                                        "\(what) `\(shown)` is reached through a symbolic link that leads out of \(scope)",
                                        help: "replace the link with the file itself, inside the repository"))
        }
        guard !Self.namesGitMetadata(String(real.dropFirst(root.count))) else { return .refused(gitRefusal(shown, what: what)) }
        // O_NOFOLLOW: the path is already resolved, so a link here means it changed under us.
        let fd = open(real, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP {
                return .refused(FileRefusal(ContainmentCodes.symlinkOut, "\(what) `\(shown)` changed into a symbolic link while being read",
                                            help: "replace the link with the file itself, inside the repository"))
            }
            return .missing
        }
        defer { close(fd) }
        switch Self.readRegular(fd, limit: limit) {
        case let .success(bytes): return .contents(bytes)
        case let .failure(problem): return .refused(problem.refusal(shown, what: what))
        }
    }

    /// Why an open descriptor could not be read as a regular file within `limit` bytes.
    enum ReadProblem: Error {
        case notRegular(kind: String)
        case tooLarge(limit: Int)
        case unreadable

        func refusal(_ shown: String, what: String) -> FileRefusal {
            switch self {
            case let .notRegular(kind):
                return FileRefusal(ContainmentCodes.notRegular, "\(what) `\(shown)` is \(kind), not a regular file",
                                   help: "name a regular file")
            case let .tooLarge(limit):
                return FileRefusal(ContainmentCodes.tooLarge, "\(what) `\(shown)` is larger than \(Self.size(limit))",
                                   help: "check that this is the right file; the bound is documented in docs/security.md")
            case .unreadable:
                return FileRefusal(ContainmentCodes.notRegular, "\(what) `\(shown)` cannot be read", help: "name a readable regular file")
            }
        }

        static func size(_ bytes: Int) -> String { bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes" }
    }

    /// Reads an open descriptor when fstat says it is a regular file of at most `limit` bytes.
    /// Reads at most `limit + 1` bytes whatever the file claims, so a file that grows, a sparse
    /// giant or a `/proc` file (size 0) costs no more memory than the bound; with `truncate`, a
    /// larger file gives its first `limit` bytes (the spec reader lets the loader refuse it).
    static func readRegular(_ fd: Int32, limit: Int, truncate: Bool = false) -> Result<[UInt8], ReadProblem> {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(kind: kindName(info.st_mode))) }
        guard truncate || Int(info.st_size) <= limit else { return .failure(.tooLarge(limit: limit)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(info.st_size), limit) + 1)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let want = min(buffer.count, limit + 1 - bytes.count)
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, want) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return .failure(.unreadable) }
            if n == 0 { break }
            bytes += buffer[..<n]
        }
        guard bytes.count > limit else { return .success(bytes) }
        return truncate ? .success(Array(bytes[..<limit])) : .failure(.tooLarge(limit: limit))
    }

    private static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    private var rootPrefix: String { root == "/" ? "/" : root + "/" }

    private func gitRefusal(_ shown: String, what: String) -> FileRefusal {
        FileRefusal(ContainmentCodes.gitMetadata, "\(what) `\(shown)` is inside git metadata (`.git`)",
                    help: "git metadata holds remotes and credentials, not inputs; name a file of the work tree")
    }

    /// `path` with `.` and `..` segments applied lexically (no file system access); nil when `..`
    /// climbs above `/`.
    static func normalised(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// True when a segment is `.git` in any case (case-insensitive file systems make `.GIT` the same).
    static func namesGitMetadata(_ relative: String) -> Bool {
        relative.split(separator: "/").contains { $0.lowercased() == ".git" }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
