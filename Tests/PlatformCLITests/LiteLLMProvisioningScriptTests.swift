import Foundation
import Testing
import Yams

/// The provisioning Job's script (`provision.py` in the `litellm-teams-…` ConfigMap) as generated for
/// the bundled platform with two teams' keys (`teams[].keySecret`), run by `LiteLLMProxy/provision_harness.py`
/// against a stub of LiteLLM's admin API. Every request body is checked against LiteLLM's own pydantic
/// request models from the installed `litellm` (`NewTeamRequest`, `UpdateTeamRequest`, `GenerateKeyRequest`,
/// `UpdateKeyRequest`, `KeyRequest`): a field LiteLLM does not have, or a value it rejects, fails here.
@Suite struct LiteLLMProvisioningScriptTests {
    static let keyed: [(String, String)] = [
        ("  - name: search\n    quota", "  - name: search\n    keySecret: search-litellm-key\n    quota"),
        ("  - name: platform\n    quota", "  - name: platform\n    keySecret: platform-litellm-key\n    quota"),
    ]

    /// `nonisolated(unsafe)`: `[String: Any]` is not `Sendable`, but the value is built once by
    /// the lazy initializer (run once, thread-safely) and only read afterwards.
    nonisolated(unsafe) static let run: [String: Any] = {
        do { return try harness() } catch { return ["invalid": ["\(error)"]] }
    }()

    static func requests(_ phase: String) -> [String] {
        ((run[phase] as? [String: Any])?["requests"] as? [String]) ?? []
    }

    @Test(.enabled(if: LiteLLMProxyTests.runnable)) func requestBodiesAreLiteLLMsOwn() {
        #expect((Self.run["invalid"] as? [String]) == [], "\(Self.run)")
        #expect((Self.run["first"] as? [String: Any])?["status"] as? Int == 0, "\(Self.run)")
    }

    /// First run: the teams, then each key created under its alias (no earlier key to delete).
    @Test(.enabled(if: LiteLLMProxyTests.runnable)) func firstRunCreatesTeamsAndKeys() {
        let keys = Self.requests("first").filter { $0.contains("/key/") }
        #expect(keys == [
            "GET /key/info?HASH",
            "POST /key/delete {\"key_aliases\": [\"platformc-platform\"]}",
            "POST /key/generate {\"key\": \"sk-…ghij\", \"key_alias\": \"platformc-platform\", \"team_id\": \"platform\"}",
            "GET /key/info?HASH",
            "POST /key/delete {\"key_aliases\": [\"platformc-search\"]}",
            "POST /key/generate {\"key\": \"sk-…ghij\", \"key_alias\": \"platformc-search\", \"team_id\": \"search\"}",
        ], "\(Self.run)")
        #expect(Self.requests("first").filter { $0.hasPrefix("POST /team/") }.count == 4, "\(Self.run)")
        #expect(!Self.requests("first").contains("raw key in URL"))
    }

    /// Idempotent: the same keys are updated in place, nothing deleted or generated.
    @Test(.enabled(if: LiteLLMProxyTests.runnable)) func secondRunUpdatesInPlace() {
        #expect(Self.requests("second").filter { $0.contains("/key/") } == [
            "GET /key/info?HASH",
            "POST /key/update {\"key\": \"sk-…ghij\", \"key_alias\": \"platformc-platform\", \"team_id\": \"platform\"}",
            "GET /key/info?HASH",
            "POST /key/update {\"key\": \"sk-…ghij\", \"key_alias\": \"platformc-search\", \"team_id\": \"search\"}",
        ], "\(Self.run)")
        #expect(Self.requests("second").filter { $0.hasPrefix("POST /team/new") }.isEmpty)
    }

    /// A rotated Secret: the alias's old key is deleted and the new one registered; one key per team.
    @Test(.enabled(if: LiteLLMProxyTests.runnable)) func rotatedSecretReplacesTheKey() {
        #expect(Self.requests("rotated").filter { $0.contains("platformc-platform") } == [
            "POST /key/delete {\"key_aliases\": [\"platformc-platform\"]}",
            "POST /key/generate {\"key\": \"sk-…-xyz\", \"key_alias\": \"platformc-platform\", \"team_id\": \"platform\"}",
        ], "\(Self.run)")
        #expect((Self.run["keys_after_rotation"] as? [[String]]) == [["platformc-platform", "platform"], ["platformc-search", "search"]])
    }

    @Test(.enabled(if: LiteLLMProxyTests.runnable)) func malformedKeyStopsBeforeAnyWrite() {
        let malformed = Self.run["malformed"] as? [String: Any] ?? [:]
        #expect(malformed["status"] as? Int == 1, "\(Self.run)")
        #expect(malformed["stderr"] as? [String] == ["""
            key of team platform (Secret platform-litellm-key, key `key`) must start with `sk-` and have at least 16 characters
            """])
        #expect(Self.requests("malformed").filter { $0.hasPrefix("POST") }.isEmpty, "\(Self.run)")
    }

    static func harness() throws -> [String: Any] {
        let fixture = try CLIFixture()
        var spec = try String(contentsOf: CLIFixture.repoRoot.appendingPathComponent("platform.yaml"), encoding: .utf8)
        for (old, new) in keyed {
            guard spec.contains(old) else { throw CocoaError(.fileReadCorruptFile) }
            spec = spec.replacingOccurrences(of: old, with: new)
        }
        try fixture.write("platform.yaml", spec)
        let compile = try fixture.run(["compile", "platform.yaml", "--out", "out"])
        guard compile.status == 0 else { return ["invalid": ["compile failed: \(compile.stderr)"]] }
        let folder = fixture.root.appendingPathComponent("out/clusters/prod-use1/platform-system")
        guard let file =
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first(where: { $0.hasPrefix("configmap-litellm-teams-") }),
              let object = try Yams.load(yaml: String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) as? [String: Any],
              let data = object["data"] as? [String: String] else { return ["invalid": ["no teams ConfigMap"]] }
        try fixture.write("provision.py", data["provision.py"] ?? "")
        try fixture.write("teams.yaml", data["teams.yaml"] ?? "")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("LiteLLMProxy/provision_harness.py")
        let result = LiteLLMProxyTests.python([script.path, fixture.root.appendingPathComponent("provision.py").path,
                                               fixture.root.appendingPathComponent("teams.yaml").path])
        let line = result.output.split(separator: "\n").last.map(String.init) ?? ""
        guard let out = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return ["invalid": ["harness printed no result: \(result.output.suffix(2000))"]]
        }
        return out
    }
}
