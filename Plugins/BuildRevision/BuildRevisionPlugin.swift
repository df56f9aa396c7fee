import Foundation
import PackagePlugin

/// Generates `BuildRevision.swift` for a target: the git commit the package was built from, read
/// from `.git` by path (HEAD, the ref it names, `packed-refs`; a worktree's `.git` file and
/// `commondir` followed), never by running git. No `.git` (a tarball) gives "unknown". The commit
/// is the tool's argument, so a new commit changes the command and SwiftPM runs it again; HEAD and
/// the ref file are inputs, so moving the branch re-plans the build.
@main
struct BuildRevisionPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildRevision.swift")
        let revision = GitRevision(packageDirectory: context.package.directoryURL)
        return [.buildCommand(displayName: "Recording the git revision \(revision.commit)",
                              executable: try context.tool(named: "BuildRevisionTool").url,
                              arguments: [output.path, revision.commit],
                              inputFiles: revision.inputs, outputFiles: [output])]
    }
}

/// The commit of a checkout, from the files git keeps (gitrepository-layout(5)).
struct GitRevision {
    var commit = "unknown"
    var inputs: [URL] = []

    init(packageDirectory: URL) {
        let dotGit = packageDirectory.appendingPathComponent(".git")
        var gitDir = dotGit
        // A worktree or submodule: `.git` is a file `gitdir: <path>`.
        if let text = Self.read(dotGit), text.hasPrefix("gitdir: ") {
            let path = String(text.dropFirst("gitdir: ".count))
            gitDir = path.hasPrefix("/") ? URL(fileURLWithPath: path) : packageDirectory.appendingPathComponent(path)
        }
        let head = gitDir.appendingPathComponent("HEAD")
        guard let headText = Self.read(head) else { return }
        inputs.append(head)
        guard headText.hasPrefix("ref: ") else { commit = Self.hex(headText) ?? "unknown"; return }
        let ref = String(headText.dropFirst("ref: ".count))
        // Branch refs of a worktree live in the common folder named by `commondir`.
        var common = gitDir
        if let path = Self.read(gitDir.appendingPathComponent("commondir")) {
            common = path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitDir.appendingPathComponent(path)
        }
        for folder in [gitDir, common] {
            let file = folder.appendingPathComponent(ref)
            if let text = Self.read(file), let hex = Self.hex(text) { commit = hex; inputs.append(file); return }
        }
        let packed = common.appendingPathComponent("packed-refs")
        guard let lines = Self.read(packed)?.split(separator: "\n") else { return }
        inputs.append(packed)
        for line in lines where line.hasSuffix(" " + ref) {
            if let hex = Self.hex(String(line.prefix(40))) { commit = hex; return }
        }
    }

    static func read(_ url: URL) -> String? {
        (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A full object id (40 hex digits for SHA-1, 64 for SHA-256), else nil.
    static func hex(_ text: String) -> String? {
        let digits = text.lowercased()
        guard digits.count == 40 || digits.count == 64, digits.allSatisfy(\.isHexDigit) else { return nil }
        return digits
    }
}
