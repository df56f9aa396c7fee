import Foundation
import Testing

/// Issue 14, findings 6, 7 and the summary count of 13, attacked through the real binary: a
/// credential written into any field of the bundled spec (or into the base of a diff) is refused
/// with a located E6001, and its bytes appear nowhere in standard output or standard error, in
/// any diagnostics format, in any diff format. Add a shape to `shapes`, a field to `fields`.
@Suite struct SecretsRedTeamTests {
    /// A credential and the parts of it that must never be printed (compared case-insensitively:
    /// a "did you mean" may lower-case a value).
    struct Shape: CustomStringConvertible, Sendable {
        var name: String
        var value: String
        var cores: [String]
        var description: String { name }
    }

    static let shapes: [Shape] = [
        Shape(name: "openai", value: "sk-proj-AbCdEfGhIjKlMnOpQrStUv0123456789", cores: ["AbCdEfGhIjKlMnOpQrStUv0123456789"]),
        Shape(name: "github", value: "ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", cores: ["AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"]),
        Shape(name: "pem", value: #"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"#,
              cores: ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"]),
        Shape(name: "aws-secret", value: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            cores: ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "bPxRfiCY"]),
        Shape(name: "gitlab", value: "glpat-AbCdEfGhIj0123456789", cores: ["AbCdEfGhIj0123456789"]),
        Shape(name: "google", value: "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW", cores: ["SyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"]),
        Shape(name: "stripe-secret", value: "sk_live_AbCdEfGhIjKlMnOpQrStUv0123", cores: ["AbCdEfGhIjKlMnOpQrStUv0123"]),
        Shape(name: "stripe-restricted", value: "rk_live_ZyXwVuTsRqPoNmLkJiHg9876", cores: ["ZyXwVuTsRqPoNmLkJiHg9876"]),
        Shape(name: "bearer", value: "Bearer AbCdEf0123456789GhIjKl", cores: ["AbCdEf0123456789GhIjKl"]),
        Shape(name: "url-token", value: "https://tok3nAbCdEf0123456789@github.com/org/repo.git", cores: ["tok3nAbCdEf0123456789"]),
        Shape(name: "url-password", value: "https://:hunter2pw@git.example.com/org/repo.git", cores: ["hunter2pw"]),
        Shape(name: "url-user-password", value: "https://alice:hunter2pw@git.example.com/org/repo.git", cores: ["hunter2pw"]),
    ]

    /// A place in the bundled spec: `old` is replaced by `new(value)`; every double-quoted
    /// scalar in `new` holds the credential, and each gets an E6001 at its opening quote.
    struct Field: Sendable {
        var name: String
        var old: String
        var new: @Sendable (String) -> String
    }

    static let fields: [Field] = [
        Field(name: "systemMessage", old: "systemMessage: You help researchers find and summarise internal documentation.",
              new: { "systemMessage: \"call the API with \($0)\"" }),
        Field(name: "description", old: "description: Answers questions about the platform's clusters.", new: { "description: \"\($0)\"" }),
        Field(name: "url", old: "url: http://docs-mcp.tools:8080/mcp",
              new: { $0.hasPrefix("https://") ? "url: \"\($0)\"" : "url: \"http://docs-mcp.tools:8080/mcp?key=\($0)\"" }),
        Field(name: "headers", old: "headers: { x-team: research }", new: { "headers: { x-team: \"\($0)\" }" }),
        Field(name: "image", old: "image: nvcr.io/nvidia/nemo:25.02", new: { "image: \"\($0)\"" }),
        Field(name: "labels (key and value)", old: "metadata:\n  name: acme-ai\n",
              new: { "metadata:\n  name: acme-ai\n  labels: { team: \"\($0)\", \"\($0)\": x }\n" }),
        Field(name: "gitops.repository", old: "repository: ./gitops", new: { "repository: \"\($0)\"" }),
        Field(name: "langfuse.host", old: "host: \"https://langfuse.internal\"", new: { "host: \"\($0)\"" }),
        Field(name: "taints", old: "        capacityType: on-demand\n",
              new: { "        capacityType: on-demand\n        taints: [{ key: team, value: \"\($0)\", effect: NoSchedule }]\n" }),
        Field(name: "command", old: "command: [torchrun, /workspace/train.py]", new: { "command: [torchrun, \"\($0)\"]" }),
        Field(name: "hostnames", old: "hostnames: [code.acme.ai]", new: { "hostnames: [\"\($0)\"]" }),
    ]

    /// The bundled spec with `value` in every field, and where each E6001 must point.
    static func specWithEveryField(_ value: String) -> (spec: String, locations: [String]) {
        var spec = CLIRunner.bundledSpec
        for field in fields {
            precondition(spec.contains(field.old), "bundled spec has no `\(field.old)`")
            spec = spec.replacingOccurrences(of: field.old, with: field.new(value))
        }
        var locations: [String] = []
        for field in fields {
            let inserted = field.new(value)
            let range = spec.range(of: inserted)!
            // Quotes alternate open/close in `inserted` (no value holds a quote): the even ones open.
            let quotes = inserted.indices.filter { inserted[$0] == "\"" }
            for (n, quote) in quotes.enumerated() where n % 2 == 0 {
                let offset = inserted.distance(from: inserted.startIndex, to: quote)
                locations.append(position(of: spec.index(range.lowerBound, offsetBy: offset), in: spec))
            }
        }
        return (spec, locations.sorted { $0.compare($1, options: .numeric) == .orderedAscending })
    }

    static func position(of index: String.Index, in text: String) -> String {
        let before = text[..<index]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before
            .distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex)
            + 1
        return "\(line):\(column)"
    }

    static func e6001Locations(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line -> String? in
            guard line.contains("error[E6001]") else { return nil }
            let parts = line.split(separator: ":")
            return parts.count > 2 ? "\(parts[1]):\(parts[2])" : nil
        }
    }

    static func expectNoLeak(_ shape: Shape, _ texts: String..., context: String) {
        let all = texts.joined(separator: "\n").lowercased()
        for core in shape.cores { #expect(!all.contains(core.lowercased()), "\(shape.name) leaked in \(context)") }
    }

    // MARK: Finding 7: every shape, every field, every format

    @Test(arguments: shapes)
    func everyFieldIsRefusedInEveryFormatWithoutPrintingTheSecret(shape: Shape) throws {
        let (spec, expected) = Self.specWithEveryField(shape.value)
        let dir = try CLIRunner.workspace(spec: spec)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try CLIRunner.run(["check", "platform.yaml"], in: dir)
        #expect(text.status == 1)
        #expect(Self.e6001Locations(text.stderr) == expected, "\(shape.name)")
        #expect(text.stderr.contains("; the spec must name a Secret, never hold a credential"))
        Self.expectNoLeak(shape, text.stdout, text.stderr, context: "check text")

        let json = try CLIRunner.run(["check", "platform.yaml", "--diagnostics", "json"], in: dir)
        #expect(json.status == 1)
        let objects = try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [[String: Any]] ?? []
        let located = objects.filter { $0["code"] as? String == "E6001" }.map { "\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0)" }
        #expect(located == expected)
        Self.expectNoLeak(shape, json.stdout, json.stderr, context: "check json")

        let github = try CLIRunner.run(["check", "platform.yaml", "--diagnostics", "github"], in: dir)
        #expect(github.status == 1)
        #expect(github.stderr.components(separatedBy: "title=E6001::").count - 1 == expected.count)
        Self.expectNoLeak(shape, github.stdout, github.stderr, context: "check github")

        // Nothing is written, and the diff refuses before printing anything on standard output.
        let compile = try CLIRunner.run(["compile", "platform.yaml", "--out", "out"], in: dir)
        #expect(compile.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        Self.expectNoLeak(shape, compile.stdout, compile.stderr, context: "compile")
        for format in ["text", "markdown", "json"] {
            let diff = try CLIRunner.run(["diff", "platform.yaml", "--base", "spec:platform.yaml", "--format", format], in: dir)
            #expect(diff.status == 2)
            #expect(diff.stdout.isEmpty)
            #expect(Self.e6001Locations(diff.stderr) == expected)
            Self.expectNoLeak(shape, diff.stdout, diff.stderr, context: "diff \(format)")
        }
    }

    /// The explain reports and `compile --show-defaults` print nothing of a spec holding a credential.
    @Test(arguments: [shapes[0], shapes[11]])
    func explainOutputsRefuseWithoutPrintingTheSecret(shape: Shape) throws {
        let (spec, expected) = Self.specWithEveryField(shape.value)
        let dir = try CLIRunner.workspace(spec: spec)
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in [["explain", "inventory", "--format", "json"], ["explain", "placement"], ["explain", "cost", "--format", "markdown"],
                        ["compile", "--show-defaults"]] {
            let result = try CLIRunner.run(command + ["platform.yaml"], in: dir)
            #expect(result.status == 1, "\(command)")
            #expect(result.stdout.isEmpty)
            #expect(Self.e6001Locations(result.stderr) == expected, "\(command)")
            Self.expectNoLeak(shape, result.stdout, result.stderr, context: command.joined(separator: " "))
        }
    }

    // MARK: Finding 6: other diagnostics on the same value or line

    /// One edit of the bundled spec, the diagnostics it must give (code at line:col), the secret.
    struct Echo: CustomStringConvertible, Sendable {
        var name: String
        var old: String
        var new: String
        var expected: [String]
        var cores: [String]
        var description: String { name }
    }

    static let echoes: [Echo] = [
        Echo(name: "E1021 for an OpenAI key as a Secret name", old: "apiKeySecret: openai-api-key",
             new: "apiKeySecret: sk-proj-AbCdEfGhIjKlMnOpQrStUv0123456789",
             expected: ["63:19 E1021", "63:19 E6001"], cores: ["AbCdEfGhIjKlMnOpQrStUv0123456789"]),
        Echo(name: "E1021 for a GitHub token as a Secret name", old: "apiKeySecret: openai-api-key",
             new: "apiKeySecret: ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
             expected: ["63:19 E1021", "63:19 E6001"], cores: ["AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"]),
        Echo(name: "E1021 for a PEM block as a Secret name", old: "apiKeySecret: openai-api-key",
             new: """
                 apiKeySecret: |\n      -----BEGIN PRIVATE KEY-----\n      MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n      -----END PRIVATE KEY-----
                 """,
             expected: ["63:19 E1021", "63:19 E6001"], cores: ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"]),
        Echo(name: "E1013 for a key as an enum value", old: "    dtype: bf16\n    contextLength: 32768\n    maxSequences: 8",
             new: "    dtype: sk_live_AbCdEfGhIjKlMnOpQrStUv0123\n    contextLength: 32768\n    maxSequences: 8",
             expected: ["75:12 E1013", "75:12 E6001"], cores: ["AbCdEfGhIjKlMnOpQrStUv0123"]),
        Echo(name: "E1040 for a key as a quantity", old: "    parameters: 70B\n    architecture: llama-3-70b\n    dtype: bf16",
             new: "    parameters: glpat-AbCdEfGhIj0123456789\n    architecture: llama-3-70b\n    dtype: bf16",
             expected: ["73:17 E1040", "73:17 E6001"], cores: ["AbCdEfGhIj0123456789"]),
        Echo(name: "E1010 for a key as a mapping key", old: "    apiKeySecret: anthropic-api-key",
             new: "    apiKeySecret: anthropic-api-key\n    AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW: x",
             expected: ["67:5 E1010", "67:5 E6001"], cores: ["SyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"]),
        // The E1010 sits at `colour`, on the line that shows the token: that line is never printed.
        Echo(name: "E1010 beside a key in a flow mapping", old: "  - name: openai\n    kind: openai\n    apiKeySecret: openai-api-key",
             new: "  - { name: openai, kind: openai, apiKeySecret: \"Bearer AbCdEf0123456789GhIjKl\", colour: red }",
             expected: ["61:49 E1021", "61:49 E6001", "61:82 E1010"], cores: ["AbCdEf0123456789GhIjKl"]),
        // P7001 would print an untagged image with its password; the spec is refused before policy runs.
        Echo(name: "an image URL with a password", old: "image: nvcr.io/nvidia/nemo:25.02",
             new: "image: https://alice:hunter2pw@registry.example.com/nemo",
             expected: ["212:12 E6001"], cores: ["hunter2pw"]),
        // No scan runs on a spec that does not load: the line is still judged before it is shown.
        Echo(name: "E1004 on a line that shows a key", old: "    apiKeySecret: openai-api-key",
             new: "\tapiKeySecret: sk-proj-AbCdEfGhIjKlMnOpQrStUv0123456789",
             expected: ["63:1 E1004"], cores: ["AbCdEfGhIjKlMnOpQrStUv0123456789"]),
    ]

    @Test(arguments: echoes)
    func diagnosticsBesideACredentialDoNotEchoIt(echo: Echo) throws {
        let spec = CLIRunner.bundledSpec
        #expect(spec.contains(echo.old))
        let dir = try CLIRunner.workspace(spec: spec.replacingOccurrences(of: echo.old, with: echo.new))
        defer { try? FileManager.default.removeItem(at: dir) }
        let shape = Shape(name: echo.name, value: "", cores: echo.cores)
        for format in ["text", "json", "github"] {
            let result = try CLIRunner.run(["check", "platform.yaml", "--diagnostics", format], in: dir)
            #expect(result.status == 1)
            Self.expectNoLeak(shape, result.stdout, result.stderr, context: format)
            if format == "text" {
                let found = result.stderr.split(separator: "\n").compactMap { line -> String? in
                    guard line.hasPrefix("platform.yaml:"), let code = line.firstRange(of: "error[") else { return nil }
                    let parts = line.split(separator: ":")
                    return "\(parts[1]):\(parts[2]) \(line[code.upperBound...].prefix(5))"
                }
                #expect(found == echo.expected, "\(result.stderr)")
            }
        }
    }

    // MARK: Finding 7: the base of a diff

    /// A base tree (as an old commit may hold it) with credentials in a label value, a label key
    /// and a removed ConfigMap: every diff format masks them.
    @Test func diffMasksCredentialsReadFromTheBase() throws {
        let fixture = try CLIFixture()
        #expect(try fixture.run(["compile", "platform.yaml", "--out", "old"]).status == 0)
        let queue = "old/clusters/prod/search/localqueue-search-queue.yaml"
        let text = try fixture.read(queue)
        try fixture.write(queue, text.replacingOccurrences(of: "    platformc.dev/team: search\n",
                                                           with: """
                                                                   platformc.dev/team: search\n    leaked: \"glpat-AbCdEfGhIj0123456789\"\n\
                                                                   \"AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW\": x\n
                                                               """))
        try fixture.write("old/clusters/prod/search/configmap-leak.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: leak
              namespace: search
            data:
              url: "https://alice:hunter2pw@git.example.com/x.git"
              header: "Bearer AbCdEf0123456789GhIjKl"
              aws: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
              stripe: "sk_live_AbCdEfGhIjKlMnOpQrStUv0123"

            """)
        let shape = Shape(name: "base", value: "", cores: ["AbCdEfGhIj0123456789", "SyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW", "hunter2pw",
                                                          "AbCdEf0123456789GhIjKl", "bPxRfiCY", "AbCdEfGhIjKlMnOpQrStUv0123"])
        for format in ["text", "markdown", "json"] {
            let result = try fixture.run(["diff", "platform.yaml", "--base", "dir:old", "--format", format])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("<masked>"))
            #expect(result.stdout.contains("leak"))
            Self.expectNoLeak(shape, result.stdout, result.stderr, context: "diff \(format)")
        }
    }

    // MARK: Finding 13: the summary counts what is printed

    /// One anchored value used seven times gives seven identical errors: one is printed, one counted.
    @Test func summaryCountsThePrintedDiagnostics() throws {
        let fixture = try CLIFixture()
        try fixture.edit("zones: [us-east-1a, us-east-1b]", "zones: [&z {a: 1}, *z, *z, *z, *z, *z, *z]")
        let result = try fixture.run(["check", "platform.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: "error[E1011]").count - 1 == 1)
        #expect(result.stderr.hasSuffix("\n1 error, 0 warnings\n"))
    }
}
