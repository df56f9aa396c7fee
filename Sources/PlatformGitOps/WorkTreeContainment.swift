import CLibGit2
import Foundation

/// The containment rule of the work tree: every folder between the work tree's root and a path
/// a commit writes or removes must be a real folder (or not exist yet), never a symbolic link,
/// so neither `WorkTreeUpdate` nor libgit2's checkout can write or delete outside the work tree.
/// Checked with `lstat` before the branch moves, so a refusal leaves everything as it was.
enum WorkTreeContainment {
    /// Throws `GitError.workTreeLink` naming the first (in path order) folder that is a link;
    /// folders are inspected once each, nearest the root first.
    static func check(_ paths: [String], root: String) throws {
        var inspected: [Substring: Bool] = [:] // folder → is a real folder (false: missing)
        for path in paths.sorted() {
            var folder = Substring("")
            for segment in path.split(separator: "/").dropLast() {
                folder = folder.isEmpty ? segment : path[path.startIndex..<segment.endIndex]
                if let exists = inspected[folder] {
                    if exists { continue } else { break } // a missing folder has nothing below it
                }
                var info = stat()
                guard lstat(root + folder, &info) == 0 else {
                    if errno == ENOENT || errno == ENOTDIR { inspected[folder] = false; break }
                    throw GitError.workTreeLink(path: String(folder))
                }
                if info.st_mode & S_IFMT == S_IFLNK { throw GitError.workTreeLink(path: String(folder)) }
                // A file in a folder's place is the update's own business (a conflict, or a file
                // this commit turns into a folder); nothing below it exists.
                inspected[folder] = info.st_mode & S_IFMT == S_IFDIR
                if inspected[folder] == false { break }
            }
        }
    }
}

extension GitRepository {
    /// Refuses `prepared` before the branch moves when its work-tree update would pass through a
    /// link. Only a non-bare repository whose HEAD is the committed branch has its files updated.
    func checkWorkTreeContainment(_ prepared: PreparedCommit) throws {
        guard !isBare, try headBranchReference() == "refs/heads/" + prepared.branch,
              let workdir = git_repository_workdir(pointer) else { return }
        try WorkTreeContainment.check(prepared.changes.map(\.path), root: String(cString: workdir))
    }
}
