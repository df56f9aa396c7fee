import Foundation
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
import Testing

/// `CredentialShapes.match` skips the regular expressions for values too short for any shape or
/// without any of a shape's anchors, and lower-cases ASCII field names byte by byte. These tests
/// hold it to the plain definition: every pattern tried on every value, `lowercased()` names.
@Suite struct CredentialShapesEquivalenceTests {
    /// The definition, without any shortcut.
    static func plainMatch(_ value: String, field: String?) -> String? {
        for shape in CredentialShapes.shapes where value.range(of: shape.pattern, options: .regularExpression) != nil {
            return shape.kind
        }
        if let field, CredentialShapes.credentialFieldWords.contains(where: { field.lowercased().contains($0) }),
           CredentialShapes.isHighEntropy(value) {
            return "a high-entropy secret in a field named `\(field)`"
        }
        return nil
    }

    /// The shortest value of each shape: `shortestMatch` must not exceed any of them.
    static let shortest: [(kind: String, value: String)] = [
        ("an Anthropic API key", "sk-ant-" + String(repeating: "a", count: 20)),
        ("an OpenAI-style API key (`sk-`)", "sk-" + String(repeating: "a", count: 20)),
        ("a Stripe API key", "rk_test_" + String(repeating: "a", count: 16)),
        ("an AWS access key id", "AKIA" + String(repeating: "A", count: 16)),
        ("an AWS secret access key", "Aa0/" + String(repeating: "a", count: 36)),
        ("a GitHub token", "ghs_" + String(repeating: "a", count: 30)),
        ("a GitHub token", "github_pat_" + String(repeating: "a", count: 22)),
        ("a GitLab token", "gldt-" + String(repeating: "a", count: 20)),
        ("a Google API key", "AIza" + String(repeating: "a", count: 35)),
        ("a Hugging Face token", "hf_" + String(repeating: "a", count: 30)),
        ("a Slack token", "xoxb-" + String(repeating: "a", count: 10)),
        ("a JSON Web Token", "eyJaaaaaaaa.aaaaaaaa.aaaaaaaa"),
        ("a bearer token", "Bearer 0" + String(repeating: "a", count: 15)),
        ("a PEM block", "-----BEGIN A-----"),
        ("a URL with an embedded password", "a://:c@"),
        ("a URL with embedded credentials", "a://b@"),
    ]

    @Test func shortestValueOfEveryShapeIsLongEnough() {
        for (kind, value) in Self.shortest {
            #expect(CredentialShapes.match(value) == kind, "\(value)")
            #expect(value.utf8.count >= CredentialShapes.shortestMatch, "\(kind)")
            // One character less no longer matches that shape (a base64 run: one more neither).
            #expect(CredentialShapes.match(String(value.dropLast())) != kind, "\(value)")
            if kind == "an AWS secret access key" { #expect(CredentialShapes.match(value + "a") != kind) }
        }
        #expect(Self.shortest.map(\.value.utf8.count).min() == CredentialShapes.shortestMatch)
    }

    @Test func fieldNamesInAnyCase() {
        for name in ["api-key", "API_KEY", "X-Api-Key", "hfToken", "DB_PASSWORD", "Passwd", "clientSecret", "CREDENTIALS",
                     "ÄPI-KEY", "Schlüssel-Token", "ǅ-SECRET"] {
            #expect(CredentialShapes.isCredentialField(name), "\(name)")
        }
        for name in ["name", "image", "description", "ke-y", "tok", "Päss", "KELVIN-\u{212A}EY"] {
            #expect(CredentialShapes.isCredentialField(name) == name.lowercased().contains("key"), "\(name)")
        }
    }

    @Test func sameAnswersAsThePlainDefinition() {
        // Fragments that make values close to every shape: anchors, near misses, separators.
        let fragments = ["sk-", "sk-ant-", "ask-", "AKIA", "ASIA", "ghp_", "gh", "github_pat_", "hf_", "xoxb-", "xox", "eyJ", ".",
                         "-----BEGIN ", "-----", "RSA KEY", "@", "://", "http", ":", "/", " ", "_", "-", "Zk8vQ2mX", "9pL4rT7w",
                         "sk_live_", "rk_test_", "glpat-", "gldt-", "AIza", "Bearer ", "bearer", "ssh://", "git@", "+",
                         "wJalrXUtnFEMI/K7MDENG/", "bPxRfiCYEXAMPLEKEY", "Aa0/Aa0/Aa0/Aa0/Aa0/",
                         "abcdefgh", "ABCDEFGH", "01234567", "é", "🔑", "+/=", "a", "Q", "7"]
        let fields: [String?] = [nil, "value", "apiKey", "HF_TOKEN", "password", "Schlüssel", "description"]
        var random = SeededGenerator(seed: 9)
        var checked = 0, matched = 0
        for _ in 0..<5_000 {
            let value = (0..<Int.random(in: 0...9, using: &random)).map { _ in fragments.randomElement(using: &random)! }.joined()
            let field = fields.randomElement(using: &random)!
            let plain = Self.plainMatch(value, field: field)
            #expect(CredentialShapes.match(value, field: field) == plain, "\(value) under \(field ?? "nil")")
            checked += 1
            if plain != nil { matched += 1 }
        }
        for (_, value) in Self.shortest + CredentialScanTests.shapes.map({ (kind: $0.0, value: $0.1) }) {
            for field in fields { #expect(CredentialShapes.match(value, field: field) == Self.plainMatch(value, field: field)) }
        }
        // The random values reach both answers, so the comparison is not vacuous.
        #expect(matched > 100 && checked - matched > 100)
    }
}
