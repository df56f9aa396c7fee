import ArgumentParser

/// The `platformc` command line: check, compile, commit, diff, golden, explain, inventory, schema.
public struct PlatformCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "platformc",
        abstract: "Compile an agentic-AI platform spec into GitOps manifests.",
        version: PlatformcVersion.string,
        subcommands: [CheckCommand.self, CompileCommand.self, CommitCommand.self, SchemaCommand.self, DiffCommand.self, GoldenCommand.self])
    public init() {}
}

/// The compiler's version, written into commit trailers and platform.lock.json.
public enum PlatformcVersion {
    public static let string = "0.1.0"
}
