import Foundation
@testable import PlatformFrontEnd
import Testing

/// `SpecChecker.isPlainDNSLabel` skips the regular expression only for names it certainly matches:
/// every name it accepts must match `PlatformShape.dnsLabel`, and the plain names must be accepted.
@Suite struct DNSLabelFastPathTests {
    static func regexMatches(_ text: String) -> Bool {
        text.range(of: PlatformShape.dnsLabel, options: .regularExpression) != nil
    }

    @Test func acceptsOnlyWhatTheExpressionMatches() {
        let names = ["a", "0", "ab", "a-b", "a--b", "web-1", String(repeating: "a", count: 63), String(repeating: "a", count: 64),
                     "", "-", "-a", "a-", "A", "aB", "a_b", "a.b", "a b", "abc\n", "\nabc", "é", "ａ", "a\u{301}", "a-\u{0}b",
                     String(repeating: "x", count: 62) + "-", "1" + String(repeating: "-", count: 61) + "2"]
        for name in names where SpecChecker.isPlainDNSLabel(name, pattern: PlatformShape.dnsLabel) {
            #expect(Self.regexMatches(name), "fast path accepted `\(name)`")
        }
        let plain = ["a", "0", "ab", "a-b", "a--b", "web-1", String(repeating: "a", count: 63)]
        #expect(plain.allSatisfy { SpecChecker.isPlainDNSLabel($0, pattern: PlatformShape.dnsLabel) })
        // What the fast path leaves to the expression, the expression still decides: `abc\n` matches
        // there (`$` before a final newline), so the fast path must not refuse anything itself.
        #expect(!SpecChecker.isPlainDNSLabel("abc\n", pattern: PlatformShape.dnsLabel))
        #expect(!SpecChecker.isPlainDNSLabel("ab", pattern: #"^1\.[0-9]+$"#))
    }
}
