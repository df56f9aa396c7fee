import Foundation
import Testing
import Yams

/// The composite action (`action.yml` at the repository root) run as GitHub would: each step's
/// `run:` script with `bash --noprofile --norc -eo pipefail`, its `env:` expressions filled in,
/// GITHUB_PATH / GITHUB_OUTPUT / GITHUB_STEP_SUMMARY honoured, a step failing stopping the job. The
/// debug binary goes in through the `binary` input, and the GitOps repository is a bare repository
/// in a temporary folder, reached by a file:// URL.
@Suite(.serialized) struct ActionTests {
    struct Step {
        var name: String
        var script: String
        var env: [String: String]
        var id: String?
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var outputs: [String: String]
        var summary: String
        var all: String { stdout + stderr }
    }

    static let action = CLIRunner.repoRoot.appendingPathComponent("action.yml")
    static let token = "ghp_T0kenThatMustNeverBePrinted0123456789"
    static let sha = "0123456789abcdef0123456789abcdef01234567"

    static func manifest() throws -> [String: Any] {
        try #require(try Yams.load(yaml: String(contentsOf: action, encoding: .utf8)) as? [String: Any])
    }

    static func steps() throws -> [Step] {
        let runs = try #require(try manifest()["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let steps = try #require(runs["steps"] as? [[String: Any]])
        return try steps.map { step in
            #expect(step["shell"] as? String == "bash")
            #expect(step["if"] == nil, "the harness does not evaluate `if:`")
            let env = (step["env"] as? [String: Any] ?? [:]).mapValues { "\($0)" }
            return Step(name: step["name"] as? String ?? "", script: try #require(step["run"] as? String), env: env,
                id: step["id"] as? String)
        }
    }

    /// Fills `${{ … }}` the way the runner would, for the contexts the action uses; any other
    /// expression fails the test, so a new one gets a value here before it ships.
    static func expand(_ text: String, inputs: [String: String], defaults: [String: String], temp: URL) -> String {
        var out = text
        while let open = out.range(of: "${{"), let close = out.range(of: "}}", range: open.upperBound..<out.endIndex) {
            let expression = out[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            let value: String
            if expression.hasPrefix("inputs.") {
                let name = String(expression.dropFirst("inputs.".count))
                value = inputs[name] ?? defaults[name] ?? ""
            } else if expression == "github.action_path" {
                value = CLIRunner.repoRoot.path
            } else if expression == "runner.temp" {
                value = temp.path
            } else if expression == "github.sha" {
                value = sha
            } else {
                Issue.record("action.yml uses `${{ \(expression) }}`, which the test harness does not fill")
                value = ""
            }
            out.replaceSubrange(open.lowerBound..<close.upperBound, with: value)
        }
        return out
    }

    /// Runs every step in `workspace` until one fails.
    static func run(_ inputs: [String: String], in workspace: URL, temp: URL) throws -> Run {
        let manifest = try manifest()
        let declared = try #require(manifest["inputs"] as? [String: [String: Any]])
        for name in inputs.keys { #expect(declared[name] != nil, "input `\(name)` is not declared") }
        let defaults = declared.compactMapValues { $0["default"].map { "\($0)" } }
        let files = temp.appendingPathComponent("runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let pathFile = files.appendingPathComponent("path"), summaryFile = files.appendingPathComponent("summary")
        for file in [pathFile, summaryFile] { try #require(FileManager.default.createFile(atPath: file.path, contents: nil)) }
        var result = Run(status: 0, stdout: "", stderr: "", outputs: [:], summary: "")
        for (index, step) in try steps().enumerated() {
            let outputFile = files.appendingPathComponent("output-\(index)")
            try #require(FileManager.default.createFile(atPath: outputFile.path, contents: nil))
            let script = files.appendingPathComponent("step-\(index).sh")
            try step.script.write(to: script, atomically: false, encoding: .utf8)
            let added = try String(contentsOf: pathFile, encoding: .utf8).split(separator: "\n").reversed().map(String.init)
            var environment = ["PATH": (added + ["/usr/local/bin", "/usr/bin", "/bin"]).joined(separator: ":"),
                               "HOME": temp.appendingPathComponent("home").path,
                               "XDG_CACHE_HOME": temp.appendingPathComponent("cache").path,
                               "GIT_CONFIG_NOSYSTEM": "1", "CI": "true", "GITHUB_ACTIONS": "true",
                               "RUNNER_TEMP": temp.path, "GITHUB_ACTION_PATH": CLIRunner.repoRoot.path,
                               "GITHUB_PATH": pathFile.path, "GITHUB_OUTPUT": outputFile.path, "GITHUB_STEP_SUMMARY": summaryFile.path]
            for (key, value) in step.env { environment[key] = expand(value, inputs: inputs, defaults: defaults, temp: temp) }
            let r = try CLIRunner
                .runExecutable(URL(fileURLWithPath: "/bin/bash"), ["--noprofile", "--norc", "-eo", "pipefail", script.path],
                                                in: workspace, environment: environment)
            result.stdout += r.stdout
            result.stderr += r.stderr
            result.status = r.status
            if step.id != nil {
                for line in try String(contentsOf: outputFile, encoding: .utf8).split(separator: "\n") {
                    guard let equals = line.firstIndex(of: "=") else { continue }
                    result.outputs[String(line[..<equals])] = String(line[line.index(after: equals)...])
                }
            }
            if r.status != 0 { break }
        }
        result.summary = try String(contentsOf: summaryFile, encoding: .utf8)
        return result
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("platformc-action-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("spec"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("home"), withIntermediateDirectories: true)
        return dir
    }

    /// No input is pasted into a script: they reach bash only as environment variables.
    @Test func scriptsHoldNoExpressions() throws {
        for step in try Self.steps() {
            #expect(!step.script.contains("${{"), "step `\(step.name)` pastes an expression into its script")
        }
        let declared = try #require(try Self.manifest()["inputs"] as? [String: Any])
        #expect(Set(declared.keys) == ["command", "spec", "gitops-repository", "gitops-branch", "base", "token", "binary"])
    }

    @Test func checkCommitAndDiffAgainstABareRepository() throws {
        let temp = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: temp) }
        let workspace = temp.appendingPathComponent("spec")
        #expect(try CLIRunner.run(["init", "--name", "acme"], in: workspace).status == 0)
        #expect(try CLIRunner.git(["init", "-q", "--bare", "-b", "main", "gitops.git"], in: temp).status == 0)
        let remote = "file://" + temp.appendingPathComponent("gitops.git").path
        let common = ["binary": CLIRunner.binary.path, "gitops-repository": remote, "token": Self.token]

        let check = try Self.run(common.merging(["command": "check"]) { $1 }, in: workspace, temp: temp)
        #expect(check.status == 0, "\(check.all)")
        #expect(check.stdout.contains("0.1.0 (revision "), "the install step prints the version")
        #expect(check.outputs["exit-code"] == "0")

        let commit = try Self.run(common.merging(["command": "commit"]) { $1 }, in: workspace, temp: temp)
        #expect(commit.status == 0, "\(commit.all)")
        #expect(commit.outputs["exit-code"] == "0")
        let files = try CLIRunner.git(["ls-tree", "-r", "--name-only", "main"], in: temp.appendingPathComponent("gitops.git"))
        #expect(files.stdout.contains("clusters/main/kustomization.yaml\n"), "\(files.stdout)")
        let message = try CLIRunner.git(["log", "-1", "--format=%an%n%B", "main"], in: temp.appendingPathComponent("gitops.git"))
        #expect(message.stdout.hasPrefix("platformc[bot]\n"))
        #expect(message.stdout.contains("Platform-Spec-Commit: \(Self.sha)"))

        let same = try Self.run(common.merging(["command": "diff"]) { $1 }, in: workspace, temp: temp)
        #expect(same.status == 0, "\(same.all)")
        let report = try #require(same.outputs["report"])
        let markdown = try String(contentsOfFile: report, encoding: .utf8)
        #expect(markdown.hasPrefix("<!-- platformc-diff -->"))
        #expect(same.summary == markdown, "the report goes to the job summary")

        let spec = workspace.appendingPathComponent("platform.yaml")
        let edited = try String(contentsOf: spec, encoding: .utf8)
            .replacingOccurrences(of: "replicas: { min: 2, max: 4 }", with: "replicas: { min: 3, max: 4 }")
        try edited.write(to: spec, atomically: false, encoding: .utf8)
        let changed = try Self.run(common.merging(["command": "diff"]) { $1 }, in: workspace, temp: temp)
        #expect(changed.status == 0, "changes are not a failure: \(changed.all)")
        #expect(changed.outputs["exit-code"] == "0")
        let changedMarkdown = try String(contentsOfFile: try #require(changed.outputs["report"]), encoding: .utf8)
        #expect(changedMarkdown != markdown && changedMarkdown.contains("qwen-72b"))

        for run in [check, commit, same, changed] {
            #expect(!run.all.contains(Self.token), "the token was printed")
        }
    }

    @Test func specErrorsFailTheStepWithAnnotations() throws {
        let temp = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: temp) }
        let workspace = temp.appendingPathComponent("spec")
        try CLIFixture.minimalSpec.replacingOccurrences(of: "nodePools:", with: "nodePool:")
            .write(to: workspace.appendingPathComponent("platform.yaml"), atomically: false, encoding: .utf8)
        let r = try Self.run(["command": "check", "binary": CLIRunner.binary.path], in: workspace, temp: temp)
        #expect(r.status == 1)
        #expect(r.outputs["exit-code"] == "1")
        #expect(r.stdout.contains("::error file=platform.yaml,line=") || r.stderr.contains("::error file=platform.yaml,line="), "\(r.all)")

        let bogus = try Self.run(["command": "apply", "binary": CLIRunner.binary.path], in: workspace, temp: temp)
        #expect(bogus.status == 2)
        #expect(bogus.stdout.contains("::error::platformc action: `command` must be check, diff or commit"))
    }
}
