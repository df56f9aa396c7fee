import Foundation
import PackagePlugin

/// Generates `BuildRevision.swift` for a target: the git commit the package was built from. The
/// tool reads it from `.git` by path when it runs (never by running git); this plugin only names
/// the files that move with every commit, checkout or reset as the command's inputs: HEAD, its
/// reflog `logs/HEAD` (appended on every move of HEAD, whichever branch), the ref HEAD names and
/// `packed-refs`. So the command runs again after a commit even when SwiftPM reuses the plan of an
/// earlier build (it does not always re-run plugins: swiftlang/swift-package-manager#7891, #8202).
/// No `.git` (a source tarball): no inputs, and the tool writes "unknown".
@main
struct BuildRevisionPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildRevision.swift")
        return [.buildCommand(displayName: "Recording the git revision",
                              executable: try context.tool(named: "BuildRevisionTool").url,
                              arguments: [output.path, context.package.directoryURL.path],
                              inputFiles: Self.gitFiles(context.package.directoryURL), outputFiles: [output])]
    }

    /// The git files whose change means another commit may be checked out.
    static func gitFiles(_ package: URL) -> [URL] {
        let dotGit = package.appendingPathComponent(".git")
        var gitDir = dotGit
        if let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir: ") {
            let path = text.dropFirst("gitdir: ".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitDir = path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appendingPathComponent(path)
        }
        var common = gitDir
        if let path = (try? String(contentsOf: gitDir.appendingPathComponent("commondir"), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) {
            common = path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitDir.appendingPathComponent(path)
        }
        var files = [gitDir.appendingPathComponent("HEAD"), gitDir.appendingPathComponent("logs/HEAD"),
                     common.appendingPathComponent("packed-refs")]
        if let head = try? String(contentsOf: gitDir.appendingPathComponent("HEAD"), encoding: .utf8), head.hasPrefix("ref: ") {
            let ref = head.dropFirst("ref: ".count).trimmingCharacters(in: .whitespacesAndNewlines)
            files += [gitDir.appendingPathComponent(ref), common.appendingPathComponent(ref)]
        }
        return files.filter { FileManager.default.fileExists(atPath: $0.path) }
    }
}
