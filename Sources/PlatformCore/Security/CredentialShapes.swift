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
        Shape(kind: "a GitHub token", pattern: #"(?<![A-Za-z0-9])(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"#,
              anchors: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"]),
        Shape(kind: "a Hugging Face token", pattern: #"(?<![A-Za-z0-9])hf_[A-Za-z0-9]{30,}"#, anchors: ["hf_"]),
        Shape(kind: "a Slack token", pattern: #"(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}"#, anchors: ["xox"]),
        Shape(kind: "a JSON Web Token", pattern: #"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#, anchors: ["eyJ"]),
        Shape(kind: "a PEM block", pattern: #"-----BEGIN [A-Z0-9 ]+-----"#, anchors: ["-----BEGIN "]),
        Shape(kind: "a URL with an embedded password", pattern: #"[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@"#, anchors: ["@"]),
    ]

    /// No shape matches fewer UTF-8 bytes: the shortest match of all is a URL with a password,
    /// `a://b:c@` (every other shape needs 15 or more). Most strings of a manifest are shorter.
    static let shortestMatch = 8
    /// `isHighEntropy` wants 16 characters, so at least 16 bytes.
    static let shortestHighEntropy = 16

    /// Every anchor as bytes with the index of its shape, and which bytes start an anchor: one
    /// pass over a value finds the shapes worth a regular expression, without allocating.
    private static let anchors: [(shape: Int, bytes: [UInt8])] =
        shapes.indices.flatMap { index in shapes[index].anchors.map { (index, Array($0.utf8)) } }
    private static let startsAnchor: [Bool] = (0..<256).map { byte in anchors.contains { Int($0.bytes[0]) == byte } }

    /// Words that mark a field as holding a credential (matched in the lower-cased field name).
    static let credentialFieldWords = ["key", "token", "password", "passwd", "secret", "credential"]
    private static let credentialFieldWordBytes = credentialFieldWords.map { Array($0.utf8) }

    /// The kind of credential `value` looks like, or nil. `field` is the key (or env var name)
    /// the value sits under; it enables the high-entropy check.
    public static func match(_ value: String, field: String? = nil) -> String? {
        let length = value.utf8.count
        guard length >= shortestMatch else { return nil }
        let anchored = value.utf8.withContiguousStorageIfAvailable(anchoredShapes)
            ?? Array(value.utf8).withUnsafeBufferPointer(anchoredShapes)
        if anchored != 0 {
            for (index, shape) in shapes.enumerated() where anchored & (1 << index) != 0
                && value.range(of: shape.pattern, options: .regularExpression) != nil {
                return shape.kind
            }
        }
        if length >= shortestHighEntropy, let field, isCredentialField(field), isHighEntropy(value) {
            return "a high-entropy secret in a field named `\(field)`"
        }
        return nil
    }

    /// The shapes (bit `i` for `shapes[i]`) with an anchor in `bytes`. A shape's every match
    /// contains one of its anchors, so the others cannot match.
    private static func anchoredShapes(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let startsAnchor = self.startsAnchor
        var found: UInt64 = 0
        for start in bytes.indices where startsAnchor[Int(bytes[start])] {
            for anchor in anchors where found & (1 << anchor.shape) == 0 && occurs(anchor.bytes, in: bytes, at: start) {
                found |= 1 << anchor.shape
            }
        }
        return found
    }

    /// True when `needle` sits in `bytes` at `start`.
    private static func occurs(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard bytes.count - start >= needle.count else { return false }
        for i in needle.indices where bytes[start + i] != needle[i] { return false }
        return true
    }

    /// True when a field's name says it holds a key, token, password or secret.
    public static func isCredentialField(_ name: String) -> Bool {
        // An ASCII name is lower-cased byte by byte as it is compared, without building a copy;
        // others go through `lowercased()` (after which A–Z no longer occur).
        let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            bytes.allSatisfy { $0 < 0x80 } ? containsCredentialWord(bytes) : nil
        }
        if let ascii, let found = ascii { return found }
        return Array(name.lowercased().utf8).withUnsafeBufferPointer(containsCredentialWord)
    }

    /// True when one of `credentialFieldWords` occurs in `bytes`, A–Z taken as a–z.
    private static func containsCredentialWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        credentialFieldWordBytes.contains { word in
            guard bytes.count >= word.count else { return false }
            return (0...(bytes.count - word.count)).contains { start in
                word.indices.allSatisfy { i in
                    let byte = bytes[start + i]
                    return (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte) == word[i]
                }
            }
        }
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
