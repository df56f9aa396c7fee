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

    /// `ref:`, `dir:` and `spec:` prefixes force the kind; otherwise an existing folder is a
    /// folder, an existing file a spec, anything else a revision of the repository.
    static func load(_ base: String?, repo: String, branch: String, managed: [String], templates: String?) throws -> DiffBase {
        guard let base else { return try revision(branch, repo: repo, managed: managed, isDefault: true) }
        if base.hasPrefix("ref:") { return try revision(String(base.dropFirst(4)), repo: repo, managed: managed) }
        if base.hasPrefix("dir:") { return try folder(String(base.dropFirst(4)), managed: managed) }
        if base.hasPrefix("spec:") { return try spec(String(base.dropFirst(5)), templates: templates) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? try folder(base, managed: managed) : try spec(base, templates: templates)
        }
        return try revision(base, repo: repo, managed: managed)
    }

    private static func revision(_ revision: String, repo: String, managed: [String], isDefault: Bool = false) throws -> DiffBase {
        do {
            let repository = try GitRepository.open(path: repo)
            let commit = isDefault ? try repository.head(branch: revision) : try repository.commit(revision: revision)
            guard let commit else {
                // A branch without commits yet: everything in head is new.
                if isDefault { return DiffBase(label: "\(revision) (no commits)", files: [:]) }
                throw IOFailure("`\(revision)` names no commit in `\(repo)`")
            }
            let bytes = try repository.files(at: commit)
            let files = TreeReader.managed(bytes.mapValues { String(decoding: $0, as: UTF8.self) }, managed)
            return DiffBase(label: "\(revision)@\(commit.hex.prefix(12))", files: files)
        } catch let error as GitError {
            throw IOFailure("cannot read the base from `\(repo)`: \(error.description)")
        }
    }

    private static func folder(_ path: String, managed: [String]) throws -> DiffBase {
        DiffBase(label: path, files: TreeReader.managed(try TreeReader.read(path), managed))
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
