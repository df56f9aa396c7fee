import Foundation

/// Recognises values that look like credentials: provider key prefixes, JWTs, PEM blocks, URLs
/// with a password, and high-entropy strings in fields named like `key`, `token`, `password` or
/// `secret`. It answers with the kind of credential, never with the matched text, so no caller
/// can print the value by accident.
public enum CredentialShapes {
    /// One recognisable shape: a name for messages and a pattern found anywhere in a value.
    struct Shape {
        var kind: String
        var pattern: String
        /// Literal text every match contains (any one of them): a cheap `contains` test that skips
        /// the regular expression for nearly every value (the profile of a 30,000-object compile
        /// spent three quarters of its time compiling these patterns for values that cannot match).
        var anchors: [String]
    }

    /// Checked in order; the first match names the kind (`sk-ant-` before the generic `sk-`).
    /// Each prefix must start a word, so `task-…` is not an `sk-` key.
    static let shapes: [Shape] = [
        Shape(kind: "an Anthropic API key", pattern: #"(?<![A-Za-z0-9])sk-ant-[A-Za-z0-9_-]{20,}"#, anchors: ["sk-ant-"]),
        Shape(kind: "an OpenAI-style API key (`sk-`)", pattern: #"(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{20,}"#, anchors: ["sk-"]),
        Shape(kind: "an AWS access key id", pattern: #"(?<![A-Za-z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])"#, anchors: ["AKIA", "ASIA"]),
        Shape(kind: "a GitHub token", pattern: #"(?<![A-Za-z0-9])(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"#, anchors: ["gh", "github_pat_"]),
        Shape(kind: "a Hugging Face token", pattern: #"(?<![A-Za-z0-9])hf_[A-Za-z0-9]{30,}"#, anchors: ["hf_"]),
        Shape(kind: "a Slack token", pattern: #"(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}"#, anchors: ["xox"]),
        Shape(kind: "a JSON Web Token", pattern: #"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#, anchors: ["eyJ"]),
        Shape(kind: "a PEM block", pattern: #"-----BEGIN [A-Z0-9 ]+-----"#, anchors: ["-----BEGIN "]),
        Shape(kind: "a URL with an embedded password", pattern: #"[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@"#, anchors: ["@"]),
    ]

    /// Words that mark a field as holding a credential (matched in the lower-cased field name).
    static let credentialFieldWords = ["key", "token", "password", "passwd", "secret", "credential"]

    /// The kind of credential `value` looks like, or nil. `field` is the key (or env var name)
    /// the value sits under; it enables the high-entropy check.
    public static func match(_ value: String, field: String? = nil) -> String? {
        let bytes = Array(value.utf8)
        for shape in shapes where shape.anchors.contains(where: { occurs($0, in: bytes) })
            && value.range(of: shape.pattern, options: .regularExpression) != nil {
            return shape.kind
        }
        if let field, isCredentialField(field), isHighEntropy(value) {
            return "a high-entropy secret in a field named `\(field)`"
        }
        return nil
    }

    /// True when the UTF-8 of `literal` occurs in `bytes` (a plain scan: anchors are a few bytes).
    private static func occurs(_ literal: String, in bytes: [UInt8]) -> Bool {
        let needle = Array(literal.utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            var i = 1
            while i < needle.count && bytes[start + i] == needle[i] { i += 1 }
            if i == needle.count { return true }
        }
        return false
    }

    /// True when a field's name says it holds a key, token, password or secret.
    public static func isCredentialField(_ name: String) -> Bool {
        let lower = Array(name.lowercased().utf8)
        return credentialFieldWords.contains { occurs($0, in: lower) }
    }

    /// Long, unspaced and random-looking: at least 16 characters, Shannon entropy of at least 3.5
    /// bits per character, and either mixed case with digits or one unbroken alphanumeric run of 24
    /// or more. Secret *names* (lower-case DNS labels with hyphens, like `openai-api-key`) pass.
    public static func isHighEntropy(_ value: String) -> Bool {
        let chars = Array(value)
        guard chars.count >= 16, !chars.contains(where: \.isWhitespace), entropy(chars) >= 3.5 else { return false }
        let upper = chars.contains(where: \.isUppercase), lower = chars.contains(where: \.isLowercase)
        let digit = chars.contains(where: \.isNumber)
        if upper && lower && digit { return true }
        let unbroken = chars.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" || $0 == "=") }
        return unbroken && chars.count >= 24 && digit
    }

    /// Shannon entropy in bits per character.
    static func entropy(_ chars: [Character]) -> Double {
        var counts: [Character: Int] = [:]
        for c in chars { counts[c, default: 0] += 1 }
        let n = Double(chars.count)
        return counts.values.reduce(0) { sum, count in
            let p = Double(count) / n
            return sum - p * log2(p)
        }
    }
}
