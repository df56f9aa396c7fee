import Foundation

/// Recognises values that look like credentials: provider key prefixes, JWTs, PEM blocks, URLs
/// with a password, and high-entropy strings in fields named like `key`, `token`, `password` or
/// `secret`. It answers with the kind of credential, never with the matched text, so no caller
/// can print the value by accident.
package enum CredentialShapes {
    /// One recognisable shape: a name for messages and a pattern found anywhere in a value.
    struct Shape {
        var kind: String
        var pattern: String
        /// Literal text every match contains (any one of them): a cheap `contains` test that skips
        /// the regular expression for nearly every value (the profile of a 30,000-object compile
        /// spent three quarters of its time compiling these patterns for values that cannot match).
        var anchors: [String] = []
        /// For a shape without literal text: every match is a maximal run of exactly this many
        /// base64 characters (`A–Z a–z 0–9 + /`), found in the same pass as the anchors.
        var base64Run: Int? = nil
    }

    /// Checked in order; the first match names the kind (`sk-ant-` before the generic `sk-`).
    /// Each prefix must start a word, so `task-…` is not an `sk-` key. Each shape cites the
    /// provider's documented token format.
    static let shapes: [Shape] = [
        // Anthropic: keys start `sk-ant-` (https://docs.anthropic.com/en/api/getting-started).
        Shape(kind: "an Anthropic API key", pattern: #"(?<![A-Za-z0-9])sk-ant-[A-Za-z0-9_-]{20,}"#, anchors: ["sk-ant-"]),
        // OpenAI: secret keys start `sk-` (`sk-proj-` for project keys) (https://platform.openai.com/docs/api-reference/authentication).
        Shape(kind: "an OpenAI-style API key (`sk-`)", pattern: #"(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{20,}"#, anchors: ["sk-"]),
        // Stripe: secret keys `sk_live_…`/`sk_test_…`, restricted keys `rk_live_…`/`rk_test_…` (https://docs.stripe.com/keys).
        Shape(kind: "a Stripe API key", pattern: #"(?<![A-Za-z0-9])[sr]k_(live|test)_[A-Za-z0-9]{16,}"#,
              anchors: ["k_live_", "k_test_"]),
        // AWS: access key ids are 20 characters starting `AKIA` (long-term) or `ASIA` (temporary)
        // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html).
        Shape(kind: "an AWS access key id", pattern: #"(?<![A-Za-z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])"#, anchors: ["AKIA", "ASIA"]),
        // AWS: a secret access key is 40 base64 characters, e.g. `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`
        // (same page). Standing alone: mixed case, a digit and a `/` or `+` (a hex digest has none of
        // these); in a credential-named field the high-entropy rule below also finds one without `/`.
        Shape(kind: "an AWS secret access key",
              pattern: #"""
                  (?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]{0,39}[A-Z])(?=[A-Za-z0-9+/]{0,39}[a-z])(?=[A-Za-z0-9+/]{0,39}[0-9])(?=[A-Za-z0-9+/\#
                  ]{0,39}[+/])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/])
                  """#,
              base64Run: 40),
        // GitHub: `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` and fine-grained `github_pat_`
        // (https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/).
        Shape(kind: "a GitHub token", pattern: #"(?<![A-Za-z0-9])(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"#,
              anchors: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"]),
        // GitLab: personal `glpat-`, deploy `gldt-`, runner `glrt-`, trigger `glptt-` tokens, 20+ characters after
        // the prefix (https://docs.gitlab.com/security/tokens/#token-prefixes).
        Shape(kind: "a GitLab token", pattern: #"(?<![A-Za-z0-9])(glpat|gldt|glrt|glptt)-[A-Za-z0-9_-]{20,}"#,
              anchors: ["glpat-", "gldt-", "glrt-", "glptt-"]),
        // Google Cloud: API keys are `AIza` and 35 more characters (https://cloud.google.com/docs/authentication/api-keys).
        Shape(kind: "a Google API key", pattern: #"(?<![A-Za-z0-9])AIza[A-Za-z0-9_-]{35}"#, anchors: ["AIza"]),
        // Hugging Face: user access tokens start `hf_` (https://huggingface.co/docs/hub/security-tokens).
        Shape(kind: "a Hugging Face token", pattern: #"(?<![A-Za-z0-9])hf_[A-Za-z0-9]{30,}"#, anchors: ["hf_"]),
        // Slack: `xoxb-`, `xoxp-`, `xoxa-`, … (https://api.slack.com/concepts/token-types).
        Shape(kind: "a Slack token", pattern: #"(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}"#, anchors: ["xox"]),
        // RFC 7519: three base64url parts, the header a JSON object (`eyJ` is `{"`).
        Shape(kind: "a JSON Web Token", pattern: #"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#, anchors: ["eyJ"]),
        // RFC 6750 §2.1: `Bearer` and a b64token; 16 or more characters with a digit, so prose
        // ("a Bearer token for authentication") is not one.
        Shape(kind: "a bearer token", pattern: #"(?<![A-Za-z0-9])([Bb]earer|BEARER)\s+(?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{16,}"#,
              anchors: ["Bearer", "bearer", "BEARER"]),
        // RFC 7468: `-----BEGIN <label>-----`.
        Shape(kind: "a PEM block", pattern: #"-----BEGIN [A-Z0-9 ]+-----"#, anchors: ["-----BEGIN "]),
        // RFC 3986 §3.2.1: user information in a URL, `user:password@` (the user may be empty).
        Shape(kind: "a URL with an embedded password", pattern: #"[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]*:[^/\s@]+@"#, anchors: ["@"]),
        // A user name alone is a token for GitHub, GitLab and most HTTPS git hosts (`https://TOKEN@host`);
        // only ssh-style schemes carry a plain login name (`ssh://git@host`).
        Shape(kind: "a URL with embedded credentials",
              pattern: #"(?<![A-Za-z0-9+.-])(?!(?i:ssh|git|git\+ssh|ssh\+git|sftp)://)[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]+@"#,
              anchors: ["@"]),
    ]

    /// No shape matches fewer UTF-8 bytes: the shortest match of all is a URL with a user name,
    /// `a://b@` (every other shape needs 15 or more). Most strings of a manifest are shorter.
    static let shortestMatch = 6
    /// `isHighEntropy` wants 16 characters, so at least 16 bytes.
    static let shortestHighEntropy = 16

    /// Every anchor as bytes with the index of its shape, sorted by first byte, and where the
    /// anchors of each first byte start (`anchorStart[b]..<anchorStart[b + 1]`): one pass over a
    /// value finds the shapes worth a regular expression, trying at each byte only the anchors
    /// that start with it, without allocating.
    private static let anchors: [(shape: Int, bytes: [UInt8])] =
        shapes.indices.flatMap { index in shapes[index].anchors.map { (index, Array($0.utf8)) } }.sorted { $0.bytes[0] < $1.bytes[0] }
    private static let anchorStart: [Int] = (0...256).map { byte in anchors.firstIndex { Int($0.bytes[0]) >= byte } ?? anchors.count }
    /// Each shape found by a maximal base64 run, with the run's length.
    private static let base64Runs: [(shape: Int, length: Int)] = shapes.indices.compactMap { i in shapes[i].base64Run.map { (i, $0) } }
    private static let isBase64: [Bool] = (0..<256).map { byte in
        let c = UInt8(byte)
        return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "+")
            || c == UInt8(ascii: "/")
    }

    /// Words that mark a field as holding a credential (matched in the lower-cased field name).
    static let credentialFieldWords = ["key", "token", "password", "passwd", "secret", "credential"]
    private static let credentialFieldWordBytes = credentialFieldWords.map { Array($0.utf8) }

    /// The kind of credential `value` looks like, or nil. `field` is the key (or env var name)
    /// the value sits under; it enables the high-entropy check.
    package static func match(_ value: String, field: String? = nil) -> String? {
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
        // Local copies: a static read in the loop is a lazy-initialisation check each time.
        let anchorStart = self.anchorStart, anchors = self.anchors
        var found: UInt64 = 0
        for start in bytes.indices {
            let byte = Int(bytes[start])
            for index in anchorStart[byte]..<anchorStart[byte + 1] {
                let anchor = anchors[index]
                if found & (1 << anchor.shape) == 0 && occurs(anchor.bytes, in: bytes, at: start) { found |= 1 << anchor.shape }
            }
        }
        if bytes.count >= shortestBase64Run { found |= runShapes(bytes) }
        return found
    }

    private static let shortestBase64Run = base64Runs.map(\.length).min() ?? Int.max

    /// The shapes (bit mask) whose `base64Run` length is the length of a maximal base64 run in `bytes`.
    private static func runShapes(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let isBase64 = self.isBase64
        var found: UInt64 = 0, run = 0
        func close() {
            for candidate in base64Runs where candidate.length == run { found |= 1 << candidate.shape }
            run = 0
        }
        for byte in bytes {
            if isBase64[Int(byte)] { run += 1 } else if run > 0 { close() }
        }
        if run > 0 { close() }
        return found
    }

    /// True when `needle` sits in `bytes` at `start`.
    private static func occurs(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard bytes.count - start >= needle.count else { return false }
        for i in needle.indices where bytes[start + i] != needle[i] { return false }
        return true
    }

    /// Where credential shapes occur in `text` (high-entropy values need a field, so they are not
    /// found here). For redacting diagnostics and output lines, not for the per-value scan: each
    /// call may compile regular expressions.
    package static func ranges(in text: String) -> [Range<String.Index>] {
        guard text.utf8.count >= shortestMatch else { return [] }
        let anchored = Array(text.utf8).withUnsafeBufferPointer(anchoredShapes)
        guard anchored != 0 else { return [] }
        var found: [Range<String.Index>] = []
        for (index, shape) in shapes.enumerated() where anchored & (1 << index) != 0 {
            var start = text.startIndex
            while start < text.endIndex,
                let range = text.range(of: shape.pattern, options: .regularExpression, range: start..<text.endIndex) {
                found.append(range)
                start = range.isEmpty ? text.index(after: range.upperBound) : range.upperBound
            }
        }
        return found
    }

    /// `text` with every credential shape in it replaced by `placeholder`.
    package static func redacting(_ text: String, placeholder: String = "<redacted>") -> String {
        let found = ranges(in: text).sorted { $0.lowerBound < $1.lowerBound }
        guard !found.isEmpty else { return text }
        var out = "", cursor = text.startIndex
        for range in found where range.upperBound > cursor {
            if range.lowerBound > cursor { out += text[cursor..<range.lowerBound] }
            out += placeholder
            cursor = range.upperBound
        }
        return out + text[cursor...]
    }

    /// True when a source line shows a credential: a shape anywhere in it, or a high-entropy value
    /// after a credential-named key (`token: …`, `{ apiKey: … }`, `- --api-key=…`).
    package static func lineShowsCredential(_ line: Substring) -> Bool {
        let text = String(line)
        if !ranges(in: text).isEmpty { return true }
        guard text.utf8.count >= shortestHighEntropy else { return false }
        let separators = CharacterSet(charactersIn: "{}[],")
        for piece in text.components(separatedBy: separators) {
            let pair = piece.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "=" })
            guard pair.count == 2 else { continue }
            let unquote = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\"'-#"))
            let key = pair[0].trimmingCharacters(in: unquote), value = pair[1].trimmingCharacters(in: unquote)
            if match(value, field: key) != nil || match(key) != nil { return true }
        }
        return false
    }

    /// True when a field's name says it holds a key, token, password or secret.
    package static func isCredentialField(_ name: String) -> Bool {
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
    package static func isHighEntropy(_ value: String) -> Bool {
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
