import CLibGit2
import Foundation
import PlatformConcurrency

/// Brings the work tree and the on-disk index from the parent commit to the new one by touching
/// only the changed paths, writing the new files from the bytes in memory on all cores.
///
/// A changed path is written only when it holds what platformc put there: the parent commit's blob
/// (or nothing for an added path), or one of `earlierVersions` (an update cut short by a crash
/// leaves the grandparent's). Anything else is the user's: kept as it is, while the index moves to
/// the new commit for every path, so a kept edit shows as an unstaged change on top of the commit
/// and `git commit -a` cannot revert platformc's commit. A changed file the user deleted is kept
/// deleted; a removed file the user already deleted is no edit.
///
/// Handles non-executable regular files only (all the compiler writes); `handles` tells when
/// libgit2's checkout must do the update instead.
struct WorkTreeUpdate {
    let repository: GitRepository
    let changes: [FileChange]
    let files: [String: String]
    /// Per path, other versions platformc wrote there (nil: no file); see `WorkTreeRecovery`.
    var earlierVersions: [String: [TreeEntry?]] = [:]
    /// Per path, the blob an interrupted update was writing: a file holding a strict prefix of it
    /// (a write cut short) is platformc's too.
    var interruptedWrites: [String: GitObjectID] = [:]
    /// Called when some path is not in the parent's state: a wider update that also repairs what an
    /// interrupted earlier update left, or nil to go on with this one.
    var widenOnConflict: (() throws -> WorkTreeUpdate?)? = nil

    /// True when every entry before and after is a non-executable regular file and no path turns
    /// from file into folder or back.
    static func handles(_ changes: [FileChange]) -> Bool {
        let plain = GIT_FILEMODE_BLOB.rawValue
        guard changes.allSatisfy({ ($0.old?.mode ?? plain) == plain && ($0.new?.mode ?? plain) == plain }) else { return false }
        // A file and a folder at one path cannot both exist, so such a turn always removes something.
        let removed = Set(changes.filter { $0.new == nil }.map { Substring($0.path) })
        guard !removed.isEmpty else { return true }
        let added = Set(changes.filter { $0.old == nil }.map { Substring($0.path) })
        func hasFolder(in paths: Set<Substring>) -> (Substring) -> Bool {
            { path in folders(of: path).contains { paths.contains($0) } }
        }
        return !added.contains(where: hasFolder(in: removed)) && !removed.contains(where: hasFolder(in: added))
    }

    /// The folders that hold `path`, nearest first.
    private static func folders(of path: Substring) -> [Substring] {
        var folders: [Substring] = []
        var folder = path
        while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = folder[..<slash]
            folders.append(folder)
        }
        return folders
    }

    /// Returns the changed paths kept as the user left them, sorted.
    func run() throws -> [String] {
        guard let workdir = git_repository_workdir(repository.pointer) else { return [] }
        let root = String(cString: workdir)
        // The index file opened on its own, not through the repository: an index that belongs to a
        // repository checks for every added entry that its blob exists, 31,000 object lookups on a
        // first commit for blobs this commit has just written.
        let indexPath = String(cString: git_repository_path(repository.pointer)) + "index"
        var indexStatus = stat()
        let indexTime = stat(indexPath, &indexStatus) == 0 ? Self.times(indexStatus).modified : nil
        let index = try GitPointer<OpaquePointer>(create: { git_index_open($0, indexPath) }, free: git_index_free)

        var update = self
        var conflicts = try update.conflicts(root: root, index: index.pointer, indexTime: indexTime)
        if !conflicts.isEmpty, let wider = try widenOnConflict?() {
            update = wider
            conflicts = try update.conflicts(root: root, index: index.pointer, indexTime: indexTime)
        }
        let kept = try Set(conflicts.filter { try !update.holdsEarlierVersion($0, root: root) })
        try update.apply(keeping: kept, root: root, index: index.pointer)
        try GitError.check(git_index_write(index.pointer))
        return kept.sorted()
    }

    /// Writes and removes every changed path but the kept ones, and records the new entry of every
    /// path in the index (a kept one with no file status, so git compares its content).
    private func apply(keeping kept: Set<String>, root: String, index: OpaquePointer) throws {
        // A recovery widens the update beyond the paths checked before the branch moved.
        try WorkTreeContainment.check(changes.map(\.path), root: root)
        for change in changes where change.new == nil {
            if !kept.contains(change.path) { try remove(change.path, root: root) }
            let result = git_index_remove(index, change.path, 0)
            if result != GIT_ENOTFOUND.rawValue { try GitError.check(result) }
        }
        let writes = changes.compactMap { change in
            change.new.flatMap { kept.contains(change.path) ? nil : (path: change.path, id: $0.id) }
        }
        try createFolders(for: writes.map(\.path), root: root)
        let statuses = try write(writes.map(\.path), root: root)
        for (write, status) in zip(writes, statuses) {
            try Self.record(write.path, id: write.id, status: status, in: index)
        }
        for change in changes where kept.contains(change.path) {
            if let new = change.new { try Self.record(change.path, id: new.id, status: stat(), in: index) }
        }
    }

    /// True when `path` holds one of the versions platformc wrote there earlier.
    private func holdsEarlierVersion(_ path: String, root: String) throws -> Bool {
        guard let versions = earlierVersions[path], !versions.isEmpty else { return false }
        var status = stat()
        switch try Self.kind(of: root + path, status: &status) {
        case .nothing: return versions.contains { $0 == nil }
        case .file:
            let id = try Self.blobID(ofFile: root + path)
            if versions.contains(where: { $0?.id == id }) { return true }
            guard let writing = interruptedWrites[path] else { return false }
            let expected = try repository.blobBytes(writing)
            guard Int(status.st_size) < expected.count,
                  let data = FileManager.default.contents(atPath: root + path) else { return false }
            return expected.starts(with: data)
        case .folder, .other: return false
        }
    }

    /// Adds or replaces the index entry of a file just written, with its status, so `git status`
    /// finds it unchanged without reading it.
    private static func record(_ path: String, id: GitObjectID, status: stat, in index: OpaquePointer) throws {
        var entry = git_index_entry()
        (entry.ctime, entry.mtime) = times(status)
        entry.dev = UInt32(truncatingIfNeeded: status.st_dev)
        entry.ino = UInt32(truncatingIfNeeded: status.st_ino)
        entry.mode = GIT_FILEMODE_BLOB.rawValue
        entry.uid = status.st_uid
        entry.gid = status.st_gid
        entry.file_size = UInt32(truncatingIfNeeded: status.st_size)
        entry.id = id.oid
        try path.withCString { cPath in
            entry.path = cPath
            try GitError.check(git_index_add(index, &entry))
        }
    }

    /// The status change and modification times, as the index records them.
    private static func times(_ status: stat) -> (changed: git_index_time, modified: git_index_time) {
        #if canImport(Darwin)
        let (changed, modified) = (status.st_ctimespec, status.st_mtimespec)
        #else
        let (changed, modified) = (status.st_ctim, status.st_mtim)
        #endif
        return (git_index_time(seconds: Int32(truncatingIfNeeded: changed.tv_sec), nanoseconds: UInt32(changed.tv_nsec)),
                git_index_time(seconds: Int32(truncatingIfNeeded: modified.tv_sec), nanoseconds: UInt32(modified.tv_nsec)))
    }

    /// The changed paths whose work-tree state is not the parent commit's. A file is compared by
    /// its status with the index entry when that settles it, else by its content.
    private func conflicts(root: String, index: OpaquePointer, indexTime: git_index_time?) throws -> [String] {
        var folderKinds: [Substring: Kind] = [:]
        var conflicts: [String] = []
        for change in changes {
            guard let old = change.old else {
                // Added: nothing may be there. A missing folder means nothing below it exists.
                let folder = change.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { change.path[..<$0] } ?? ""
                let folderKind = try folderKinds[folder] ?? {
                    let kind = try Self.kind(of: root + folder)
                    folderKinds[folder] = kind
                    return kind
                }()
                switch folderKind {
                case .nothing: break
                case .folder: if try Self.kind(of: root + change.path) != .nothing { conflicts.append(change.path) }
                case .file, .other: conflicts.append(change.path) // something else holds the folder's place
                }
                continue
            }
            var status = stat()
            switch try Self.kind(of: root + change.path, status: &status) {
            case .nothing where change.new == nil: continue
            case .file:
                if Self.indexRecords(change.path, id: old.id, status: status, index: index, indexTime: indexTime) { continue }
                if try Self.blobID(ofFile: root + change.path) == old.id { continue }
            default: break
            }
            conflicts.append(change.path)
        }
        return conflicts
    }

    private enum Kind: Equatable { case nothing, file, folder, other }

    /// What is at `path`; a parent that is a file (ENOTDIR) counts as something in the way.
    private static func kind(of path: String) throws -> Kind {
        var status = stat()
        return try kind(of: path, status: &status)
    }

    private static func kind(of path: String, status info: inout stat) throws -> Kind {
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return .nothing }
            if errno == ENOTDIR { return .other }
            throw systemError("could not inspect", path)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return info.st_mode & S_IXUSR == 0 ? .file : .other
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// True when the index records blob `id` at `path` with exactly this file status, and the file
    /// was last written before the index: a file changed within the index's own timestamp could
    /// keep its recorded status (git's "racy" case), so its content decides.
    private static func indexRecords(_ path: String, id: GitObjectID, status: stat, index: OpaquePointer,
        indexTime: git_index_time?) -> Bool {
        guard let indexTime, let entry = git_index_get_bypath(index, path, 0)?.pointee else { return false }
        let (changed, modified) = times(status)
        func key(_ time: git_index_time) -> (Int32, UInt32) { (time.seconds, time.nanoseconds) }
        return GitObjectID(entry.id) == id && entry.file_size == UInt32(truncatingIfNeeded: status.st_size)
            && entry.ino == UInt32(truncatingIfNeeded: status.st_ino)
            && key(entry.mtime) == key(modified) && key(entry.ctime) == key(changed) && key(modified) < key(indexTime)
    }

    private static func blobID(ofFile path: String) throws -> GitObjectID {
        var oid = git_oid()
        try GitError.check(git_odb_hashfile(&oid, path, GIT_OBJECT_BLOB))
        return GitObjectID(oid)
    }

    /// Removes a file and the folders it leaves empty (not the work tree's root).
    private func remove(_ path: String, root: String) throws {
        guard unlink(root + path) == 0 || errno == ENOENT else { throw Self.systemError("could not remove", path) }
        var folder = Substring(path)
        while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = folder[..<slash]
            if rmdir(root + folder) != 0 { return }
        }
    }

    /// Creates every missing folder that holds one of `paths`, parents first.
    private func createFolders(for paths: [String], root: String) throws {
        var folders: Set<Substring> = []
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                if !folders.insert(folder).inserted { break }
            }
        }
        for folder in folders.sorted() where mkdir(root + folder, 0o777) != 0 && errno != EEXIST {
            throw Self.systemError("could not create folder", String(folder))
        }
    }

    /// Writes the new bytes of each path (mode 0644 less the umask) on all cores; returns each
    /// file's status after writing, for the index.
    private func write(_ paths: [String], root: String) throws(GitError) -> [stat] {
        let files = files  // the bytes only: the update itself (repository handle, callback) stays on this thread
        return try paths.concurrentRuns(of: 256) { run throws(GitError) in
            try run.map { path throws(GitError) in try Self.writeFile(path, text: files[path] ?? "", root: root) }
        }.flatMap { $0 }
    }

    private static func writeFile(_ path: String, text: String, root: String) throws(GitError) -> stat {
        let fd = open(root + path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644) // never through a link
        guard fd >= 0 else { throw Self.systemError("could not write", path) }
        defer { close(fd) }
        var text = text
        let complete = text.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                written += n
            }
            return true
        }
        guard complete else { throw Self.systemError("could not write", path) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw Self.systemError("could not inspect", path) }
        return status
    }

    private static func systemError(_ action: String, _ path: String) -> GitError {
        .libgit2(code: -1, klass: Int32(GIT_ERROR_OS.rawValue), message: "\(action) `\(path)`: \(String(cString: strerror(errno)))")
    }
}
