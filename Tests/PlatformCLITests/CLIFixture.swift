import Foundation

/// A scratch folder holding a spec, and the built `platformc` run as a real process, so the
/// tests see exactly what a user or CI job sees: standard output, standard error, exit code.
final class CLIFixture {
    let root: URL
    static let repoRoot =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// A small platform (one pool, one team, no workloads) so diffs stay few and readable.
    static let minimalSpec = """
        apiVersion: platformc/v1alpha1
        kind: Platform
        metadata:
          name: mini
        clusters:
          - name: prod
            provider: aws
            zones: [us-east-1a, us-east-1b]
            nodePools:
              - name: h100
                instanceType: p5.48xlarge
                nodes: { min: 0, max: 4 }
        teams:
          - name: search
            quota: { gpus: 16 }

        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("platform.yaml", Self.minimalSpec)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String { try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8) }

    /// Edits the spec by exact text replacement.
    func edit(_ old: String, _ new: String) throws {
        let text = try read("platform.yaml")
        precondition(text.contains(old), "spec has no `\(old)`")
        try write("platform.yaml", text.replacingOccurrences(of: old, with: new))
    }

    typealias Result = CLIRunner.Result

    /// Runs `platformc arguments` in the scratch folder with a fixed, CI-free environment.
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": root.path, "GIT_CONFIG_NOSYSTEM": "1",
                           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com"]
        environment.merge(extra) { $1 }
        return try CLIRunner.run(arguments, in: root, environment: environment)
    }

    /// The JSON document on standard output.
    func json(_ result: Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }
}
