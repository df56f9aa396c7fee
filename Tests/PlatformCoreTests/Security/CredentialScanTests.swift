import PlatformCore
import PlatformDiagnostics
import Testing

/// One test per credential shape: the error sits at the value, names the field and the kind, and
/// neither the message, the help nor the rendered text ever contains the value.
@Suite struct CredentialScanTests {
    /// (kind in the message, a fake value of that shape)
    static let shapes: [(String, String)] = [
        ("an Anthropic API key", "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWx0123456789"),
        ("an OpenAI-style API key (`sk-`)", "sk-proj-AbCdEfGhIjKlMnOpQrStUv0123456789"),
        ("an AWS access key id", "AKIAIOSFODNN7EXAMPLE"),
        ("a GitHub token", "ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"),
        ("a Hugging Face token", "hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh"),
        ("a Slack token", "xoxb-123456789012-AbCdEfGhIjKl"),
        ("a JSON Web Token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
        ("a PEM block", "-----BEGIN PRIVATE KEY----- MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"),
        ("a Stripe API key", "sk_live_AbCdEfGhIjKlMnOpQrStUv0123"),
        ("a Stripe API key", "rk_live_AbCdEfGhIjKlMnOpQrStUv0123"),
        ("an AWS secret access key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ("a GitLab token", "glpat-AbCdEfGhIj0123456789"),
        ("a Google API key", "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"),
        ("a bearer token", "Bearer AbCdEf0123456789GhIjKl"),
        ("a URL with embedded credentials", "https://tok3nAbCdEf0123456789@github.com/org/repo.git"),
        ("a URL with an embedded password", "https://:hunter2pw@git.example.com/org/repo.git"),
    ]

    static func scan(_ replacements: [(String, String)]) -> (spec: String, diagnostics: [Diagnostic]) {
        let spec = Fixture.spec(replacements)
        var bag = DiagnosticBag()
        _ = FrontEnd(file: "platform.yaml").run(Array(spec.utf8), into: &bag)
        return (spec, bag.sorted.filter { $0.code == SecurityCodes.credentialInSpec })
    }

    static func expectRedacted(_ d: Diagnostic, _ value: String, spec: String) {
        #expect(!d.message.contains(value))
        #expect(!(d.help ?? "").contains(value))
        #expect(d.redactsSource)
        let rendered = DiagnosticRenderer(sources: ["platform.yaml": spec]).render([d], as: .text)
        #expect(!rendered.contains(value))
        #expect(!DiagnosticRenderer().render([d], as: .json).contains(value))
    }

    @Test(arguments: shapes)
    func shapeInAgentSystemMessage(kind: String, value: String) {
        let (spec, found) = Self.scan([("systemMessage: You operate clusters.", "systemMessage: \"Use \(value) to call out\"")])
        #expect(found.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" } == [
            "40:20: `agents[ops].systemMessage` looks like it holds \(kind); the spec must name a Secret, never hold a credential"])
        if let d = found.first { Self.expectRedacted(d, value, spec: spec) }
    }

    @Test func passwordInURL() {
        let value = "admin:hunter2@"
        let (spec, found) = Self.scan([("url: http://k8s-mcp.tools:8080/mcp", "url: http://admin:hunter2@k8s-mcp.tools:8080/mcp")])
        #expect(found.map(\.message) == ["""
            `mcpServers[k8s-tools].url` looks like it holds a URL with an embedded password; the spec must name a Secret, never hold a \
            credential
            """])
        if let d = found.first { Self.expectRedacted(d, value, spec: spec) }
    }

    @Test func highEntropyValueInCredentialNamedField() {
        let value = "Zk8vQ2mX9pL4rT7wY1nB5cJ3hF6dG0sA"
        let (spec,
            found) = Self.scan([("    hostnames: [api.acme.ai]\n",
                "    hostnames: [api.acme.ai]\n    match: { headers: { x-api-key: \(value) } }\n")])
        #expect(found.map(\.message) == ["""
            `routes[chat].match.headers.x-api-key` looks like it holds a high-entropy secret in a field named `x-api-key`; the spec must \
            name a Secret, never hold a credential
            """])
        if let d = found.first { Self.expectRedacted(d, value, spec: spec) }
    }

    @Test func lookalikesAreNotCredentials() {
        // Secret names, words that contain a prefix, and random text outside credential fields pass.
        #expect(CredentialShapes.match("openai-api-key", field: "apiKeySecret") == nil)
        #expect(CredentialShapes.match("task-0123456789abcdefghijk") == nil)
        #expect(CredentialShapes.match("Zk8vQ2mX9pL4rT7wY1nB5cJ3hF6dG0sA", field: "description") == nil)
        #expect(CredentialShapes.match("hf://meta-llama/Llama-3.1-70B-Instruct", field: "source") == nil)
        #expect(CredentialShapes.match("http://k8s-mcp.tools:8080/mcp") == nil)
        // A login name in an ssh URL, prose about bearer tokens, a git commit id, an image digest.
        #expect(CredentialShapes.match("ssh://git@github.com/acme/gitops.git") == nil)
        #expect(CredentialShapes.match("send a Bearer token in the Authorization header") == nil)
        #expect(CredentialShapes.match("7571049d0c3a4e0d2f8f1c6b9a0e5d4c3b2a1f0e") == nil)
        #expect(CredentialShapes
            .match("nvcr.io/nvidia/nemo@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef") == nil)
        #expect(Self.scan([]).diagnostics.isEmpty)
    }

    @Test func credentialAsAMappingKeyIsReportedWithoutItsText() {
        let key = "glpat-AbCdEfGhIj0123456789"
        let (spec, found) = Self.scan([("metadata:\n  name: mini\n", "metadata:\n  name: mini\n  labels: { \"\(key)\": x }\n")])
        #expect(found.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" } == [
            "5:13: a key in `metadata.labels` looks like it holds a GitLab token; the spec must name a Secret, never hold a credential"])
        if let d = found.first { Self.expectRedacted(d, key, spec: spec) }
    }

    @Test func rangesRedactingAndLinesFindShapesInText() {
        let text = "clone https://alice:hunter2pw@git.example.com/x and send Bearer AbCdEf0123456789GhIjKl"
        #expect(CredentialShapes.redacting(text) == "clone <redacted>git.example.com/x and send <redacted>")
        #expect(CredentialShapes.ranges(in: "nothing to see here").isEmpty)
        #expect(CredentialShapes.lineShowsCredential("    password: Zk8vQ2mX9pL4rT7wY1nB5cJ3hF6dG0sA"))
        #expect(CredentialShapes.lineShowsCredential("  - { name: x, apiKey: \"Zk8vQ2mX9pL4rT7wY1nB5cJ3hF6dG0sA\" }"))
        #expect(CredentialShapes.lineShowsCredential("      - --api-key=Zk8vQ2mX9pL4rT7wY1nB5cJ3hF6dG0sA"))
        #expect(!CredentialShapes.lineShowsCredential("    apiKeySecret: openai-api-key"))
        #expect(!CredentialShapes.lineShowsCredential("    description: Zk8vQ2mX9pL4rT7wY1nB5cJ3hF6dG0sA"))
    }

    @Test func bundledPlatformHoldsNoCredential() throws {
        let bytes = try String(contentsOf: SharedTools.repoRoot.appendingPathComponent("platform.yaml"), encoding: .utf8)
        var bag = DiagnosticBag()
        _ = FrontEnd(file: "platform.yaml").run(Array(bytes.utf8), into: &bag)
        #expect(bag.sorted.filter { $0.code == SecurityCodes.credentialInSpec }.isEmpty)
    }
}
