import Foundation
import PlatformCore
import PlatformDiagnostics
import PlatformGitOps

/// The base side of `platformc diff`: a revision of the GitOps repository, a folder holding a
/// compiled tree (or a checkout of the GitOps repository), or another spec compiled here.
struct DiffBase {
    var label: String
    var files: [String: String]
    /// The base compile's diagnostics, when the base is a spec (so only new ones are reported).
    var diagnostics: [Diagnostic] = []

    /// What `--base` names.
    enum Source {
        /// No `--base`: the head of the GitOps branch.
        case branchHead
        case revision(String)
        case folder(String)
        case spec(String)

        /// True when the base is read from the GitOps repository.
        var readsRepository: Bool {
            switch self {
            case .branchHead, .revision: return true
            case .folder, .spec: return false
            }
        }

        /// `ref:`, `dir:` and `spec:` prefixes force the kind; otherwise an existing folder is a
        /// folder, an existing file a spec, anything else a revision of the repository.
        init(_ base: String?) {
            guard let base else { self = .branchHead; return }
            if base.hasPrefix("ref:") { self = .revision(String(base.dropFirst(4))); return }
            if base.hasPrefix("dir:") { self = .folder(String(base.dropFirst(4))); return }
            if base.hasPrefix("spec:") { self = .spec(String(base.dropFirst(5))); return }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) {
                self = isDirectory.boolValue ? .folder(base) : .spec(base)
            } else {
                self = .revision(base)
            }
        }
    }

    /// A folder base starts reading on another thread at once: its files do not depend on the
    /// head compile, which runs meanwhile. Nil for other sources.
    static func prefetch(_ source: Source) -> FolderRead? {
        guard case .folder(let path) = source else { return nil }
        return FolderRead(path)
    }

    static func load(_ source: Source, prefetched: FolderRead?, repo: String, branch: String, managed: [String],
        templates: String?) throws -> DiffBase {
        switch source {
        case .branchHead: return try revision(branch, repo: repo, isDefault: true)
        case .revision(let name): return try revision(name, repo: repo)
        case .folder(let path):
            let files = try prefetched?.files() ?? TreeReader.read(path)
            return DiffBase(label: path, files: TreeReader.managed(files, ownedPaths(ofCheckout: path) ?? managed))
        case .spec(let path): return try spec(path, templates: templates)
        }
    }

    /// A folder that is a check-out of a git repository: the paths platformc owned at its HEAD
    /// (a compiled folder, not a check-out, holds only what platformc wrote: nil).
    private static func ownedPaths(ofCheckout folder: String) -> [String]? {
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent(".git").path),
              let repository = try? GitRepository.open(path: folder), let head = try? repository.commit(revision: "HEAD")
        else { return nil }
        return try? repository.ownedPaths(at: head, legacy: GitOpsPaths.legacy)
    }

    private static func revision(_ revision: String, repo: String, isDefault: Bool = false) throws -> DiffBase {
        do {
            let repository = try GitRepository.open(path: repo)
            let commit = isDefault ? try repository.head(branch: revision) : try repository.commit(revision: revision)
            guard let commit else {
                // A branch without commits yet: everything in head is new.
                if isDefault { return DiffBase(label: "\(revision) (no commits)", files: [:]) }
                throw IOFailure("`\(revision)` names no commit in `\(repo)`")
            }
            // Only what platformc's own commits wrote is read: a spec pointing `gitops.path` at
            // hand-written files must not get them read, let alone printed.
            let files = try repository.files(at: commit, within: repository.ownedPaths(at: commit, legacy: GitOpsPaths.legacy))
                .mapValues { String(decoding: $0, as: UTF8.self) }
            return DiffBase(label: "\(revision)@\(commit.hex.prefix(12))", files: files)
        } catch let error as GitError {
            throw IOFailure("cannot read the base from `\(repo)`: \(error.description)")
        }
    }

    private static func spec(_ path: String, templates: String?) throws -> DiffBase {
        let options = try SpecOptions.parse([path])
        let input = try CompileInput.load(options: options, templatesFolder: templates)
        let output = input.compile(warningsAsErrors: false)
        guard let tree = output.tree else {
            emit(output.diagnostics, format: .text, sources: input.sources)
            throw IOFailure("the base spec `\(path)` does not compile")
        }
        return DiffBase(label: path, files: tree.files, diagnostics: output.diagnostics.sorted)
    }
}

/// A folder read on a background thread; `files()` waits for the result.
struct FolderRead {
    private let read: Background<Result<[String: String], Error>>

    init(_ path: String) {
        // One core: the compile running meanwhile keeps the others.
        read = Background { Result { try TreeReader.read(path, onAllCores: false) } }
    }

    func files() throws -> [String: String] {
        try read.value.get()
    }
}
