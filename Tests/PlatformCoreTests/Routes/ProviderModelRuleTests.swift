import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// Issue #15 finding 2 (part): fallback and agent provider models are checked against LiteLLM's table.
@Suite struct ProviderModelRuleTests {
    static func warnings(_ text: String) -> [String] {
        var bag = DiagnosticBag()
        _ = FrontEnd(file: "platform.yaml").run(Array(text.utf8), into: &bag)
        return bag.sorted.filter { $0.code == "W1301" }.map { d in
            let loc = d.location.map { "\($0.line):\($0.column): " } ?? ""
            return "\(loc)\(d.severity.rawValue)[\(d.code)]: \(d.message)" + (d.help.map { " | help: \($0)" } ?? "")
        }
    }

    @Test func aFamilyNameIsNotAnAnthropicModelId() {
        // The bundled platform before the fix.
        let text = RouteHostnameTests.bundled.replacingOccurrences(of: "model: claude-sonnet-4-6 }", with: "model: claude-sonnet-4 }")
        #expect(text != RouteHostnameTests.bundled)
        #expect(Self.warnings(text) == [
            """
                161:39: warning[W1301]: `claude-sonnet-4` is not a model id of the anthropic API (route `code`, provider `anthropic`) | \
                help: did you mean `claude-sonnet-4-6`?
                """,
        ])
    }

    @Test func aMisspelledOpenAIModelAndAnAgentsProviderModel() {
        let text = Fixture.spec([
            ("      - { model: llama-3-70b, weight: 100 }\n",
                "      - { model: llama-3-70b, weight: 100 }\n    fallbacks:\n      - { provider: openai, model: gpt-4-o }\n"),
            ("    model: llama-3-70b\n    systemMessage:", "    model: openai/gpt4o-mini\n    systemMessage:"),
        ])
        #expect(Self.warnings(text) == [
            """
                30:36: warning[W1301]: `gpt-4-o` is not a model id of the openai API (route `chat`, provider `openai`) | help: did you \
                mean `gpt-4o`?
                """,
            """
                41:12: warning[W1301]: `gpt4o-mini` is not a model id of the openai API (agent `ops`, provider `openai`) | help: did you \
                mean `gpt-4o-mini`?
                """,
        ])
    }

    @Test func theBundledPlatformAndAProviderWithItsOwnBaseURLPass() {
        #expect(Self.warnings(RouteHostnameTests.bundled).isEmpty)
        let text = Fixture.spec([
            ("      - { model: llama-3-70b, weight: 100 }\n",
                "      - { model: llama-3-70b, weight: 100 }\n    fallbacks:\n      - { provider: openai, model: my-finetune }\n"),
            ("    apiKeySecret: openai-api-key\n", "    apiKeySecret: openai-api-key\n    baseURL: https://llm.example.com/v1\n"),
        ])
        #expect(Self.warnings(text).isEmpty)
    }
}
