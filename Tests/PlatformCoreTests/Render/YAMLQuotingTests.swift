import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// Every string YAML 1.1 or 1.2 could misread is quoted; everything else stays plain.
@Suite struct YAMLQuotingTests {
    static let quoted: [(String, String)] = [
        // null and booleans of both versions, any case
        ("", "''"), ("~", "'~'"), ("null", "'null'"), ("Null", "'Null'"), ("NULL", "'NULL'"),
        ("yes", "'yes'"), ("No", "'No'"), ("ON", "'ON'"), ("off", "'off'"), ("y", "'y'"), ("N", "'N'"),
        ("true", "'true'"), ("False", "'False'"), ("tRuE", "'tRuE'"),
        // every number form of YAML 1.1 and 1.2
        ("0", "'0'"), ("123", "'123'"), ("-1", "'-1'"), ("+1", "'+1'"), ("1.5", "'1.5'"), ("1.20", "'1.20'"),
        ("0755", "'0755'"), ("0x1F", "'0x1F'"), ("0o17", "'0o17'"), ("0b101", "'0b101'"), ("1_000", "'1_000'"),
        ("1e3", "'1e3'"), ("1E-3", "'1E-3'"), (".5", "'.5'"), ("5.", "'5.'"), (".inf", "'.inf'"),
        ("-.Inf", "'-.Inf'"), ("+.INF", "'+.INF'"), (".NaN", "'.NaN'"), ("1:20", "'1:20'"), ("190:20:30.15", "'190:20:30.15'"),
        ("1.2.3", "'1.2.3'"),
        // dates and timestamps
        ("2024-01-01", "'2024-01-01'"), ("2024-1-1", "'2024-1-1'"), ("2024-01-01T00:00:00Z", "'2024-01-01T00:00:00Z'"),
        ("2001-12-14 21:59:43.10 -5", "'2001-12-14 21:59:43.10 -5'"),
        // surrounding spaces
        (" leading", "' leading'"), ("trailing ", "'trailing '"),
        // indicators at the start
        ("-", "'-'"), ("- item", "'- item'"), ("---", "'---'"), ("---x", "'---x'"), ("...", "'...'"), ("... x", "'... x'"),
        ("...x", "'...x'"),
        ("?", "'?'"), ("?x", "'?x'"), (":x", "':x'"), (",x", "',x'"), ("[a]", "'[a]'"), ("]", "']'"),
        ("{a: 1}", "'{a: 1}'"), ("}", "'}'"), ("#x", "'#x'"), ("&a", "'&a'"), ("*a", "'*a'"), ("!t", "'!t'"),
        ("|", "'|'"), (">x", "'>x'"), ("'q'", "'''q'''"), ("\"q\"", "'\"q\"'"), ("%x", "'%x'"), ("@x", "'@x'"),
        ("`x", "'`x'"),
        // mapping and comment look-alikes
        ("a: b", "'a: b'"), ("a #b", "'a #b'"), ("key:", "'key:'"), ("<<", "'<<'"), ("=", "'='"),
        // characters only double quotes can carry
        ("tab\there", "\"tab\\there\""), ("bell\u{7}", "\"bell\\a\""), ("nul\u{0}", "\"nul\\0\""),
        ("esc\u{1B}", "\"esc\\e\""), ("cr\r", "\"cr\\r\""), ("del\u{7F}", "\"del\\x7F\""), ("c1\u{9B}", "\"c1\\x9B\""),
        ("nel\u{85}", "\"nel\\N\""), ("ls\u{2028}", "\"ls\\L\""), ("ps\u{2029}", "\"ps\\P\""),
        ("bom\u{FEFF}", "\"bom\\uFEFF\""), ("nc\u{FFFF}", "\"nc\\uFFFF\""), ("q\"\\\t", "\"q\\\"\\\\\\t\""),
    ]

    static let plain: [String] = [
        "nginx:1.25", "--port", "-Xmx4g", "100Mi", "1Gi", "500m", "http://k8s-mcp.tools:8080/mcp", "a,b", "a#b",
        "it's", "café", "H100-SXM-80GB", "1g.10gb", ".git", "v1", "e1", "inf", "nan", "yes please", "a:b", "a - b",
        "nvcr.io/nvidia/nemo:25.02", "x=y", "<<a", "ümlaut", "日本", "a\u{A0}b",
    ]

    @Test(arguments: quoted)
    func quotesWhatYAMLWouldMisread(input: String, expected: String) {
        #expect(YAMLRenderer.render(.string(input)) == expected + "\n")
        #expect(YAMLRenderer.render([input: 1]) == expected + ": 1\n")
    }

    @Test(arguments: plain)
    func leavesOrdinaryStringsPlain(input: String) {
        #expect(YAMLRenderer.render(.string(input)) == input + "\n")
    }

    @Test func scalarsOfOtherTypes() {
        let value: ManifestValue = [
            "int": .int(-42), "big": .int(.max), "bool": true, "null": .null, "half": 0.5, "huge": 1e20,
            "tiny": .double(.leastNonzeroMagnitude), "inf": .double(.infinity), "ninf": .double(-.infinity), "nan": .double(.nan),
            "one": 1.0,
        ]
        #expect(YAMLRenderer.render(value) == """
            big: 9223372036854775807
            bool: true
            half: 0.5
            huge: 1.0e+20
            inf: .inf
            int: -42
            nan: .nan
            ninf: -.inf
            'null': null
            one: 1.0
            tiny: 5.0e-324

            """)
    }
}
