import PlatformCore
import Testing

@Suite struct SecretMaskingTests {
    typealias F = DiffFixtures

    @Test func secretDataIsMaskedButStillReported() {
        let report = F.report([("prod", F.secret("keys", data: ["api-key": "c2VjcmV0MQ=="]))],
                              [("prod", F.secret("keys", data: ["api-key": "c2VjcmV0Mg=="]))])
        #expect(report.resources[0].fields == [FieldChange(path: FieldPath([.key("data"), .key("api-key")]),
                                                           old: "<masked>", new: "<masked>", masked: true)])
        let text = DiffTextRenderer.render(report) + DiffMarkdownRenderer.render(report) + DiffJSONRenderer.render(report)
        #expect(!text.contains("c2VjcmV0"))
    }

    @Test func addedSecretShowsKeysNotValues() {
        let report = F.report([], [("prod", F.secret("keys", data: ["token": "dG9r", "user": "YWRh"]))])
        #expect(report.resources[0].object?["data"] == ["token": "<masked>", "user": "<masked>"])
    }

    @Test func secretLikeEnvValuesAndArgumentsAreMasked() {
        let base = F.deployment("llama", args: ["--api-key=sk-old"], env: [["name": "OPENAI_API_KEY", "value": "sk-1"]])
        let head = F.deployment("llama", args: ["--api-key=sk-new"], env: [["name": "OPENAI_API_KEY", "value": "sk-2"]])
        let fields = F.report([("prod", base)], [("prod", head)]).resources[0].fields
        #expect(fields.map(\.path.description) == ["spec.template.spec.containers[name=vllm].args",
                                                   "spec.template.spec.containers[name=vllm].env[name=OPENAI_API_KEY].value"])
        #expect(fields[0].old == ["--api-key=<masked>"] && fields[0].masked)
        #expect(fields[1].new == "<masked>" && fields[1].masked)
    }

    @Test func everythingBelowASecretLikeKeyIsMasked() {
        let report = F.report([("prod", F.configMap("cfg", data: ["x": "1"]))],
                              [("prod", Manifest(apiVersion: "v1", kind: "ConfigMap", name: "cfg", namespace: "search",
                                                 body: ["data": ["x": "1"], "credentials": ["user": "ada", "password": "pw"]]))])
        #expect(report.resources[0].fields == [FieldChange(path: FieldPath([.key("credentials")]), old: nil,
                                                           new: ["password": "<masked>", "user": "<masked>"], masked: true)])
        let changed = F.report([("prod", Manifest(apiVersion: "v1", kind: "ConfigMap", name: "c", body: ["credentials": ["user": "ada"]]))],
                               [("prod", Manifest(apiVersion: "v1", kind: "ConfigMap", name: "c", body: ["credentials": ["user": "bob"]]))])
        #expect(changed.resources[0].fields.map(\.new) == ["<masked>"])
    }

    @Test func referencesToSecretsStayVisible() {
        #expect(SecretMasking.isSecretLike("password"))
        #expect(SecretMasking.isSecretLike("clientSecret"))
        #expect(SecretMasking.isSecretLike("HF_TOKEN"))
        #expect(!SecretMasking.isSecretLike("secretName"))
        #expect(!SecretMasking.isSecretLike("secretKeyRef"))
        #expect(!SecretMasking.isSecretLike("secret"))
        #expect(!SecretMasking.isSecretLike("image"))
    }
}
