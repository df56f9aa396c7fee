import ArgumentParser
import Foundation
import PlatformCore

/// `platformc golden check|update [SPEC] [--dir golden]`: the compiled tree, committed beside the
/// spec and reviewed in pull requests. `check` fails with a unified diff per file when the
/// folder drifted from what the compiler writes; `update` rewrites it byte for byte and removes
/// stale files. Dotfiles (`.gitattributes`, `.gitkeep`) in the folder are left alone.
struct GoldenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "golden",
                                                    abstract: "Check or update the golden copy of the compiled tree.",
                                                    subcommands: [Check.self, Update.self])

    struct Options: ParsableArguments {
        @OptionGroup var spec: SpecOptions
        @Option(help: "The golden folder.") var dir: String = "golden"
        @Option(help: "Folder of your own templates.") var templates: String?

        /// The compiled tree and the folder's current files.
        func load() throws -> (tree: RenderedTree, current: [String: String]) {
            let input = try CompileInput.load(options: spec, templatesFolder: templates)
            let output = input.compile(warningsAsErrors: spec.warningsAsErrors)
            emit(output.diagnostics, format: spec.diagnostics, sources: input.sources)
            guard let tree = output.tree else { throw ExitStatus.ioError }
            var current: [String: String] = [:]
            if FileManager.default.fileExists(atPath: dir) {
                do { current = try TreeReader.read(dir) } catch let error as IOFailure { throw fail(error.description) }
            }
            return (tree, current.filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } })
        }
    }

    struct Check: ParsableCommand {
        static let configuration =
            CommandConfiguration(abstract: "Fail with a unified diff when the golden folder differs from the compiled tree.")
        @OptionGroup var options: Options

        func run() throws {
            let (tree, current) = try options.load()
            let paths = Set(tree.files.keys).union(current.keys).sorted { $0.precedesInByteOrder($1) }
            var differing = 0
            for path in paths where tree.files[path] != current[path] {
                differing += 1
                print(UnifiedDiff.render(path: path, old: current[path], new: tree.files[path]), terminator: "")
            }
            guard differing > 0 else {
                print("platformc: \(options.dir) matches the compiled tree (\(tree.files.count) files)")
                return
            }
            FileHandle.standardError.write(Data("""
                platformc: \(differing) file\(differing == 1 ? "" : "s") in \(options.dir) differ from the compiled tree; run `platformc \
                golden update` and review the change\n
                """.utf8))
            throw ExitCode(1)
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rewrite the golden folder from the compiled tree, removing stale files.")
        @OptionGroup var options: Options

        func run() throws {
            let fm = FileManager.default
            // Pruning deletes files: never inside a repository root or the spec's own folder.
            let root = URL(fileURLWithPath: options.dir).standardizedFileURL
            if fm.fileExists(atPath: root.appendingPathComponent(".git").path) || root == SpecFile.folder(of: options.spec.spec) {
                throw fail("refusing to prune `\(options.dir)`: it is a repository root or the spec's folder; use a dedicated folder")
            }
            let (tree, current) = try options.load()
            let changes: FolderSync.Changes
            do {
                // The one tree writer, through the one contained sink: no write or removal leaves the
                // folder or follows a link; only the stale files found by the read are removed.
                changes = try FolderSync.sync(tree, to: options.dir, managed: [], stale: Array(current.keys))
            } catch let error as IOFailure {
                throw fail("cannot update `\(options.dir)`: \(error.description)")
            }
            print("platformc: \(options.dir): \(changes.written) written, \(changes.removed) removed, "
                + "\(tree.files.count - changes.written) unchanged")
        }
    }
}
